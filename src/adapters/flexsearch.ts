/**
 * `bangla-search/flexsearch`: Bengali analysis for FlexSearch 0.8 `Index` and `Document`.
 *
 * FlexSearch's default encoder splits words at every vowel sign and hasanta (its split is
 * `[^\p{L}\p{N}]+`, and those signs are marks, not letters). This encoder cuts words on grapheme
 * clusters instead and gives each word ONE canonical term: normalised, digits folded, stemmed
 * and orthographically folded. One term, not a list of alternatives, because FlexSearch requires
 * every term of a query to match.
 *
 * FlexSearch itself is never imported: pass the encoder to your own `Index` or `Document`.
 *
 * @example
 * ```js
 * import { Index } from 'flexsearch'
 * import { flexsearchEncoder } from 'bangla-search/flexsearch'
 *
 * const index = new Index({ encoder: flexsearchEncoder() })
 * index.add(1, 'পুতিনের সঙ্গে বৈঠক হয়েছে ২০১৯ সালে')
 * index.search('পুতিন 2019')   // [1]
 * ```
 *
 * @module
 */

import { canonicalTerms, type StopwordHandling } from '../analysis/search-terms.js'
import { checkOptions, checkText } from './options.js'

export { canonicalTerm, canonicalTerms, type StopwordHandling } from '../analysis/search-terms.js'
export { BanglaSearchError, type ErrorCode } from '../errors.js'

/** Options of {@link flexsearchEncoder}. */
export interface FlexSearchEncoderOptions {
  /**
   * `'drop'` (the default): function words (`এবং`, `থেকে`, `কী`) give no term, on either side,
   * unless a text has nothing else. FlexSearch returns only documents holding every query term,
   * so a question like `পুথি সাহিত্য কোন ভাষায় রচিত?` would otherwise miss every paragraph
   * without `কোন`.
   * `'keep'`: every word gives a term.
   */
  readonly stopwords?: StopwordHandling
}

/**
 * The encode function FlexSearch calls for documents and queries alike: a text in, its terms out
 * (one per word). FlexSearch passes `true` as the second argument when repeated terms may go.
 */
export type FlexSearchEncode = (text: string, dedupe?: boolean) => string[]

/**
 * Returns an encoder for FlexSearch 0.8: pass it as the `encoder` option of an `Index`, or of each
 * field of a `Document`. Inflected forms (`পুতিনের` / `পুতিন`), digit scripts (`২০১৯` / `2019`),
 * Unicode encodings (`য়` as one or two code points) and spelling-reform pairs (`সরকারী` /
 * `সরকারি`) then meet.
 *
 * @param options - see {@link FlexSearchEncoderOptions}
 * @throws {@link BanglaSearchError} `INVALID_OPTION` for an unknown option or value; the encoder
 *   throws `INVALID_ARGUMENT` when FlexSearch hands it something other than a string
 *
 * @example
 * ```js
 * new Document({ document: { id: 'id', index: [{ field: 'text', encoder: flexsearchEncoder() }] } })
 * ```
 */
export function flexsearchEncoder(options?: FlexSearchEncoderOptions): FlexSearchEncode {
  const { stopwords = 'drop' } = checkOptions<FlexSearchEncoderOptions>('flexsearchEncoder()', options, {
    stopwords: ['drop', 'keep'],
  })
  return (text, dedupe) => {
    checkText('The FlexSearch encoder', text)
    const terms = canonicalTerms(text, { stopwords })
    return dedupe === true ? [...new Set(terms)] : terms
  }
}
