/**
 * `loadCorpus`: documents from a folder of `.txt` files, a JSON Lines file (`.jsonl`, or
 * `.jsonl.gz`) or a JSON array file (`.json`), ready for `SearchIndex.addAll`.
 *
 * @module
 */

import { stat } from 'node:fs/promises'
import { BanglaSearchError } from 'bangla-search'
import { fileError, showValue } from './fs-errors.js'
import { readJsonArray, readJsonLines } from './json-source.js'
import { RecordChecker, type CorpusDocument, type SkippedRecord } from './records.js'
import { checkUniqueNames, listTextFiles, readTextContent, readTextDocument, textDocument, type TextFields } from './text-folder.js'
import { boilerplateLines } from './title.js'

/** The fields a `.txt` file gives besides its id. */
export const TEXT_FILE_FIELDS = ['title', 'text'] as const

/** Files read at once from a folder. */
const READ_CONCURRENCY = 32

/** How far {@link loadCorpus} has got. */
export interface LoadProgress {
  /** Documents read so far. */
  readonly documents: number
  /** Bytes of the source read so far (compressed bytes for `.gz`). */
  readonly bytesRead: number
  /** Size of the source in bytes: the file, or all the `.txt` files of the folder. */
  readonly bytesTotal: number
}

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** The field that holds each record's id in JSON; for `.txt` files, the field the file name goes into. Default `'id'`. */
  readonly idField?: string
  /**
   * The fields that will be indexed. JSON records are checked to hold strings (or null) there;
   * a `.txt` folder gives only `title` and `text`. Default `['title', 'text']`.
   */
  readonly fields?: readonly string[]
  /** Called as documents are read (every 1000 documents or so, and at the end). */
  readonly onProgress?: (progress: LoadProgress) => void
  /**
   * What to do with a bad JSON record (not valid JSON, not an object, a missing, bad or repeated
   * id, a field to index that is not a string): `'throw'` (the default) refuses the corpus with
   * `INVALID_ARGUMENT` naming the line; `'skip'` leaves the record out and passes it to
   * `onSkipped`. A `.txt` file that is not UTF-8 is always refused.
   */
  readonly onInvalid?: 'throw' | 'skip'
  /** Called for every record left out under `onInvalid: 'skip'`, as it is read. */
  readonly onSkipped?: (record: SkippedRecord) => void
}

/** Documents read, and where each one came from (`'line 12'`, `'item 3'`, `'file a/b.txt'`). @internal */
export interface ReadCorpus {
  readonly documents: CorpusDocument[]
  readonly where: (position: number) => string
}

/**
 * Reads a corpus into documents:
 * - a folder: every `.txt` file below it is one document `{ id: file name without .txt, title:
 *   its headline, text: the rest }`; the headline is the first line that reads as one (not a
 *   lone word, a date line, a breadcrumb trail, or a short line that starts several files), or
 *   else the first sentence of the first paragraph;
 * - `.jsonl` (or `.jsonl.gz`): one JSON object per line, streamed;
 * - `.json`: an array of objects.
 *
 * @example
 * ```ts
 * const docs = await loadCorpus('corpus/seeds')
 * docs[0]   // { id: '000_ec15b545c941e6ec', title: 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে …', text: '…' }
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the path is missing or unreadable, a
 * file is not UTF-8 or not valid JSON (naming the line), or a record is malformed
 */
export async function loadCorpus(path: string, options: LoadCorpusOptions = {}): Promise<CorpusDocument[]> {
  return (await readCorpus(path, options)).documents
}

/** {@link loadCorpus}, also telling where each document came from. @internal */
export async function readCorpus(path: string, options: LoadCorpusOptions = {}): Promise<ReadCorpus> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `loadCorpus() takes the path of a folder of .txt files, a .jsonl or a .json file, got ${showValue(path)}.`)
  }
  const idField = options.idField ?? 'id'
  const fields = options.fields ?? TEXT_FILE_FIELDS
  checkOptions(idField, fields)
  const info = await stat(path).catch((error: unknown) => Promise.reject(fileError(path, 'open', error)))
  const report = options.onProgress ?? (() => {})
  if (info.isDirectory()) return loadFolder(path, idField, fields, report)
  const lower = path.toLowerCase()
  const skipped = options.onInvalid === 'skip' ? (options.onSkipped ?? (() => {})) : undefined
  const checker = new RecordChecker(path, idField, fields, skipped)
  const at = (kind: string) => (position: number) => `${kind} ${checker.locations[position] ?? '?'}`
  if (lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz') || lower.endsWith('.ndjson')) {
    const documents = await readJsonLines(path, checker, (count, bytesRead) => report({ documents: count, bytesRead, bytesTotal: info.size }))
    return { documents, where: at('line') }
  }
  if (lower.endsWith('.json')) {
    const documents = await readJsonArray(path, checker)
    report({ documents: documents.length, bytesRead: info.size, bytesTotal: info.size })
    return { documents, where: at('item') }
  }
  if (lower.endsWith('.txt')) {
    checkTextFields(path, fields)
    const { document } = await readTextDocument(path, textFields(idField))
    report({ documents: 1, bytesRead: info.size, bytesTotal: info.size })
    return { documents: [document], where: () => `file ${path}` }
  }
  throw new BanglaSearchError('INVALID_ARGUMENT', `"${path}" is not a corpus: give a folder of .txt files, a .jsonl (or .jsonl.gz) file or a .json file.`)
}

async function loadFolder(folder: string, idField: string, fields: readonly string[], report: (progress: LoadProgress) => void): Promise<ReadCorpus> {
  checkTextFields(folder, fields)
  const paths = await listTextFiles(folder)
  if (paths.length === 0) throw new BanglaSearchError('INVALID_ARGUMENT', `"${folder}" holds no .txt files; put one document per .txt file (UTF-8) in it.`)
  checkUniqueNames(folder, paths)
  const sizes = await Promise.all(paths.map((path) => stat(path).then((s) => s.size, () => 0)))
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0)
  const contents: string[] = []
  let bytesRead = 0
  for (let i = 0; i < paths.length; i += READ_CONCURRENCY) {
    const batch = await Promise.all(paths.slice(i, i + READ_CONCURRENCY).map(readTextContent))
    for (const { content, bytes } of batch) {
      contents.push(content)
      bytesRead += bytes
    }
    report({ documents: contents.length, bytesRead, bytesTotal })
  }
  // section names and bylines that start several files are not titles
  const boilerplate = boilerplateLines(contents)
  const documents = contents.map((content, i) => textDocument(paths[i] as string, content, textFields(idField), boilerplate))
  return { documents, where: (position) => `file ${paths[position] ?? '?'}` }
}

function textFields(idField: string): TextFields {
  return { idField, titleField: TEXT_FILE_FIELDS[0], textField: TEXT_FILE_FIELDS[1] }
}

function checkTextFields(path: string, fields: readonly string[]): void {
  const unknown = fields.filter((field) => !(TEXT_FILE_FIELDS as readonly string[]).includes(field))
  if (unknown.length > 0) {
    throw new BanglaSearchError(
      'INVALID_ARGUMENT',
      `"${path}" is read as .txt files, which give only the fields "title" and "text"; remove ${unknown.map((f) => `"${f}"`).join(', ')} from fields.`,
    )
  }
}

function checkOptions(idField: unknown, fields: unknown): void {
  if (typeof idField !== 'string' || idField.length === 0) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `idField must be a non-empty string, got ${showValue(idField)}.`)
  }
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((field) => typeof field === 'string' && field.length > 0)) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `fields must be a non-empty array of field names such as ['title', 'text'], got ${showValue(fields)}.`)
  }
}
