/**
 * Checks the records of a JSON or JSONL corpus as they are read, so that a bad record is reported
 * with its line (or array item) instead of later, by `SearchIndex.add`, without one.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, type DocumentId } from 'bangla-search'
import { showValue } from './fs-errors.js'

/** A document read from a corpus: a JSON record, or a `.txt` file's `{ id, title, text }`. */
export type CorpusDocument = Record<string, unknown>

/**
 * Checks one record after another: a plain object, a unique id, string (or null) values in the
 * fields to index. After the last record, {@link RecordChecker.finish} refuses a corpus where no
 * record has any of those fields (usually a field-name mistake).
 *
 * @example
 * ```ts
 * const checker = new RecordChecker('খবর.jsonl', 'id', ['title', 'text'])
 * checker.check({ id: 1, title: 'পুতিনের সফর' }, 'line 1')   // the record
 * checker.check({ id: 1, title: 'কিমের সফর' }, 'line 2')     // throws: id 1 was already used on line 1
 * ```
 */
export class RecordChecker {
  private readonly seen = new Map<DocumentId, string>()
  private withText = 0
  private count = 0
  private firstKeys: string[] | undefined

  /**
   * @param source - the file name, for messages
   * @param idField - the field holding the id
   * @param fields - the fields that will be indexed
   */
  constructor(
    private readonly source: string,
    private readonly idField: string,
    private readonly fields: readonly string[],
  ) {}

  /** Checks a record found at `where` (`'line 12'`, `'item 3'`) and returns it as a document. */
  check(value: unknown, where: string): CorpusDocument {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(where, `expected a JSON object such as {"${this.idField}": 1, "${this.fields[0] ?? 'text'}": "…"}, got ${showValue(value)}`)
    }
    const record = value as Record<string, unknown>
    this.firstKeys ??= Object.keys(record)
    this.checkId(record[this.idField], where)
    let hasText = false
    for (const field of this.fields) {
      const text = record[field]
      if (typeof text === 'string') hasText = true
      else if (text !== undefined && text !== null) {
        this.fail(where, `field "${field}" holds ${showValue(text)}; a field to index must hold a string (or null)`)
      }
    }
    if (hasText) this.withText++
    this.count++
    return record
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

  private checkId(id: unknown, where: string): void {
    if (id === undefined || id === null) {
      this.fail(where, `the record has no "${this.idField}" field; give every record a unique id, or name the field that holds it with the idField option (--id in the CLI)`)
    }
    if (typeof id === 'string' ? id.length === 0 : typeof id !== 'number' || !Number.isFinite(id)) {
      this.fail(where, `"${this.idField}" holds ${showValue(id)}; an id must be a non-empty string or a finite number`)
    }
    const checked = id as DocumentId
    const earlier = this.seen.get(checked)
    if (earlier !== undefined) this.fail(where, `id ${JSON.stringify(checked)} was already used on ${earlier}; ids must be unique`)
    this.seen.set(checked, where)
  }

  private fail(where: string, message: string): never {
    throw new BanglaSearchError('INVALID_ARGUMENT', `${this.source} ${where}: ${message}.`)
  }
}
