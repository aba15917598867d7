/**
 * Stage 7 of the analysis chain: stopwords.
 *
 * A small curated list of Bengali function words. Stopwords are never dropped from the index
 * (`উত্তর` — "north" and "answer" — is a stopword in every public list, yet `উত্তর কোরিয়া` must stay
 * searchable); a query word that is a stopword only counts for less in the ranking.
 *
 * @module
 */

import { STOPWORDS } from './data/stopwords.js'

const STOPWORD_SET: ReadonlySet<string> = new Set(STOPWORDS)

/**
 * Is this normalised word a Bengali function word?
 *
 * @example
 * ```ts
 * isStopword('এবং')    // true
 * isStopword('উত্তর')   // false
 * ```
 */
export function isStopword(term: string): boolean {
  return STOPWORD_SET.has(term)
}
