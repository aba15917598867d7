/**
 * Readers for JSON corpora: JSON Lines (one object per line, streamed with `node:readline`, so a
 * corpus of hundreds of megabytes is never one string; `.jsonl.gz` is gunzipped on the fly) and a
 * JSON array of objects (read whole: use JSON Lines for big corpora).
 *
 * @module
 * @internal
 */

import { open, readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { BanglaSearchError } from 'bangla-search'
import { fileError, showValue } from './fs-errors.js'
import type { RecordChecker, CorpusDocument } from './records.js'

/** Reports how far reading has got: documents so far and bytes of the file read so far. */
export type ReadProgress = (documents: number, bytesRead: number) => void

/** Documents read between two progress reports. */
const PROGRESS_EVERY = 1000

/**
 * Streams a JSON Lines file (gzip-compressed when the name ends in `.gz`). Blank lines are
 * skipped; every other line must be one JSON object.
 *
 * @example
 * ```ts
 * // খবর.jsonl: {"id": 1, "title": "পুতিনের সফর", "text": "…"}
 * await readJsonLines('খবর.jsonl', new RecordChecker('খবর.jsonl', 'id', ['title', 'text']), () => {})
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` naming the line of a bad record
 */
export async function readJsonLines(path: string, checker: RecordChecker, progress: ReadProgress): Promise<CorpusDocument[]> {
  const handle = await open(path).catch((error: unknown) => Promise.reject(fileError(path, 'read', error)))
  const input = handle.createReadStream()
  const gunzip = path.endsWith('.gz') ? createGunzip() : undefined
  const lines = createInterface({ input: gunzip === undefined ? input : input.pipe(gunzip), crlfDelay: Infinity })
  let failure: unknown
  const stop = (error: unknown): void => {
    failure ??= error
    lines.close()
  }
  input.on('error', stop)
  gunzip?.on('error', stop)
  const documents: CorpusDocument[] = []
  let lineNumber = 0
  try {
    for await (const line of lines) {
      lineNumber++
      const text = lineNumber === 1 ? stripBom(line) : line
      if (text.trim().length === 0) continue
      const where = `line ${lineNumber}`
      const parsed = parseLine(text)
      const document = parsed.ok ? checker.check(parsed.value, where, lineNumber) : checker.skip(where, 'INVALID_DOCUMENT', parsed.message, text)
      if (document === undefined) continue
      documents.push(document)
      if (documents.length % PROGRESS_EVERY === 0) progress(documents.length, input.bytesRead)
    }
  } finally {
    lines.close()
    input.destroy()
    gunzip?.destroy()
  }
  if (failure !== undefined) throw fileError(path, 'read', failure)
  checker.finish()
  progress(documents.length, input.bytesRead)
  return documents
}

/**
 * Reads a JSON file holding an array of objects.
 *
 * @example
 * ```ts
 * // খবর.json: [{"id": 1, "title": "পুতিনের সফর"}, {"id": 2, "title": "কিমের ট্রেন"}]
 * (await readJsonArray('খবর.json', new RecordChecker('খবর.json', 'id', ['title']))).length   // 2
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` with the line and column of a JSON syntax error
 */
export async function readJsonArray(path: string, checker: RecordChecker): Promise<CorpusDocument[]> {
  const text = stripBom(await readFile(path, 'utf8').catch((error: unknown) => Promise.reject(fileError(path, 'read', error))))
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    throw new BanglaSearchError('INVALID_ARGUMENT', `${path}${whereInText(text, message)}: not valid JSON (${message}). Fix the file, or use JSON Lines (.jsonl) with one object per line.`)
  }
  if (!Array.isArray(value)) {
    const hint = isSavedIndex(value) ? 'it is a saved index; open it with loadIndexFile()' : `got ${showValue(value)}`
    throw new BanglaSearchError('INVALID_ARGUMENT', `${path}: a .json corpus must hold an array of objects; ${hint}.`)
  }
  const documents: CorpusDocument[] = []
  value.forEach((item: unknown, i) => {
    const document = checker.check(item, `item ${i + 1}`, i + 1)
    if (document !== undefined) documents.push(document)
  })
  checker.finish()
  return documents
}

/** Is this the object a saved index parses to? */
export function isSavedIndex(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['format'] === 'bangla-search-index'
}

function parseLine(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message}). Each line must hold one JSON object; fix or delete that line` }
  }
}

/** `' line 3 column 7'` from V8's "… at position 42", or `''` when the message has no position. */
function whereInText(text: string, message: string): string {
  const match = /at position (\d+)/u.exec(message)
  if (match === null) return /end of JSON/u.test(message) ? ' (it ends too early)' : ''
  const before = text.slice(0, Number(match[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return ` line ${line} column ${column}`
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
