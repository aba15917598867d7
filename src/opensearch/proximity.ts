/**
 * Proximity on the cluster: a `rescore` section that re-scores the best first-pass hits by how
 * close together, and in which order, the query's words stand. It is the cluster's way of doing
 * what the in-memory index does after its top-k (a BM25TP-style term-pair bonus,
 * `src/search/proximity.ts`): every pair of content words standing at most
 * {@link ProximityRescoreParameters.reach} apart in the query becomes a sloppy `match_phrase`
 * over the words' stacked forms (as written, stems, synonyms, romanised and typo matches, so
 * `পুতিনের সফর` also rewards `পুতিন সফরে`), and the sum of those phrase
 * scores is added to the first-pass score of each of the best
 * `max(size + from, {@link PROXIMITY_RESCORE}.windowSize)` hits (`score_mode: total`).
 *
 * A sloppy phrase scores like a term whose frequency is `1 / (1 + distance)` for each occurrence,
 * where the distance is the number of moves that make the pair adjacent and in order (the words
 * reversed: 2), saturated by BM25 and weighted by the pair's idf: the in-memory signal's shape,
 * with the cluster's own phrase statistics.
 *
 * @module
 */

import type { MatchKind } from '../types.js'
import type { QueryDsl, Rescore } from './dsl.js'
import type { Expansion } from './expansion.js'
import type { ResolvedOpenSearchOptions } from './options.js'
import type { ResolvedQueryOptions } from './search-options.js'
import { ALTERNATIVE_SEPARATOR } from './stacked.js'
import type { AnalysedClause } from './words.js'

/** The constants of the proximity rescore. */
export interface ProximityRescoreParameters {
  /** Hits re-scored at least (`window_size` is the larger of this and `size + from`). */
  readonly windowSize: number
  /** Positions a pair may stand apart, or out of order (2 reverses an adjacent pair), and still count. */
  readonly slop: number
  /** `rescore_query_weight`: the pair scores' share of the final score (`query_weight` stays 1). */
  readonly weight: number
  /**
   * Pairs are formed between content words up to this many apart in the query (1: neighbours
   * only); a pair `d` apart gets `d - 1` more slop, for the words between.
   */
  readonly reach: number
}

/**
 * Chosen through the Lucene harness on the blog known-item titles together with the development
 * set, BanglaQuAD and Dakshina (docs/scale-out.md has the figures). Mutable for the benchmark's
 * sweeps only.
 */
export const PROXIMITY_RESCORE: ProximityRescoreParameters = {
  windowSize: 100,
  slop: 5,
  weight: 0.25,
  reach: 2,
}

/**
 * The forms of a word that take part: alias variants and completions are left out, as in memory
 * (they are many and mostly other words; a prefix cannot stand in a phrase).
 */
const PAIR_KINDS: ReadonlySet<MatchKind> = new Set<MatchKind>(['exact', 'stem', 'synonym', 'roman', 'fuzzy'])

/** One clause of the query with the expansions its leaf queries were built from. */
export interface ClauseExpansions {
  readonly clause: AnalysedClause
  readonly words: readonly Expansion[][]
}

/**
 * The `rescore` section of a search body, or undefined when the query has fewer than two content
 * words (single words, not stopwords, not excluded, not inside a phrase).
 *
 * @example
 * ```ts
 * // «পুতিনের সফর»: one pair, on each searched field
 * // { window_size: 100, query: { rescore_query: { match_phrase: { 'bangla.text': {
 * //   query: 'পুতিনের|~পুতিন সফর|~সফর', slop: 5 } } }, query_weight: 1, rescore_query_weight: 0.25, score_mode: 'total' } }
 * ```
 * @internal
 */
export function proximityRescore<F>(
  clauses: readonly ClauseExpansions[],
  index: ResolvedOpenSearchOptions,
  search: ResolvedQueryOptions<F>,
  params: ProximityRescoreParameters = PROXIMITY_RESCORE,
): Rescore<F> | undefined {
  if (params.weight <= 0) return undefined
  const words = pairWords(clauses)
  if (words.length < 2) return undefined
  const should: QueryDsl<F>[] = []
  // at most 63 × reach pairs per field: a query has at most 64 clauses (MAX_QUERY_CLAUSES)
  for (let i = 0; i + 1 < words.length; i++) {
    for (let j = i + 1; j < words.length && j - i <= params.reach; j++) {
      const query = `${words[i] as string} ${words[j] as string}`
      const slop = params.slop + j - i - 1
      search.fields.forEach((field, slot) => {
        const boost = search.boosts[slot] ?? 1
        if (boost <= 0) return
        const path = `${index.analyzedField}.${index.fields[field] as string}`
        should.push({ match_phrase: { [path]: boost === 1 ? { query, slop } : { query, slop, boost } } })
      })
    }
  }
  if (should.length === 0) return undefined
  return {
    window_size: Math.max(search.limit + search.offset, params.windowSize),
    query: {
      rescore_query: should.length === 1 ? (should[0] as QueryDsl<F>) : { bool: { should } },
      query_weight: 1,
      rescore_query_weight: params.weight,
      score_mode: 'total',
    },
  }
}

/** The content words of the query in order, each as its stacked alternatives (`exact|~stem`), each word once. */
function pairWords(clauses: readonly ClauseExpansions[]): string[] {
  const seen = new Set<string>()
  const words: string[] = []
  for (const { clause, words: expansions } of clauses) {
    if (clause.exclude || clause.phrase || clause.weight < 1 || seen.has(clause.label)) continue
    const tokens = (expansions[0] ?? []).filter((e) => PAIR_KINDS.has(e.kind)).map((e) => e.token)
    if (tokens.length === 0) continue
    seen.add(clause.label)
    words.push([...new Set(tokens)].join(ALTERNATIVE_SEPARATOR))
  }
  return words
}
