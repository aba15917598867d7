/**
 * Proximity: documents where the query words stand close together, and in the query's order,
 * rank higher. A term-pair signal in the manner of BM25TP (Rasolofo and Savoy, "Term proximity
 * scoring for keyword-based retrieval systems", ECIR 2003): every pair of query words found
 * within a small window adds `1 / distance²` to the pair's closeness (less when the pair stands
 * in the other order), and the closeness is saturated like a BM25 term frequency and weighted
 * by the rarer word's idf, and by how few of the re-scored candidates hold the pair close. Pure
 * functions over positions; the caller finds the positions.
 *
 * @example
 * ```ts
 * // «তবু ভালোবাসি তোমায়»: a post that opens with the title gets a bonus; one with the
 * // three words scattered far apart gets none
 * proximityBonus([{ positions: [0], idf: 2, weight: 0.25 }, { positions: [1], idf: 4, weight: 1 }, { positions: [2, 90], idf: 3, weight: 1 }], 700, 740)
 * ```
 *
 * @module
 * @internal
 */

/** One query word in one field of one document. */
export interface ProximityWord {
  /** Its positions in the field (any term the word matched), increasing. */
  readonly positions: readonly number[]
  /** The inverse document frequency of the word (its clause). */
  readonly idf: number
  /** The word's weight in the query (lower for stopwords). */
  readonly weight: number
}

/** The constants of the proximity signal. */
export interface ProximityParameters {
  /** Pairs further apart than this many positions add nothing. */
  readonly window: number
  /** A pair standing in the other order than in the query counts this share of an ordered one. */
  readonly reversedShare: number
  /** Saturation of the closeness (as BM25's k1). */
  readonly k1: number
  /** Field-length normalisation of the closeness (as BM25's b). */
  readonly b: number
  /** The bonus is multiplied by this before it is added to the BM25 score. */
  readonly weight: number
  /**
   * How many of the best first-stage candidates are re-scored (the rescoring window); those past
   * it follow in their first-stage order.
   */
  readonly depth: number
}

/**
 * Chosen on the development sets together (dev, BanglaQuAD, Dakshina, blog known-item, split
 * compounds; docs/ranking.md has the sweep): the known-item titles gain most from weight 2 and
 * few reversed pairs, the other sets move by less than 0.002. Mutable for the benchmark's sweeps
 * only.
 */
export const PROXIMITY: ProximityParameters = {
  window: 5,
  reversedShare: 0.25,
  k1: 1.2,
  b: 0.75,
  weight: 2,
  depth: 20,
}

/**
 * How close two words stand: over every pair of their occurrences at most `window` apart,
 * `1 / d²` when the second word follows the first, `reversedShare / d²` when it precedes it, and 1
 * when both stand in one token (their closed compound).
 *
 * @param first - positions of the word that comes first in the query, increasing
 * @param second - positions of the word that comes later in the query, increasing
 * @example
 * ```ts
 * pairCloseness([3], [4], 5, 0.5)   // 1: adjacent, in order
 * pairCloseness([4], [3], 5, 0.5)   // 0.5: adjacent, reversed
 * pairCloseness([3], [5, 40], 5, 0.5) // 0.25
 * ```
 */
export function pairCloseness(first: readonly number[], second: readonly number[], window: number, reversedShare: number): number {
  let total = 0
  let low = 0
  for (const position of first) {
    while (low < second.length && (second[low] as number) < position - window) low++
    for (let j = low; j < second.length; j++) {
      const other = second[j] as number
      if (other > position + window) break
      const distance = other - position
      // both words in one token: a closed compound of the two (স্বর্ণ মন্দির → স্বর্ণমন্দির)
      if (distance === 0) total += 1
      else total += distance > 0 ? 1 / (distance * distance) : reversedShare / (distance * distance)
    }
  }
  return total
}

/**
 * The proximity bonus of one field: for every pair of query words (in query order) that stand
 * close, the saturated closeness times the smaller idf and the smaller weight of the two, times
 * the pair's share (see {@link localPairShare}).
 *
 * @param words - the query words in query order (words absent from the field have no positions)
 * @param fieldLength - the field's length in words
 * @param averageFieldLength - the field's average length
 * @param pairShare - the share of pair (i, j), 1 by default
 */
export function proximityBonus(
  words: readonly ProximityWord[],
  fieldLength: number,
  averageFieldLength: number,
  params: ProximityParameters = PROXIMITY,
  pairShare: (first: number, second: number) => number = () => 1,
): number {
  const norm = params.k1 * (1 - params.b + (averageFieldLength > 0 ? (params.b * fieldLength) / averageFieldLength : params.b))
  let bonus = 0
  forEachClosePair(words, params, (i, j, closeness) => {
    const first = words[i] as ProximityWord
    const second = words[j] as ProximityWord
    const saturated = ((params.k1 + 1) * closeness) / (closeness + norm)
    bonus += Math.min(first.idf, second.idf) * Math.min(first.weight, second.weight) * saturated * pairShare(i, j)
  })
  return bonus * params.weight
}

/** Calls `visit` for every pair of query words (i < j, in query order) that stand close in the field. */
export function forEachClosePair(words: readonly ProximityWord[], params: ProximityParameters, visit: (i: number, j: number, closeness: number) => void): void {
  for (let i = 0; i < words.length; i++) {
    const first = words[i] as ProximityWord
    if (first.positions.length === 0) continue
    for (let j = i + 1; j < words.length; j++) {
      const second = words[j] as ProximityWord
      if (second.positions.length === 0) continue
      const closeness = pairCloseness(first.positions, second.positions, params.window, params.reversedShare)
      if (closeness > 0) visit(i, j, closeness)
    }
  }
}

/**
 * The share a pair keeps when `holders` of the `candidates` re-scored documents hold it close: 1
 * for one holder, falling like an idf as more hold it. A pair that many candidates share (the
 * name of a series of posts, a set phrase) tells them apart little; the rarer words decide.
 *
 * @example
 * ```ts
 * localPairShare(1, 100)    // 1
 * localPairShare(10, 100)   // ≈ 0.57
 * localPairShare(100, 100)  // ≈ 0.01
 * ```
 */
export function localPairShare(holders: number, candidates: number): number {
  const idf = (n: number) => Math.log(1 + (candidates - n + 0.5) / (n + 0.5))
  return holders <= 1 ? 1 : idf(holders) / idf(1)
}
