/**
 * Saved indexes on disk: `saveIndexFile` writes `SearchIndex.toJSON()` as a JSON file (in pieces,
 * through a temporary file, so a failed write never leaves half an index behind), and
 * `loadIndexFile` reads one back.
 *
 * @module
 */

import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
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

/**
 * Saves an index as a JSON file (replacing the file if it exists).
 *
 * @example
 * ```ts
 * const index = await indexCorpus('corpus/seeds')
 * await saveIndexFile(index, 'সূচি.json')   // { path: 'সূচি.json', bytes: 402345, documents: 5, terms: 2411 }
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be written
 */
export async function saveIndexFile(index: SearchIndex, path: string): Promise<SavedIndexFile> {
  if (typeof index?.toJSON !== 'function') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `saveIndexFile() takes a SearchIndex, got ${showValue(index)}.`)
  }
  checkPath(path, 'saveIndexFile')
  const saved = index.toJSON()
  const temporary = `${path}.${process.pid}.tmp`
  try {
    const handle = await open(temporary, 'w')
    let bytes: number
    try {
      bytes = await writeJson(handle, saved)
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
    return { path, bytes, documents: saved.documents.ids.length, terms: saved.terms.length }
  } catch (error) {
    await unlink(temporary).catch(() => {})
    throw fileError(path, 'write', error)
  }
}

/**
 * Loads an index saved by {@link saveIndexFile} (or any JSON file of `SearchIndex.toJSON()`).
 *
 * @example
 * ```ts
 * const index = await loadIndexFile('সূচি.json')
 * index.search('পুতিনের সফর').length   // 5
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be read;
 * `MALFORMED_INDEX` or `UNSUPPORTED_INDEX_VERSION` (naming the file) when it is not a usable index
 */
export async function loadIndexFile(path: string): Promise<SearchIndex> {
  checkPath(path, 'loadIndexFile')
  const info = await stat(path).catch((error: unknown) => Promise.reject(fileError(path, 'open', error)))
  if (info.isDirectory()) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `"${path}" is a folder; loadIndexFile() reads a saved index file (use indexCorpus() for a folder of .txt files).`)
  }
  const text = await readFile(path, 'utf8').catch((error: unknown) => Promise.reject(fileError(path, 'read', error)))
  if (/^\s*\[/u.test(text.slice(0, 64))) {
    throw new BanglaSearchError('MALFORMED_INDEX', `"${path}" holds a JSON array (a corpus?), not a saved index; index it with indexCorpus() or \`bangla-search index\`.`)
  }
  try {
    return SearchIndex.fromJSON(text)
  } catch (error) {
    if (error instanceof BanglaSearchError) throw new BanglaSearchError(error.code, `"${path}": ${plainMessage(error)}`)
    throw error
  }
}

function checkPath(path: unknown, caller: string): void {
  if (typeof path !== 'string' || path.length === 0) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `${caller}() takes a file path, got ${showValue(path)}.`)
  }
}
