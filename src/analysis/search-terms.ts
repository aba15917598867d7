/**
 * The analysis chain reduced to plain search terms, for engines that index strings: the other
 * JavaScript search libraries (the `bangla-search/flexsearch`, `/minisearch`, `/orama` and `/lunr`
 * adapters). No rule lives here: words come from {@link tokenize} (normalised, digits folded),
 * stems from the stemmer and the orthographic fold through {@link foldedStems}.
 *
 * Those engines cannot expand a query word through a vocabulary as the index does, so each word
 * becomes the same fixed terms at indexing and at query time:
 * - its canonical term: the main stem candidate, folded (`পুতিনের` → `পুতিন`, `সরকারী` → `সরকারি`);
 *   where the stemmer offers two candidates, the more stripped one (`রাশিয়ার` → `রাশিয়া`);
 * - for engines where a query word may match any of several terms, also the word itself, so
 *   that the exact form ranks above other forms of the word.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { foldedStems } from './analyze.js'
import { fold } from './fold.js'
import { isStopword } from './stopwords.js'
import { tokenize, wordScript, type TokenScript } from './tokenize.js'

/** Distinct words whose terms are kept before the cache starts afresh (a bound on memory, not a tuning knob). */
const CACHE_LIMIT = 65_536

const canonicalCache = new Map<string, string>()

/**
 * The canonical search term of one word as {@link tokenize} returns it: for a Bengali word its main
 * stem, orthographically folded; other words (numbers, Latin) as they are. Inflected forms, the
 * digit scripts, Unicode encodings and spelling-reform pairs of a word share it.
 *
 * @param term - a word in canonical form (a {@link Token}'s `term`)
 * @param script - what the word is made of; read from the word when left out
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `term` is not a string
 *
 * @example
 * ```ts
 * canonicalTerm('পুতিনের')   // 'পুতিন'
 * canonicalTerm('সরকারী')    // 'সরকারি'
 * canonicalTerm('2019')      // '2019'
 * ```
 */
export function canonicalTerm(term: string, script?: TokenScript): string {
  if (typeof term !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `canonicalTerm() takes a string, got ${describeValue(term)}.`)
  }
  if ((script ?? wordScript(term)) !== 'bengali') return term
  let canonical = canonicalCache.get(term)
  if (canonical === undefined) {
    canonical = foldedStems(term)[0] ?? term
    if (canonicalCache.size >= CACHE_LIMIT) canonicalCache.clear()
    canonicalCache.set(term, canonical)
  }
  return canonical
}

/** Which of a text's words become terms: all of them, or all but the stopwords. */
export type StopwordHandling = 'keep' | 'drop'

/**
 * The canonical terms of a text, one per word, in order (see {@link canonicalTerm}). With
 * `stopwords: 'drop'`, function words such as `এবং` and `থেকে` give no term, unless the text has
 * nothing else (a query `কে কি` still searches for its words).
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * canonicalTerms('পুতিনের সঙ্গে ২০১৯ সালে')            // ['পুতিন', 'সংগ', '2019', 'সাল']
 * canonicalTerms('পুতিনের সঙ্গে', { stopwords: 'drop' })  // ['পুতিন']
 * ```
 */
export function canonicalTerms(text: string, options: { readonly stopwords?: StopwordHandling } = {}): string[] {
  let tokens = tokenize(text)
  if (options.stopwords === 'drop') {
    const content = tokens.filter((token) => !isStopword(token.term))
    if (content.length > 0) tokens = content
  }
  return tokens.map((token) => canonicalTerm(token.term, token.script))
}

/**
 * The terms of one word for an engine where a query word may match any of several terms: the
 * word itself and its canonical term (one term when they are the same).
 *
 * @param term - a word in canonical form (a {@link Token}'s `term`)
 * @internal
 */
export function exactAndCanonical(term: string, script?: TokenScript): string[] {
  const canonical = canonicalTerm(term, script)
  return canonical === term ? [term] : [term, canonical]
}

/**
 * The terms a prefix of a word is matched with: the prefix normalised, and also folded when
 * folding changes it. Never stemmed: a prefix is not a word, and stripping it would widen it.
 *
 * @param term - a word (prefix) in canonical form
 * @internal
 */
export function prefixTerms(term: string): string[] {
  const folded = fold(term)
  return folded === term || folded === '' ? [term] : [term, folded]
}
