/**
 * Typo tolerance counted in grapheme clusters, as a reader sees letters: one typo for words of
 * 5+ clusters, two for 9+ (Meilisearch's budget for Latin). `ওয়াশিংটম` is one cluster away from
 * `ওয়াশিংটন`, although their code points differ in more than one place for other typos.
 *
 * Candidates come from a cluster-bigram index over the stems (built on first use, extended
 * lazily), and are verified with a bounded Levenshtein distance over clusters.
 *
 * @module
 * @internal
 */

import { collectGraphemes } from 'unicode-segmenter/grapheme'
import type { Vocabulary } from '../index/vocabulary.js'
import { compareCodeUnits } from './prefix.js'

/** Clusters a word needs for one typo. */
export const ONE_TYPO_MIN_CLUSTERS = 5
/** Clusters a word needs for two typos. */
export const TWO_TYPOS_MIN_CLUSTERS = 9
/** Most corrections returned for one word. */
export const FUZZY_MAX_RESULTS = 8

/** The typo budget of a word of `clusters` grapheme clusters. */
export function typoBudget(clusters: number): number {
  return clusters >= TWO_TYPOS_MIN_CLUSTERS ? 2 : clusters >= ONE_TYPO_MIN_CLUSTERS ? 1 : 0
}

/** One correction. */
export interface FuzzyMatch {
  readonly stemId: number
  readonly distance: number
}

/** Finds stems within the typo budget of a word. */
export class FuzzyMatcher {
  private postings = new Map<string, number[]>()
  private indexedUpTo = 0
  private counts = new Uint16Array(0)

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Stems within the typo budget of `word` that pass `keep`, nearest first, ties in code-unit order. */
  match(word: string, keep: (stemId: number) => boolean): FuzzyMatch[] {
    const clusters = collectGraphemes(word)
    const budget = typoBudget(clusters.length)
    if (budget === 0) return []
    this.refresh()
    const grams = bigrams(clusters)
    const needed = Math.max(1, grams.length - 2 * budget)
    const { stems } = this.vocabulary
    if (this.counts.length < stems.length) this.counts = new Uint16Array(stems.length * 2)
    const touched: number[] = []
    for (const gram of new Set(grams)) {
      for (const stemId of this.postings.get(gram) ?? []) {
        if (this.counts[stemId] === 0) touched.push(stemId)
        this.counts[stemId] = (this.counts[stemId] as number) + 1
      }
    }
    for (let stemId = this.indexedUpTo; stemId < stems.length; stemId++) touched.push(stemId)
    const found: FuzzyMatch[] = []
    for (const stemId of touched) {
      const shared = this.counts[stemId] as number
      this.counts[stemId] = 0
      if (stemId < this.indexedUpTo && shared < needed) continue
      const stem = stems.get(stemId)
      if (stem === word) continue
      const distance = clusterDistance(clusters, collectGraphemes(stem), budget)
      if (distance <= budget && keep(stemId)) found.push({ stemId, distance })
    }
    return found.sort((a, b) => a.distance - b.distance || compareCodeUnits(stems.get(a.stemId), stems.get(b.stemId))).slice(0, FUZZY_MAX_RESULTS)
  }

  /** Indexes stems added since the last look, rebuilding when the tail is long. */
  private refresh(): void {
    const total = this.vocabulary.stems.length
    if (total - this.indexedUpTo < 256 + this.indexedUpTo / 4) return
    for (let stemId = this.indexedUpTo; stemId < total; stemId++) {
      for (const gram of new Set(bigrams(collectGraphemes(this.vocabulary.stems.get(stemId))))) {
        const list = this.postings.get(gram)
        if (list === undefined) this.postings.set(gram, [stemId])
        else list.push(stemId)
      }
    }
    this.indexedUpTo = total
  }
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

/** Levenshtein distance over clusters, stopping early once it must exceed `max`. */
export function clusterDistance(a: readonly string[], b: readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    previous = current
  }
  return previous[b.length] as number
}
