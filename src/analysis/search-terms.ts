/**
 * The analysis chain reduced to plain search terms, for engines that index strings: the other
 * JavaScript search libraries (the `bangla-search/flexsearch`, `/minisearch`, `/orama` and `/lunr`
 * adapters). No rule lives here: words and their canonical form come from the tokenizer
 * (normalised, digits folded), stems from the stemmer and the orthographic fold.
 *
 * Those engines cannot expand a query word through a vocabulary as the index does, so each word
 * becomes the same fixed terms at indexing and at query time:
 * - its canonical term: the main stem candidate, folded (`পুতিনের` → `পুতিন`, `সরকারী` → `সরকারি`);
 *   where the stemmer offers two candidates, the more stripped one (`রাশিয়ার` → `রাশিয়া`);
 * - for engines where a query word may match any of several terms, also the word itself, so
 *   that the exact form ranks above other forms of the word.
 *
 * Each distinct word is analysed once; the results are cached (a bounded cache).
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { foldedStems } from './analyze.js'
import { fold } from './fold.js'
import { isStopword } from './stopwords.js'
import { forEachWord, wordScript, wordTerm, type TokenScript } from './tokenize.js'

/** One word's analysis, as the adapters index it. @internal */
export interface WordTerms {
  /** The word in canonical form (normalised, digits folded). */
  readonly term: string
  /** Its canonical search term (see {@link canonicalTerm}). */
  readonly canonical: string
  /** The word, then its canonical term when that differs. */
  readonly exactAndCanonical: readonly string[]
  /** Is the word a function word? */
  readonly stopword: boolean
}

/** Distinct words kept before the cache starts afresh (a bound on memory, not a tuning knob). */
const CACHE_LIMIT = 65_536

/** Raw words (as written) to their analysis. */
const wordCache = new Map<string, WordTerms>()

/** Normalised words to their canonical term. */
const canonicalCache = new Map<string, string>()

function remember<Value>(cache: Map<string, Value>, key: string, value: Value): Value {
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, value)
  return value
}

/**
 * The canonical search term of one normalised word (a token's `term`): for a Bengali word its
 * main stem, orthographically folded; other words (numbers, Latin) as they are. Inflected forms,
 * the digit scripts, Unicode encodings and spelling-reform pairs of a word share it.
 *
 * @param term - a word in canonical form, as `tokenize()` returns it
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
  return canonicalCache.get(term) ?? remember(canonicalCache, term, foldedStems(term)[0] ?? term)
}

/**
 * Calls `onWord` for every word of `text`, in order, with its analysis and its offsets in `text`
 * (`end` includes a joined clitic, as a token's does).
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 * @internal
 */
export function forEachWordTerms(text: string, onWord: (word: WordTerms, start: number, end: number) => void): void {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `The text to analyse must be a string, got ${describeValue(text)}.`)
  }
  forEachWord(text, (start, termEnd, end, script) => {
    const raw = text.slice(start, termEnd)
    onWord(wordCache.get(raw) ?? remember(wordCache, raw, analyseWord(raw, script)), start, end)
  })
}

function analyseWord(raw: string, script: TokenScript): WordTerms {
  const term = wordTerm(raw, script)
  const canonical = canonicalTerm(term, script)
  return { term, canonical, exactAndCanonical: canonical === term ? [term] : [term, canonical], stopword: isStopword(term) }
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
  const drop = options.stopwords === 'drop'
  const terms: string[] = []
  const stopwords: string[] = []
  forEachWordTerms(text, (word) => {
    if (drop && word.stopword) stopwords.push(word.canonical)
    else terms.push(word.canonical)
  })
  return terms.length === 0 && stopwords.length > 0 ? stopwords : terms
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
