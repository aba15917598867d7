/**
 * The records `index` skipped: counted by code for the one-line summary, and, with `--errors
 * FILE`, written to that file one JSON object a line as they are found (synchronous writes, so
 * memory stays bounded however many records are skipped).
 *
 * @module
 */

import { closeSync, openSync, writeSync } from 'node:fs'
import { BanglaSearchError } from 'bangla-search'
import type { SkippedRecord } from 'bangla-search/node'
import { formatCount } from './output.js'

/** A skipped record is written whole when its JSON is at most this many characters... */
export const RECORD_LIMIT = 10_000
/** ...else its first this many characters are written as `excerpt`, with `recordLength`. */
export const EXCERPT_LENGTH = 1_000
/** The first skip's message is cut to this length in the summary line. */
const SUMMARY_MESSAGE = 160

/**
 * Collects skipped records.
 *
 * @example
 * ```ts
 * const log = new SkipLog('errors.jsonl')
 * log.add({ where: 'line 2', id: 7, code: 'LEGACY_ENCODING', message: '…', record: { id: 7, text: 'wZwb' } })
 * log.summary(3)   // 'skipped 1 of 3 records (1 LEGACY_ENCODING); the first: line 2: …; all of them are in errors.jsonl'
 * log.close()
 * ```
 */
export class SkipLog {
  /** Records skipped so far. */
  count = 0
  private readonly codes = new Map<string, number>()
  private first: string | undefined
  private readonly fd: number | undefined

  /**
   * @param path - the `--errors` file, or undefined for none
   * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be written
   */
  constructor(private readonly path: string | undefined) {
    try {
      this.fd = path === undefined ? undefined : openSync(path, 'w')
    } catch (error) {
      throw new BanglaSearchError('INVALID_ARGUMENT', `Cannot write the --errors file "${path}": ${(error as Error).message}.`)
    }
  }

  /** Records one skipped record (bound, so it can be passed as a callback). */
  readonly add = (skipped: SkippedRecord): void => {
    this.count++
    this.codes.set(skipped.code, (this.codes.get(skipped.code) ?? 0) + 1)
    this.first ??= `${skipped.where}: ${skipped.message}`
    if (this.fd !== undefined) writeSync(this.fd, `${errorLine(skipped)}\n`)
  }

  /** One line: how many were skipped of how many, by code, the first one, and where the rest are. */
  summary(total: number): string {
    const codes = [...this.codes].map(([code, n]) => `${formatCount(n)} ${code}`).join(', ')
    const first = this.first === undefined ? '' : this.first.length > SUMMARY_MESSAGE ? `${this.first.slice(0, SUMMARY_MESSAGE)}…` : this.first
    const rest = this.path === undefined ? 'list them all with --errors FILE' : `all of them are in ${this.path}`
    return `skipped ${formatCount(this.count)} of ${formatCount(total)} records (${codes}); the first: ${first}; ${rest}`
  }

  /** Closes the file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
  }
}

/** The JSON line of one skipped record: the record whole, or a bounded excerpt of its JSON. */
export function errorLine(skipped: SkippedRecord): string {
  const { where, id, code, message, record } = skipped
  const head = { where, ...(id === undefined ? {} : { id }), code, message }
  const json = JSON.stringify(record) ?? 'null'
  if (json.length <= RECORD_LIMIT) return JSON.stringify({ ...head, record })
  return JSON.stringify({ ...head, excerpt: json.slice(0, EXCERPT_LENGTH), recordLength: json.length })
}
