/**
 * Saved indexes on disk: `saveIndex` writes an index (the binary format by default, or JSON) to
 * a temporary file beside the target, flushes it to the disk and renames it into place, so a
 * crash never leaves half an index behind; `loadIndex` reads either format, told apart by content.
 *
 * @module
 */

import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { BanglaSearchError, SearchIndex } from 'bangla-search'
import { fileError, plainMessage, showValue } from './fs-errors.js'
import { writeJson } from './json-writer.js'

/** What {@link saveIndexFile} wrote. */
export interface SavedIndexFile {
  /** The file written. */
  readonly path: string
  /** Its size in bytes. */
  readonly bytes: number
  /** Documents in the index. */
  readonly documents: number
  /** Distinct indexed terms. */
  readonly terms: number
}

/** Options of {@link saveIndex}. */
export interface SaveIndexOptions {
  /** `'binary'` (default): `SearchIndex.toBytes()`, compact and fast to load; `'json'`: `toJSON()`, format version 1. */
  readonly format?: 'binary' | 'json'
}

/** The first bytes of a binary saved index (see docs/saved-format.md). */
const BINARY_MAGIC = [0x89, 0x42, 0x4e, 0x47, 0x53, 0x0d, 0x0a, 0x1a]

/**
 * Saves an index to a file, atomically: it is written to a temporary file in the same folder,
 * flushed to the disk, then renamed over `path`, so a crash or a full disk never leaves half an
 * index (the old file, if any, stays until the new one is complete).
 *
 * @example
 * ```ts
 * const index = await indexCorpus('corpus/seeds')
 * await saveIndex(index, 'সূচি.idx')   // { path: 'সূচি.idx', bytes: 98765, documents: 5, terms: 2411 }
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be written, `INVALID_OPTION` for a bad format
 */
export async function saveIndex(index: SearchIndex, path: string, options: SaveIndexOptions = {}): Promise<SavedIndexFile> {
  if (typeof index?.toBytes !== 'function') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `saveIndex() takes a SearchIndex, got ${showValue(index)}.`)
  }
  checkPath(path, 'saveIndex')
  const format = options.format ?? 'binary'
  if (format !== 'binary' && format !== 'json') throw new BanglaSearchError('INVALID_OPTION', `format must be 'binary' or 'json', got ${showValue(format)}.`)
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    const handle = await open(temporary, 'w')
    let written: Omit<SavedIndexFile, 'path'>
    try {
      if (format === 'binary') {
        const bytes = index.toBytes()
        await handle.writeFile(bytes)
        written = { bytes: bytes.length, documents: index.size, terms: new DataView(bytes.buffer, bytes.byteOffset).getUint32(metaCountsAt(bytes) + 8, true) }
      } else {
        const saved = index.toJSON()
        written = { bytes: await writeJson(handle, saved), documents: saved.documents.ids.length, terms: saved.terms.length }
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
    await syncFolder(dirname(path))
    return { path, ...written }
  } catch (error) {
    await unlink(temporary).catch(() => {})
    throw fileError(path, 'write', error)
  }
}

/** Where the counts of the meta section (fields, documents, terms …) start: after its tag. */
function metaCountsAt(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sections = view.getUint32(12, true)
  for (let i = 0; i < sections; i++) if (view.getUint32(32 + 16 * i, true) === 1) return view.getUint32(32 + 16 * i + 4, true) + 4
  return 0
}

/** Flushes a folder's entry for a renamed file (where the platform allows; Windows does not). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined)
  if (handle === undefined) return
  await handle.sync().catch(() => {})
  await handle.close()
}

/**
 * Loads a saved index from a file: the binary format (`toBytes`, `saveIndex`) or JSON
 * (`toJSON`, format version 1), told apart by the file's first bytes, not its name.
 *
 * @example
 * ```ts
 * const index = await loadIndex('সূচি.idx')
 * index.search('পুতিনের সফর').length   // 5
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be read;
 * `MALFORMED_INDEX` or `UNSUPPORTED_INDEX_VERSION` (naming the file) when it is not a usable index
 */
export async function loadIndex(path: string): Promise<SearchIndex> {
  checkPath(path, 'loadIndex')
  const info = await stat(path).catch((error: unknown) => Promise.reject(fileError(path, 'open', error)))
  if (info.isDirectory()) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `"${path}" is a folder; loadIndex() reads a saved index file (use indexCorpus() for a folder of .txt files).`)
  }
  const bytes = await readFile(path).catch((error: unknown) => Promise.reject(fileError(path, 'read', error)))
  try {
    if (BINARY_MAGIC.every((byte, i) => bytes[i] === byte)) return SearchIndex.fromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const text = bytes.toString('utf8')
    if (/^\uFEFF?\s*\[/u.test(text.slice(0, 64))) {
      throw new BanglaSearchError('MALFORMED_INDEX', `it holds a JSON array (a corpus?), not a saved index; index it with indexCorpus() or \`bangla-search index\`.`)
    }
    if (!/^\uFEFF?\s*\{/u.test(text.slice(0, 64))) throw new BanglaSearchError('MALFORMED_INDEX', 'it is neither a binary saved index nor a JSON one (was it cut short, or is it another file?).')
    return SearchIndex.fromJSON(text)
  } catch (error) {
    if (error instanceof BanglaSearchError) throw new BanglaSearchError(error.code, `"${path}": ${plainMessage(error)}`)
    throw error
  }
}

/**
 * Saves an index as a JSON file (format version 1); {@link saveIndex} writes the smaller, faster
 * binary format. Kept for scripts written before it.
 *
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be written
 */
export async function saveIndexFile(index: SearchIndex, path: string): Promise<SavedIndexFile> {
  if (typeof index?.toJSON !== 'function') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `saveIndexFile() takes a SearchIndex, got ${showValue(index)}.`)
  }
  return saveIndex(index, path, { format: 'json' })
}

/** Loads a saved index file of either format: the same as {@link loadIndex}. */
export async function loadIndexFile(path: string): Promise<SearchIndex> {
  return loadIndex(path)
}

function checkPath(path: unknown, caller: string): void {
  if (typeof path !== 'string' || path.length === 0) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `${caller}() takes a file path, got ${showValue(path)}.`)
  }
}
