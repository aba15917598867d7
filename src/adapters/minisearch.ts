/**
 * `bangla-search/minisearch`: Bengali analysis for MiniSearch 7.
 *
 * MiniSearch's own split (spaces and punctuation) keeps Bengali words whole, but it matches them
 * only as typed: `পুতিন` misses `পুতিনের`, `2019` misses `২০১৯`, and a `য়` typed as two code
 * points misses the one-code-point form. These options run the same analysis on documents and on
 * queries: words cut on grapheme clusters and normalised, then each word indexed as itself and as
 * its canonical term (stemmed, digits folded, orthographically folded), so that every form of a
 * word matches and the form typed ranks first.
 *
 * MiniSearch itself is never imported: spread the options into your own `new MiniSearch()`.
 *
 * @example
 * ```js
 * import MiniSearch from 'minisearch'
 * import { minisearchOptions } from 'bangla-search/minisearch'
 *
 * const index = new MiniSearch({ fields: ['text'], ...minisearchOptions() })
 * index.add({ id: 1, text: 'পুতিনের সঙ্গে বৈঠক' })
 * index.search('পুতিন').map((hit) => hit.id)   // [1]
 * ```
 *
 * @module
 */

import { canonicalTerm, forEachWordTerms } from '../analysis/search-terms.js'
import { isStopword } from '../analysis/stopwords.js'
import { MATCH_WEIGHTS, STOPWORD_CLAUSE_WEIGHT } from '../search/weights.js'
import { checkText } from './options.js'

export { canonicalTerm, canonicalTerms, type StopwordHandling } from '../analysis/search-terms.js'
export { BanglaSearchError, type ErrorCode } from '../errors.js'

/** MiniSearch's `tokenize` option: a field's text (or a query) in, its words out. */
export type MiniSearchTokenize = (text: string, fieldName?: string) => string[]

/** MiniSearch's `processTerm` option: one word in, the terms to index or look up out. */
export type MiniSearchProcessTerm = (term: string, fieldName?: string) => string[]

/** MiniSearch's `boostTerm` search option: the weight of each processed query term. */
export type MiniSearchBoostTerm = (term: string, index: number, terms: string[]) => number

/** What {@link minisearchOptions} returns: options to spread into `new MiniSearch({ … })`. */
export interface MiniSearchAnalysisOptions {
  /** Cuts a text into normalised words, on grapheme clusters (never inside a vowel sign or conjunct). */
  readonly tokenize: MiniSearchTokenize
  /** Turns one word into its terms: the word itself and its canonical term. */
  readonly processTerm: MiniSearchProcessTerm
  /**
   * The same two functions for queries, said explicitly, and the weights of query terms. Keep
   * them when you add your own: `searchOptions: { ...options.searchOptions, boost: { title: 2 } }`.
   */
  readonly searchOptions: {
    /** Same as {@link MiniSearchAnalysisOptions.tokenize}. */
    readonly tokenize: MiniSearchTokenize
    /** Same as {@link MiniSearchAnalysisOptions.processTerm}. */
    readonly processTerm: MiniSearchProcessTerm
    /**
     * Weighs query terms as bangla-search's own ranking does: a word's canonical term counts
     * 0.75 of the word itself (so the form typed ranks first), and a function word (`কি`, `থেকে`)
     * 0.25 of a content word.
     */
    readonly boostTerm: MiniSearchBoostTerm
  }
}

/** Distinct words whose terms are kept before the cache starts afresh (a bound on memory). */
const CACHE_LIMIT = 65_536

/**
 * Returns the `tokenize`, `processTerm` and `searchOptions` for MiniSearch 7. Spread them into the
 * constructor's options. To set search options of your own, spread ours into them too (see
 * {@link MiniSearchAnalysisOptions.searchOptions}); without our `boostTerm` the search still
 * works, with every term weighted alike.
 *
 * Prefix and fuzzy search work on the terms: `{ prefix: true }` matches `পেস` to `পেসকভ`.
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` from the functions, when MiniSearch hands
 *   them something other than a string
 *
 * @example
 * ```js
 * const index = new MiniSearch({ fields: ['title', 'text'], ...minisearchOptions() })
 * index.search('সরকারী ২০১৯')   // also finds 'সরকারি' and '2019'
 * ```
 */
export function minisearchOptions(): MiniSearchAnalysisOptions {
  const cache = new Map<string, string[]>()
  const tokenizeText: MiniSearchTokenize = (text) => {
    checkText('The MiniSearch tokenize function', text)
    const words: string[] = []
    forEachWordTerms(text, (word) => words.push(word.term))
    return words
  }
  const processTerm: MiniSearchProcessTerm = (term) => {
    checkText('The MiniSearch processTerm function', term)
    let terms = cache.get(term)
    if (terms === undefined) {
      // the word comes from our tokenize, or from the user's own: analyse it as a text either way
      const found = new Set<string>()
      forEachWordTerms(term, (word) => {
        for (const each of word.exactAndCanonical) found.add(each)
      })
      terms = [...found]
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(term, terms)
    }
    return terms
  }
  return { tokenize: tokenizeText, processTerm, searchOptions: { tokenize: tokenizeText, processTerm, boostTerm } }
}

/** See {@link MiniSearchAnalysisOptions.searchOptions}: `processTerm` puts a word's canonical term right after the word. */
const boostTerm: MiniSearchBoostTerm = (term, index, terms) => {
  const previous = index > 0 ? terms[index - 1] : undefined
  const isCanonical = previous !== undefined && previous !== term && canonicalTerm(previous) === term
  const word = isCanonical ? (previous as string) : term
  return (isStopword(word) ? STOPWORD_CLAUSE_WEIGHT : 1) * (isCanonical ? MATCH_WEIGHTS.stem / MATCH_WEIGHTS.exact : 1)
}
