/**
 * Bulk intake: checks a batch of documents for `addAll` / `addAllAsync` and builds the report of
 * the skipped ones. All-or-nothing by default (the first bad document throws and nothing is
 * added); with `onInvalid: 'skip'` every bad document is set aside and reported, bounded in
 * memory (the first `maxReported` listed, all of them counted), as Elasticsearch's bulk API
 * reports per item and keeps the rest.
 *
 * @module
 * @internal
 */

import { checkDocument, checkId, type CheckedDocument } from './documents.js'
import { BanglaSearchError, describeValue, isPlainObject } from './errors.js'
import { wholeNumber, type ResolvedIndexOptions } from './options.js'
import type { AddAllOptions, AddAllReport, DocumentId, SkippedDocument } from './types.js'

/** Skipped documents listed one by one in a report, unless `maxReported` says otherwise. */
export const DEFAULT_MAX_REPORTED = 100
/** The largest `maxReported` (each entry holds a message: this bounds the report's memory). */
export const MAX_REPORTED_LIMIT = 10_000

/** `addAll` options with defaults filled in. */
export interface IntakeSettings {
  readonly skip: boolean
  readonly maxReported: number
  readonly onSkipped: ((skipped: SkippedDocument) => void) | undefined
}

/** Checks the options of `addAll` / `addAllAsync`. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveIntake(options: AddAllOptions | undefined): IntakeSettings {
  const given = options ?? {}
  if (!isPlainObject(given)) throw new BanglaSearchError('INVALID_OPTION', `addAll() options must be an object such as { onInvalid: 'skip' }, got ${describeValue(given)}.`)
  const onInvalid = given.onInvalid ?? 'throw'
  if (onInvalid !== 'throw' && onInvalid !== 'skip') {
    throw new BanglaSearchError('INVALID_OPTION', `onInvalid must be 'throw' or 'skip', got ${describeValue(onInvalid)}.`)
  }
  const maxReported = wholeNumber(given.maxReported, 'maxReported', DEFAULT_MAX_REPORTED, 0)
  if (maxReported > MAX_REPORTED_LIMIT) throw new BanglaSearchError('INVALID_OPTION', `maxReported must be at most ${MAX_REPORTED_LIMIT}, got ${maxReported}.`)
  const onSkipped = options?.onSkipped
  if (onSkipped !== undefined && typeof onSkipped !== 'function') throw new BanglaSearchError('INVALID_OPTION', `onSkipped must be a function, got ${describeValue(onSkipped)}.`)
  return { skip: onInvalid === 'skip', maxReported, onSkipped }
}

/** The skipped documents of one batch: every one counted, the first `limit` kept. */
export class SkipReport {
  private count = 0
  private readonly entries: SkippedDocument[] = []

  constructor(private readonly settings: IntakeSettings) {}

  /** Records a skipped document. */
  add(position: number, id: DocumentId | undefined, error: BanglaSearchError): void {
    this.count++
    const prefix = `${error.code}: `
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
    const entry: SkippedDocument = id === undefined ? { position, code: error.code, message } : { position, id, code: error.code, message }
    if (this.entries.length < this.settings.maxReported) this.entries.push(entry)
    this.settings.onSkipped?.(entry)
  }

  /** The report of a batch that added `added` documents. */
  result(added: number): AddAllReport {
    return { added, skipped: { count: this.count, entries: this.entries } }
  }
}

/** A checked batch: the documents to add (with their positions) and the report so far. */
export interface CheckedBatch {
  readonly accepted: CheckedDocument[]
  readonly positions: number[]
  readonly report: SkipReport
}

/**
 * Checks every document of a batch. Of ids given twice, the first is kept. A document refused
 * with `LEGACY_ENCODING` under the index option `legacy: 'skip'` is always skipped, not thrown.
 *
 * @param isIndexed - whether an id is already in the index
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `documents` is not iterable; in the
 * default mode, the error of the first bad document
 */
export function checkBatch(
  documents: Iterable<unknown>,
  options: ResolvedIndexOptions,
  isIndexed: (id: DocumentId) => boolean,
  settings: IntakeSettings,
): CheckedBatch {
  if (documents === null || typeof documents !== 'object' || !(Symbol.iterator in documents)) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `addAll() takes an array (or iterable) of documents, got ${describeValue(documents)}.`)
  }
  const seen = new Set<DocumentId>()
  const batch: CheckedBatch = { accepted: [], positions: [], report: new SkipReport(settings) }
  let position = 0
  for (const document of documents) {
    try {
      const checked = checkDocument(document, options)
      if (isIndexed(checked.id)) throw duplicateInIndex(checked.id)
      if (seen.has(checked.id)) {
        throw new BanglaSearchError('DUPLICATE_ID', `Id ${JSON.stringify(checked.id)} appears twice in the documents given; ${settings.skip ? 'the first was kept' : 'nothing was added'}.`)
      }
      seen.add(checked.id)
      batch.accepted.push(checked)
      batch.positions.push(position)
    } catch (error) {
      if (!(error instanceof BanglaSearchError) || !(settings.skip || isSkippedLegacy(error, options))) throw error
      batch.report.add(position, readId(document, options.idField), error)
    }
    position++
  }
  return batch
}

/** The error for an id that is already in the index. */
export function duplicateInIndex(id: DocumentId): BanglaSearchError {
  return new BanglaSearchError('DUPLICATE_ID', `A document with id ${JSON.stringify(id)} is already in the index; call replace() to update it.`)
}

function isSkippedLegacy(error: BanglaSearchError, options: ResolvedIndexOptions): boolean {
  return error.code === 'LEGACY_ENCODING' && options.legacy === 'skip'
}

/** The id of a refused document, when it has a valid one. */
function readId(document: unknown, idField: string): DocumentId | undefined {
  if (!isPlainObject(document) || !Object.hasOwn(document, idField)) return undefined
  try {
    return checkId(document[idField], idField)
  } catch {
    return undefined
  }
}

/**
 * Checks one chunk of `addAllAsync` again just before it is added: other code may have added
 * documents while it yielded. In the default mode a clash throws before any of the chunk is
 * added; with `skip` the clashing documents are reported and the rest returned.
 */
export function recheckChunk(
  chunk: readonly CheckedDocument[],
  positions: readonly number[],
  isIndexed: (id: DocumentId) => boolean,
  settings: IntakeSettings,
  report: SkipReport,
): CheckedDocument[] {
  const fresh: CheckedDocument[] = []
  chunk.forEach((one, i) => {
    if (!isIndexed(one.id)) fresh.push(one)
    else if (settings.skip) report.add(positions[i] as number, one.id, duplicateInIndex(one.id))
    else throw duplicateInIndex(one.id)
  })
  return fresh
}
