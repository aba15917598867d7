/**
 * Typo tolerance sized for Bengali. A Bengali grapheme cluster is close to a syllable, so most
 * words are 2 to 4 clusters long (`ইউক্রেন` is 4); a Latin budget (one typo from 5 letters) would
 * leave them all without one. Here the budget is counted in clusters and spent in a weighted edit
 * distance ({@link typoDistance}) where the common slips cost less than 1 (see typo-costs.ts):
 * a 2-cluster word may take one cheap slip (a vowel length, an aspiration pair, a homophone,
 * a chandrabindu), a 3-cluster word one edit of any kind, longer words more.
 *
 * Candidates for a Bengali word come through the alias keys the vocabulary already holds: the
 * common slips leave a word's consonant-class skeleton (K0) as it is, so the candidates are the
 * terms whose stems have the word's K0 (or it with two neighbours swapped or a repeated part
 * dropped), verified with the weighted distance; only when none is within the budget do keys a
 * single symbol away follow (one consonant more, less or other, not the first).
 * Words in other scripts go through a small bigram index over the vocabulary's non-Bengali terms.
 *
 * @module
 * @internal
 */

import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { bengaliKeys, KEY_ALPHABET } from '../analysis/alias-keys.js'
import { foldedStems } from '../analysis/analyze.js'
import type { Vocabulary } from '../index/vocabulary.js'
import { compareCodeUnits } from './prefix.js'
import { typoDistance, typoUnits, type TypoUnits } from './typo-distance.js'

/**
 * The typo budget of a Bengali word by its length in grapheme clusters (index = clusters; the
 * last entry holds for longer words). Chosen on the misspelling dev set with the other sets
 * watched (docs/ranking.md).
 */
export const BENGALI_TYPO_BUDGET: readonly number[] = [0, 0, 0.5, 1, 1, 1.5, 1.5, 1.5, 1.5, 2]
/** Letters a word in another script needs for one typo (Meilisearch's budget for Latin). */
export const OTHER_ONE_TYPO_MIN = 5
/** Letters a word in another script needs for two typos. */
export const OTHER_TWO_TYPOS_MIN = 9
/** Most corrections returned for one word. */
export const FUZZY_MAX_RESULTS = 4
/** The cheapest insertion or deletion (a chandrabindu), which bounds the length gap of a correction. */
const CHEAPEST_INDEL = 0.25

/** The typo budget of a word of `clusters` grapheme clusters. */
export function typoBudget(clusters: number, bengali = true): number {
  if (!bengali) return clusters >= OTHER_TWO_TYPOS_MIN ? 2 : clusters >= OTHER_ONE_TYPO_MIN ? 1 : 0
  return BENGALI_TYPO_BUDGET[Math.min(clusters, BENGALI_TYPO_BUDGET.length - 1)] as number
}

/** One correction. */
export interface FuzzyMatch {
  readonly termId: number
  readonly distance: number
}

const BENGALI = /[\u0980-\u09FF]/u
/** Script code of Bengali terms in the vocabulary's `termScripts`. */
const BENGALI_SCRIPT = 0

/** Finds indexed terms within the typo budget of a word. */
export class FuzzyMatcher {
  private readonly others = new BigramIndex()

  constructor(private readonly vocabulary: Vocabulary) {}

  /**
   * Terms within the typo budget of `word` that pass `keep`, nearest first, then most frequent
   * (by `frequency`), then in code-unit order.
   */
  match(word: string, keep: (termId: number) => boolean, frequency: (termId: number) => number = () => 0): FuzzyMatch[] {
    const bengali = BENGALI.test(word)
    const budget = typoBudget(collectGraphemes(word).length, bengali)
    if (budget === 0) return []
    const query = typoUnits(word)
    let found: FuzzyMatch[]
    if (!bengali) {
      found = this.verify(word, query, this.others.candidates(this.vocabulary, word, budget), budget, keep)
    } else {
      // the common slips keep the skeleton key: look one symbol further only when they find nothing
      found = this.verify(word, query, this.bengaliCandidates(word, false), budget, keep)
      if (found.length === 0 && budget >= 1) found = this.verify(word, query, this.bengaliCandidates(word, true), budget, keep)
    }
    const { terms } = this.vocabulary
    const frequencies = new Map(found.map(({ termId }) => [termId, frequency(termId)]))
    return found
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          (frequencies.get(b.termId) ?? 0) - (frequencies.get(a.termId) ?? 0) ||
          compareCodeUnits(terms.get(a.termId), terms.get(b.termId)),
      )
      .slice(0, FUZZY_MAX_RESULTS)
  }

  /** The candidates within the budget that pass `keep`, with their distances. */
  private verify(word: string, query: TypoUnits, candidates: Iterable<number>, budget: number, keep: (termId: number) => boolean): FuzzyMatch[] {
    const { terms } = this.vocabulary
    const found: FuzzyMatch[] = []
    // each unit more or less costs at least the cheapest indel: check before splitting the term
    const length = unitLength(word)
    for (const termId of candidates) {
      const term = terms.get(termId)
      if (term === word || Math.abs(unitLength(term) - length) * CHEAPEST_INDEL > budget) continue
      const distance = typoDistance(query, typoUnits(term), budget)
      if (distance <= budget && keep(termId)) found.push({ termId, distance })
    }
    return found
  }

  /**
   * The terms whose stems have the word's skeleton key (or its stems'), two of its symbols swapped
   * or a repeated part dropped, and with `oneEdit` the keys one symbol away (the first kept).
   */
  private bengaliCandidates(word: string, oneEdit: boolean): Set<number> {
    const keys = new Set<string>()
    for (const form of [word, ...foldedStems(word)]) {
      const { k0 } = bengaliKeys(form)
      for (const key of keyNeighbours(k0, oneEdit)) keys.add(key)
    }
    const candidates = new Set<number>()
    for (const key of keys) {
      const keyId = this.vocabulary.keyId(key)
      if (keyId < 0) continue
      this.vocabulary.forEachStemOfKey(keyId, (stemId) => this.vocabulary.forEachTermOfStem(stemId, (termId) => candidates.add(termId)))
    }
    return candidates
  }
}

/**
 * A skeleton key and its neighbours: two neighbouring symbols swapped, a repeated run of up to
 * three symbols dropped, and, with `oneEdit`, every key with one symbol after the first
 * inserted, deleted or replaced.
 *
 * @example
 * ```ts
 * keyNeighbours('KRN', false)   // ['KRN', 'RKN', 'KNR']
 * ```
 */
export function keyNeighbours(key: string, oneEdit: boolean): string[] {
  const out = new Set<string>([key])
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(0, i) + key.charAt(i + 1) + key.charAt(i) + key.slice(i + 2))
  for (let length = 1; length <= 3; length++) {
    for (let i = length; i + length <= key.length; i++) {
      if (key.slice(i, i + length) === key.slice(i - length, i)) out.add(key.slice(0, i) + key.slice(i + length))
    }
  }
  if (oneEdit) {
    // the first symbol stays: people seldom mistype the first letter but for its class mates
    for (let i = 1; i <= key.length; i++) {
      if (i < key.length) out.add(key.slice(0, i) + key.slice(i + 1))
      for (const symbol of KEY_ALPHABET) {
        out.add(key.slice(0, i) + symbol + key.slice(i))
        if (i < key.length) out.add(key.slice(0, i) + symbol + key.slice(i + 1))
      }
    }
  }
  out.delete('')
  return [...out]
}

/** Cluster bigrams of the vocabulary's non-Bengali terms (built on first use, extended as the vocabulary grows). */
class BigramIndex {
  private postings = new Map<string, number[]>()
  private indexedUpTo = 0
  private counts = new Uint16Array(0)

  /** Terms sharing enough bigrams with the word to be within `budget` edits of it. */
  candidates(vocabulary: Vocabulary, word: string, budget: number): number[] {
    this.refresh(vocabulary)
    const grams = bigrams(clustersOf(word))
    const needed = Math.max(1, grams.length - 2 * budget)
    if (this.counts.length < vocabulary.terms.length) this.counts = new Uint16Array(vocabulary.terms.length * 2)
    const touched: number[] = []
    for (const gram of new Set(grams)) {
      for (const termId of this.postings.get(gram) ?? []) {
        if (this.counts[termId] === 0) touched.push(termId)
        this.counts[termId] = (this.counts[termId] as number) + 1
      }
    }
    const out: number[] = []
    for (const termId of touched) {
      if ((this.counts[termId] as number) >= needed) out.push(termId)
      this.counts[termId] = 0
    }
    return out
  }

  private refresh(vocabulary: Vocabulary): void {
    const total = vocabulary.terms.length
    if (this.indexedUpTo === total) return
    for (let termId = this.indexedUpTo; termId < total; termId++) {
      if (vocabulary.termScripts.get(termId) === BENGALI_SCRIPT) continue
      for (const gram of new Set(bigrams(clustersOf(vocabulary.terms.get(termId))))) {
        const list = this.postings.get(gram)
        if (list === undefined) this.postings.set(gram, [termId])
        else list.push(termId)
      }
    }
    this.indexedUpTo = total
  }
}

/** The number of units of a word (code units, a nukta counted with its letter). */
function unitLength(word: string): number {
  let length = word.length
  for (let i = word.indexOf('\u09BC'); i >= 0; i = word.indexOf('\u09BC', i + 1)) length--
  return length
}

/** Printable ASCII without spaces: each character is a cluster of its own. */
const PLAIN_ASCII = /^[\x21-\x7e]*$/

/**
 * The grapheme clusters of a term; a plain ASCII term (most of the non-Bengali terms the bigram
 * index reads) is split into characters without the segmenter, which gives the same clusters.
 */
export function clustersOf(term: string): string[] {
  return PLAIN_ASCII.test(term) ? term.split('') : collectGraphemes(term)
}

/** Cluster bigrams with start and end markers. */
function bigrams(clusters: readonly string[]): string[] {
  const grams: string[] = []
  let previous = '\u0002'
  for (const cluster of clusters) {
    grams.push(`${previous}\u0001${cluster}`)
    previous = cluster
  }
  grams.push(`${previous}\u0001\u0003`)
  return grams
}
