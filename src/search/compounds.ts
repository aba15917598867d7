/**
 * Compounds written apart and closed. Bengali writers join and split compounds freely
 * (`প্রতিরক্ষা মন্ত্রী` / `প্রতিরক্ষামন্ত্রী`, `স্বর্ণ মন্দিরের` / `স্বর্ণমন্দিরের`), and many type
 * suffixes apart (`মুখোশ গুলো`, `মুরুব্বী দের`). Two pure look-ups over the index's own vocabulary
 * (no word list is shipped):
 *
 * - {@link findJoin}: two neighbouring query words, joined, form a word the index holds (as it
 *   is, or through its stem): documents holding that closed form match both query words.
 * - {@link findSplit}: a query word is two frequent indexed words written together: documents
 *   holding those two words side by side (a phrase) match it.
 *
 * @module
 * @internal
 */

import { foldedStems } from '../analysis/analyze.js'
import { isStopword } from '../analysis/stopwords.js'
import { tokenize } from '../analysis/tokenize.js'
import { collectGraphemes } from 'unicode-segmenter/grapheme'

/** What the look-ups need from the index. */
export interface CompoundVocabulary {
  /** The id of an indexed term (canonical form), or -1. */
  termId(term: string): number
  /** How many live documents hold the term. */
  termFrequency(termId: number): number
  /** The id of a folded stem, or -1. */
  stemId(stem: string): number
  /** How many live documents hold a term of the stem (summed over its terms, an upper bound). */
  stemFrequency(stemId: number): number
}

/** A closed compound found for two neighbouring query words. */
export interface Join {
  /** The closed form, as the index writes it. */
  readonly term: string
  /** Its term id. */
  readonly termId: number
  /** The stem of the closed form when it is a compound stem of its own (its other inflections match too), or -1. */
  readonly stemId: number
}

/** Two words a closed query word splits into. */
export interface Split {
  readonly left: string
  readonly right: string
}

/** The constants of the look-ups. */
export interface CompoundParameters {
  /** A closed form must be held by at least this many documents to be joined to. */
  readonly joinMinDocuments: number
  /** Each part of a split must be held by at least this many documents. */
  readonly splitMinDocuments: number
  /** Each part of a split must have at least this many grapheme clusters. */
  readonly splitMinClusters: number
  /** A closed word held by this many documents or more is not split: its writers close it. */
  readonly splitMaxClosedDocuments: number
}

/** Chosen on the split-compound set and the known-item titles together (docs/ranking.md). */
export const COMPOUNDS: CompoundParameters = {
  joinMinDocuments: 2,
  splitMinDocuments: 20,
  splitMinClusters: 2,
  splitMaxClosedDocuments: 20,
}

/**
 * The closed form of two neighbouring Bengali query words, when the index holds it in enough
 * documents (and the second word is not a function word), with its stem when it is a compound
 * stem of its own (not the first word's stem with a suffix).
 *
 * @param left - the first word, canonical (as `tokenize` gives it)
 * @param right - the word after it, canonical
 * @example
 * ```ts
 * findJoin('স্বর্ণ', 'মন্দিরের', vocabulary)   // { term: 'স্বর্ণমন্দিরের', termId: …, stemId: … }
 * findJoin('মুখোশ', 'গুলো', vocabulary)        // { term: 'মুখোশগুলো', … }
 * ```
 */
export function findJoin(left: string, right: string, vocabulary: CompoundVocabulary, params: CompoundParameters = COMPOUNDS): Join | undefined {
  // a function word after a word is a word of its own there: «ছবি ও গান» is not «ছবিও» (the picture too)
  if (isStopword(right)) return undefined
  const tokens = tokenize(left + right)
  const closed = tokens[0]
  if (tokens.length !== 1 || closed === undefined || closed.script !== 'bengali') return undefined
  const term = closed.term
  const termId = vocabulary.termId(term)
  if (termId < 0 || vocabulary.termFrequency(termId) < params.joinMinDocuments) return undefined
  const [stem] = foldedStems(term)
  // a suffix typed apart (মুখোশ গুলো): the closed form is an inflection of the first word, whose
  // other inflections that word finds already; only the closed form itself is added
  const suffix = stem === undefined || foldedStems(left).includes(stem)
  return { term, termId, stemId: suffix ? -1 : vocabulary.stemId(stem) }
}

/**
 * The best way to read a closed Bengali word as two indexed words written together, when the
 * closed form itself is rare: every split between grapheme clusters whose parts are both indexed
 * words held by enough documents; the split whose rarer part is the most frequent wins.
 *
 * @param word - the query word, canonical
 * @example
 * ```ts
 * findSplit('প্রতিরক্ষামন্ত্রী', vocabulary)   // { left: 'প্রতিরক্ষা', right: 'মন্ত্রী' }
 * ```
 */
export function findSplit(word: string, vocabulary: CompoundVocabulary, params: CompoundParameters = COMPOUNDS): Split | undefined {
  if (heldBy(word, vocabulary) >= params.splitMaxClosedDocuments) return undefined
  const clusters = collectGraphemes(word)
  let best: (Split & { frequency: number }) | undefined
  for (let cut = params.splitMinClusters; cut <= clusters.length - params.splitMinClusters; cut++) {
    const left = clusters.slice(0, cut).join('')
    const right = clusters.slice(cut).join('')
    const frequency = Math.min(heldBy(left, vocabulary), heldBy(right, vocabulary))
    if (frequency >= params.splitMinDocuments && (best === undefined || frequency > best.frequency)) best = { left, right, frequency }
  }
  return best === undefined ? undefined : { left: best.left, right: best.right }
}

/** Documents holding the word as it is (0 when the index does not hold it). */
function heldBy(word: string, vocabulary: CompoundVocabulary): number {
  const termId = vocabulary.termId(word)
  return termId < 0 ? 0 : vocabulary.termFrequency(termId)
}
