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

/**
 * Search reads at most this many clauses of a query (words and phrases; a word that analysis
 * splits, such as `কিম-জং-উন`, counts once per part) and ignores the rest: a 10,000-word paste
 * is cut, not fatal. {@link showQuery} says when a parsed query goes past it.
 *
 * @internal
 */
export const MAX_QUERY_CLAUSES = 64

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

/**
 * One clause: an optional `-` that touches what follows, then a quoted phrase (its closing quote
 * may be missing) or a run of characters up to whitespace or a quote. Straight and curly quotes
 * count alike. The `-` excludes only at the start of the query or after a space: in a pasted
 * title `“সংশপ্তক”-এর` is a case ending.
 */
const CLAUSE = /((?<=^|\s)-(?=\S))?(?:["“”„]([^"“”„]*)(["“”„]?)|([^\s"“”„]+))/gu

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
  for (const match of query.matchAll(CLAUSE)) {
    const [, minus, quoted = '', closingQuote, word] = match
    const exclude = minus !== undefined
    if (word !== undefined) {
      const prefix = word.length > 1 && word.endsWith('*')
      clauses.push({ type: 'word', text: prefix ? word.slice(0, -1) : word, prefix, exclude })
    } else if (closingQuote === '') {
      const offset = (match.index as number) + (exclude ? 1 : 0)
      warnings.push(`Unclosed quote at offset ${offset}: the rest of the query is read as plain words.`)
      if (quoted.trim().length > 0) clauses.push({ type: 'word', text: quoted, prefix: false, exclude })
    } else if (quoted.trim().length > 0) {
      clauses.push({ type: 'phrase', text: quoted, exclude })
    }
  }
  return { clauses, warnings }
}

/**
 * Prints a parsed query back in the syntax, for tests and debugging. A query of more than 64
 * clauses gets a second line saying how many of them search ignores.
 *
 * @example
 * ```ts
 * showQuery(parseQuery('পুতিন '.repeat(71)))
 * // 'পুতিন পুতিন … পুতিন\n(search reads the first 64 clauses and ignores the other 7)'
 * ```
 */
export function showQuery(parsed: ParsedQuery): string {
  const shown = parsed.clauses
    .map((clause) => {
      const sign = clause.exclude ? '-' : ''
      if (clause.type === 'phrase') return `${sign}"${clause.text}"`
      return `${sign}${clause.text}${clause.prefix ? '*' : ''}`
    })
    .join(' ')
  const ignored = parsed.clauses.length - MAX_QUERY_CLAUSES
  return ignored > 0 ? `${shown}\n(search reads the first ${MAX_QUERY_CLAUSES} clauses and ignores the other ${ignored})` : shown
}
