/**
 * Checks the records of a JSON or JSONL corpus as they are read, so that a bad record is reported
 * with its line (or array item) instead of later, by `SearchIndex.add`, without one.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, type DocumentId, type ErrorCode } from 'bangla-search'
import { showValue } from './fs-errors.js'

/** A document read from a corpus: a JSON record, or a `.txt` file's `{ id, title, text }`. */
export type CorpusDocument = Record<string, unknown>

/** A record of a corpus that was not indexed (see `onInvalid: 'skip'` of `indexCorpus` and `loadCorpus`). */
export interface SkippedRecord {
  /** Where it is: `'line 12'` (JSON Lines), `'item 3'` (JSON array) or `'file <path>'` (a folder). */
  readonly where: string
  /** Its id, when it has a valid one. */
  readonly id?: DocumentId
  /** Why it was skipped. */
  readonly code: ErrorCode
  /** What is wrong with it. */
  readonly message: string
  /** The record as read (for a line that is not valid JSON: its text). */
  readonly record: unknown
}

/**
 * Checks one record after another: a plain object, a unique id, string (or null) values in the
 * fields to index. After the last record, {@link RecordChecker.finish} refuses a corpus where no
 * record has any of those fields (usually a field-name mistake).
 *
 * @example
 * ```ts
 * const checker = new RecordChecker('খবর.jsonl', 'id', ['title', 'text'])
 * checker.check({ id: 1, title: 'পুতিনের সফর' }, 'line 1', 1)   // the record
 * checker.check({ id: 1, title: 'কিমের সফর' }, 'line 2', 2)     // throws: id 1 was already used on line 1
 * ```
 */
export class RecordChecker {
  private readonly seen = new Map<DocumentId, string>()
  private withText = 0
  private count = 0
  private firstKeys: string[] | undefined
  /** Line or item number of every record accepted, in order. */
  readonly locations: number[] = []

  /**
   * @param source - the file name, for messages
   * @param idField - the field holding the id
   * @param fields - the fields that will be indexed
   * @param onSkipped - when given, a bad record is passed here and skipped instead of thrown
   */
  constructor(
    private readonly source: string,
    private readonly idField: string,
    private readonly fields: readonly string[],
    private readonly onSkipped?: (record: SkippedRecord) => void,
  ) {}

  /**
   * Checks a record found at `where` (`'line 12'`, `'item 3'`; `at` is that number) and returns
   * it as a document, or undefined when it was bad and skipped.
   */
  check(value: unknown, where: string, at: number): CorpusDocument | undefined {
    const problem = this.problemOf(value, where)
    if (problem !== undefined) return this.skip(where, problem[0], problem[1], value)
    const record = value as Record<string, unknown>
    if (this.fields.some((field) => typeof record[field] === 'string')) this.withText++
    this.count++
    this.locations.push(at)
    return record
  }

  /**
   * Reports a bad record: throws `INVALID_ARGUMENT` naming the file and place, or, when records
   * are skipped, passes it on and returns undefined.
   */
  skip(where: string, code: ErrorCode, message: string, record: unknown): undefined {
    if (this.onSkipped === undefined) throw new BanglaSearchError('INVALID_ARGUMENT', `${this.source} ${where}: ${message}.`)
    const id = typeof record === 'object' && record !== null ? validId((record as Record<string, unknown>)[this.idField]) : undefined
    this.onSkipped(id === undefined ? { where, code, message, record } : { where, id, code, message, record })
    return undefined
  }

  private problemOf(value: unknown, where: string): [ErrorCode, string] | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return ['INVALID_DOCUMENT', `expected a JSON object such as {"${this.idField}": 1, "${this.fields[0] ?? 'text'}": "…"}, got ${showValue(value)}`]
    }
    const record = value as Record<string, unknown>
    this.firstKeys ??= Object.keys(record)
    const idProblem = this.idProblem(record[this.idField])
    if (idProblem !== undefined) return idProblem
    for (const field of this.fields) {
      const text = record[field]
      if (typeof text !== 'string' && text !== undefined && text !== null) {
        return ['INVALID_FIELD_VALUE', `field "${field}" holds ${showValue(text)}; a field to index must hold a string (or null)`]
      }
    }
    this.seen.set(record[this.idField] as DocumentId, where)
    return undefined
  }

  /** Refuses a non-empty corpus where no record has any of the fields to index. */
  finish(): void {
    if (this.count === 0 || this.withText > 0) return
    const keys = (this.firstKeys ?? []).map((key) => `"${key}"`).join(', ') || 'none'
    throw new BanglaSearchError(
      'INVALID_ARGUMENT',
      `${this.source}: none of its ${this.count} records has a field ${this.fields.map((f) => `"${f}"`).join(' or ')}; the first record has the fields ${keys}. Name the fields to index with the fields option (--fields in the CLI).`,
    )
  }

  private idProblem(id: unknown): [ErrorCode, string] | undefined {
    if (id === undefined || id === null) {
      return ['MISSING_ID', `the record has no "${this.idField}" field; give every record a unique id, or name the field that holds it with the idField option (--id in the CLI)`]
    }
    const checked = validId(id)
    if (checked === undefined) return ['INVALID_ID', `"${this.idField}" holds ${showValue(id)}; an id must be a non-empty string or a finite number`]
    const earlier = this.seen.get(checked)
    if (earlier !== undefined) return ['DUPLICATE_ID', `id ${JSON.stringify(checked)} was already used on ${earlier}; ids must be unique`]
    return undefined
  }
}

function validId(id: unknown): DocumentId | undefined {
  return (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined
}
