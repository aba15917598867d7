/**
 * The query syntax: plain words are ranked, `"a quoted phrase"` matches words in order, `-word`
 * excludes documents, `word*` is a prefix. Parsing never fails: bad syntax (an unclosed quote, a
 * lone `-` or `*`) degrades to plain words and is reported in `warnings`.
 *
 * The parser only splits the query into clauses; the words inside a clause are analysed later
 * with the same chain as the documents.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'

/** One clause of a parsed query. */
export type QueryClause = WordClause | PhraseClause

/** Plain words (ranked), a prefix, or words to exclude. */
export interface WordClause {
  /** Always `'word'`. */
  readonly type: 'word'
  /** The clause's raw text (may hold several words, e.g. `কিম-জং`). */
  readonly text: string
  /** `word*`: the last word is a prefix. */
  readonly prefix: boolean
  /** `-word`: documents with the word are excluded. */
  readonly exclude: boolean
}

/** A quoted phrase: its words must stand in this order, next to each other. */
export interface PhraseClause {
  /** Always `'phrase'`. */
  readonly type: 'phrase'
  /** The raw text between the quotes. */
  readonly text: string
  /** `-"…"`: documents with the phrase are excluded. */
  readonly exclude: boolean
}

/** A parsed query. */
export interface ParsedQuery {
  /** The clauses, in query order. */
  readonly clauses: readonly QueryClause[]
  /** What was wrong with the syntax and how it was read instead. */
  readonly warnings: readonly string[]
}

const QUOTES = new Set(['"', '“', '”', '„'])
const WHITESPACE = /\s/u

/**
 * Splits a query string into clauses.
 *
 * @example
 * ```ts
 * showQuery(parseQuery('"নিরাপত্তা পরিষদ" পুতিন -ভারত ক্রেম*'))
 * // '"নিরাপত্তা পরিষদ" পুতিন -ভারত ক্রেম*'
 * ```
 */
export function parseQuery(query: string): ParsedQuery {
  if (typeof query !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `parseQuery() takes a query string, got ${describeValue(query)}.`)
  }
  const clauses: QueryClause[] = []
  const warnings: string[] = []
  let i = 0
  while (i < query.length) {
    const char = query[i] as string
    if (WHITESPACE.test(char)) {
      i++
      continue
    }
    const exclude = char === '-' && i + 1 < query.length && !WHITESPACE.test(query[i + 1] as string)
    const start = exclude ? i + 1 : i
    if (QUOTES.has(query[start] as string)) {
      const close = findClosingQuote(query, start + 1)
      if (close < 0) {
        warnings.push(`Unclosed quote at offset ${start}: the rest of the query is read as plain words.`)
        const rest = query.slice(start + 1)
        if (rest.trim().length > 0) clauses.push({ type: 'word', text: rest, prefix: false, exclude })
        break
      }
      const text = query.slice(start + 1, close)
      if (text.trim().length > 0) clauses.push({ type: 'phrase', text, exclude })
      i = close + 1
      continue
    }
    let end = start
    while (end < query.length && !WHITESPACE.test(query[end] as string) && !QUOTES.has(query[end] as string)) end++
    let text = query.slice(start, end)
    const prefix = text.length > 1 && text.endsWith('*')
    if (prefix) text = text.slice(0, -1)
    if (text.length > 0) clauses.push({ type: 'word', text, prefix, exclude })
    i = end
  }
  return { clauses, warnings }
}

/** Prints a parsed query back in the syntax, for tests and debugging. */
export function showQuery(parsed: ParsedQuery): string {
  return parsed.clauses
    .map((clause) => {
      const sign = clause.exclude ? '-' : ''
      if (clause.type === 'phrase') return `${sign}"${clause.text}"`
      return `${sign}${clause.text}${clause.prefix ? '*' : ''}`
    })
    .join(' ')
}

function findClosingQuote(query: string, from: number): number {
  for (let i = from; i < query.length; i++) if (QUOTES.has(query[i] as string)) return i
  return -1
}
