/**
 * The analysis chain composed: what the index stores for each word of a text. Useful to see why
 * a word matches (the CLI's `analyze` command prints it).
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { bengaliKeys } from './alias-keys.js'
import { fold } from './fold.js'
import { isLatinWord, latinKeys } from './romanize.js'
import { stemCandidates } from './stem.js'
import { isStopword } from './stopwords.js'
import { tokenize, type Token } from './tokenize.js'

/** One analysed word: the token and the terms the index derives from it. */
export interface AnalyzedToken extends Token {
  /** Stem candidates after orthographic folding (the word itself for non-Bengali words). */
  readonly stems: readonly string[]
  /** The spelling-variant (alias) keys of the stems: K0 consonant skeletons. */
  readonly aliasKeys: readonly string[]
  /** Is the word a function word (weighted down in queries, never dropped)? */
  readonly stopword: boolean
}

/**
 * Runs the whole analysis chain over a text.
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * analyze('পুতিনের সফর')
 * // [{ term: 'পুতিনের', stems: ['পুতিন'], aliasKeys: ['PTN'], start: 0, end: 7, position: 0, … },
 * //  { term: 'সফর', stems: ['সফর'], aliasKeys: ['SFR'], start: 8, end: 11, position: 1, … }]
 * ```
 */
export function analyze(text: string): AnalyzedToken[] {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `analyze() takes a string, got ${describeValue(text)}.`)
  }
  const byTerm = new Map<string, Omit<AnalyzedToken, keyof Token>>()
  return tokenize(text).map((token) => {
    let derived = byTerm.get(token.term)
    if (derived === undefined) {
      const stems = token.script === 'bengali' ? foldedStems(token.term) : [token.term]
      derived = { stems, aliasKeys: keysOf(token.term, token.script, stems), stopword: isStopword(token.term) }
      byTerm.set(token.term, derived)
    }
    const { term, start, end, position, script } = token
    return { term, start, end, position, script, stems: derived.stems, aliasKeys: derived.aliasKeys, stopword: derived.stopword }
  })
}

/**
 * The alias key (K0) of one word, Bengali or Latin: spelling and transliteration variants of a
 * word share it. A blocking key: unrelated short words may share it too, so the index verifies
 * candidates with a finer key before it treats them as variants.
 *
 * @example
 * ```ts
 * aliasKey('ভ্লাদিভস্তক') === aliasKey('ভ্লাদিভোস্টক')   // true: 'BLDBSTK'
 * aliasKey('vladivostok')                              // 'BLDBSTK'
 * ```
 */
export function aliasKey(word: string): string {
  const [token] = analyze(word)
  if (token === undefined) return ''
  return token.aliasKeys[0] ?? ''
}

/** The folded stem candidates of a Bengali term (a candidate that folds to nothing keeps its form). @internal */
export function foldedStems(term: string): string[] {
  return [...new Set(stemCandidates(term).map((stem) => fold(stem) || stem))]
}

function keysOf(term: string, script: Token['script'], stems: readonly string[]): string[] {
  if (script === 'bengali') return [...new Set(stems.map((stem) => bengaliKeys(stem).k0).filter((key) => key.length > 0))]
  if (script === 'other' && isLatinWord(term)) return [...new Set(latinKeys(term).map((keys) => keys.k0))]
  return []
}
