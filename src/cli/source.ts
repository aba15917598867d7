/**
 * What `search` searches: a saved index file, or a corpus (folder of `.txt`, `.jsonl`, a `.json`
 * array) indexed on the fly.
 *
 * @module
 */

import { open, stat } from 'node:fs/promises'
import type { SearchIndex } from 'bangla-search'
import { indexCorpus, loadIndex, type IndexCorpusOptions } from 'bangla-search/node'

/** Bytes looked at to tell a `.json` corpus (an array) from a saved index (an object). */
const PEEK_BYTES = 256

/**
 * Opens a saved index (binary or JSON, told apart by content), or indexes a corpus. A `.json`
 * file starting with `[` is a corpus.
 *
 * @example
 * ```ts
 * await openSource('corpus/seeds', {})   // the five seed articles, indexed now
 * await openSource('সূচি.json', {})      // a saved index, loaded
 * ```
 * @throws BanglaSearchError `INVALID_ARGUMENT` for a missing or unreadable path, `MALFORMED_INDEX` for a damaged index
 */
export async function openSource(path: string, options: IndexCorpusOptions): Promise<SearchIndex> {
  return (await isCorpus(path)) ? indexCorpus(path, options) : loadIndex(path)
}

async function isCorpus(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined)
  if (info === undefined) return false // loadIndex reports the missing path
  if (info.isDirectory()) return true
  const lower = path.toLowerCase()
  if (['.jsonl', '.jsonl.gz', '.ndjson', '.txt'].some((ext) => lower.endsWith(ext))) return true
  if (!lower.endsWith('.json')) return false
  const handle = await open(path).catch(() => undefined)
  if (handle === undefined) return false
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(PEEK_BYTES), 0, PEEK_BYTES, 0)
    return /^(\uFEFF)?\s*\[/u.test(buffer.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}
