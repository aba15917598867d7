/**
 * `bangla-search/orama`: a Bengali tokenizer component for Orama 3.
 *
 * Orama's own tokenizer splits with an English pattern that deletes every Bengali letter, so
 * nothing is indexed. This one cuts words on grapheme clusters, normalises them, and gives each
 * word two terms: itself and its canonical term (stemmed, digits folded, orthographically folded),
 * so that every form of a word matches and the form typed ranks first.
 *
 * Orama matches every query word as a prefix of indexed words. With stems that is too wide
 * (`১২` finds `১২০০`, `চিন` finds `চিন্তা`), so by default each term ends in an end-of-word mark
 * and a query word matches whole words only, unless it ends in `*`: `পেস*` finds `পেসকভ`.
 * `oramaTokenizer({ prefix: 'always' })` keeps Orama's own behaviour instead.
 *
 * Orama itself is never imported: pass the tokenizer to your own `create()`.
 *
 * @example
 * ```js
 * import { create, insert, search } from '@orama/orama'
 * import { oramaTokenizer } from 'bangla-search/orama'
 *
 * const db = create({ schema: { text: 'string' }, components: { tokenizer: oramaTokenizer() } })
 * insert(db, { text: 'পুতিনের সঙ্গে বৈঠক' })
 * search(db, { term: 'পুতিন' }).count   // 1
 * ```
 *
 * @module
 */

import { forEachWordTerms, prefixTerms } from '../analysis/search-terms.js'
import { checkOptions, checkText } from './options.js'

export { canonicalTerm, canonicalTerms, type StopwordHandling } from '../analysis/search-terms.js'
export { BanglaSearchError, type ErrorCode } from '../errors.js'

/** Options of {@link oramaTokenizer}. */
export interface OramaTokenizerOptions {
  /**
   * How query words match indexed words.
   * - `'star'` (the default): whole words, and a query word ending in `*` as a prefix (`পেস*`);
   * - `'always'`: Orama's own behaviour, every query word also matches longer words.
   */
  readonly prefix?: 'star' | 'always'
}

/** The tokenizer component Orama 3 takes as `components.tokenizer` (its `Tokenizer` interface). */
export interface OramaBengaliTokenizer {
  /** A name for the language the tokenizer handles; Orama only compares it with a search's `language`. */
  readonly language: string
  /** Required by Orama's interface; this tokenizer keeps no cache in it. */
  readonly normalizationCache: Map<string, string>
  /**
   * Orama calls this for every string field of a document (`prop` set) and for every query
   * (`prop` left out). Returns the distinct terms of the text.
   */
  tokenize(raw: string, language?: string, prop?: string, withCache?: boolean): string[]
}

/** Ends every indexed term, so that Orama's prefix lookup of a marked query term finds that word only. */
const END_OF_WORD = '$'

/** Written right after a query word, asks for prefix matching (`পেস*`). */
const PREFIX_MARK = '*'

/**
 * Returns a tokenizer for Orama 3: `create({ schema, components: { tokenizer: oramaTokenizer() } })`.
 * Inflected forms (`পুতিনের` / `পুতিন`), digit scripts (`২০১৯` / `2019`), Unicode encodings
 * (`য়` as one or two code points) and spelling-reform pairs (`সরকারী` / `সরকারি`) then meet.
 *
 * The end-of-word mark relies on Orama calling the tokenizer without a property name for search
 * terms, as Orama 3 does; `where` filters on string fields are tokenized like documents.
 *
 * @param options - see {@link OramaTokenizerOptions}
 * @throws {@link BanglaSearchError} `INVALID_OPTION` for an unknown option or value; `tokenize`
 *   throws `INVALID_ARGUMENT` when Orama hands it something other than a string
 *
 * @example
 * ```js
 * search(db, { term: 'পেস*' })                 // prefix: finds পেসকভ
 * search(db, { term: 'সরকারী', tolerance: 1 })  // typo tolerance works on the terms too
 * ```
 */
export function oramaTokenizer(options?: OramaTokenizerOptions): OramaBengaliTokenizer {
  const { prefix = 'star' } = checkOptions<OramaTokenizerOptions>('oramaTokenizer()', options, {
    prefix: ['star', 'always'],
  })
  const marked = prefix === 'star'
  return {
    language: 'bengali',
    normalizationCache: new Map<string, string>(),
    tokenize(raw, _language, prop) {
      checkText('The Orama tokenizer', raw)
      const isQuery = prop === undefined
      const terms = new Set<string>()
      forEachWordTerms(raw, (word, _start, end) => {
        if (marked && isQuery && raw.charAt(end) === PREFIX_MARK) {
          for (const term of prefixTerms(word.term)) terms.add(term)
        } else {
          for (const term of word.exactAndCanonical) terms.add(marked ? term + END_OF_WORD : term)
        }
      })
      return [...terms]
    },
  }
}
