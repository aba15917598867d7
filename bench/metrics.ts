/**
 * Ranking-quality metrics, dependency-free so tests can reuse them.
 *
 * All take the ranked result ids (best first) and the set of relevant ids, and use
 * binary relevance. See /work/shared/eval/README.md for the dev set's definitions.
 */

/** Discounted cumulative gain of binary relevance at rank i (0-based): 1 / log2(i + 2). */
function gain(rank: number): number {
  return 1 / Math.log2(rank + 2)
}

/**
 * nDCG@k with binary relevance: DCG of the top k over the DCG of an ideal ranking that
 * puts min(|relevant|, k) relevant ids first. 0 when nothing is relevant.
 */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  const ideal = Math.min(relevant.size, k)
  if (ideal === 0) return 0
  let dcg = 0
  const seen = new Set<string>()
  const top = Math.min(ranked.length, k)
  for (let i = 0; i < top; i++) {
    const id = ranked[i] as string
    if (relevant.has(id) && !seen.has(id)) dcg += gain(i)
    seen.add(id)
  }
  let idcg = 0
  for (let i = 0; i < ideal; i++) idcg += gain(i)
  return dcg / idcg
}

/** Reciprocal rank of the first relevant id within the top k (MRR@k for one query). */
export function reciprocalRankAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k = 10,
): number {
  const top = Math.min(ranked.length, k)
  for (let i = 0; i < top; i++) if (relevant.has(ranked[i] as string)) return 1 / (i + 1)
  return 0
}

/** Distinct relevant ids found in the top k. */
function hitsAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const found = new Set<string>()
  const top = Math.min(ranked.length, k)
  for (let i = 0; i < top; i++) {
    const id = ranked[i] as string
    if (relevant.has(id)) found.add(id)
  }
  return found.size
}

/** Plain recall@k: relevant ids in the top k over all relevant ids. 0 when none relevant. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 100): number {
  if (relevant.size === 0) return 0
  return hitsAt(ranked, relevant, k) / relevant.size
}

/**
 * Capped recall@k, as the dev set defines it: relevant ids in the top k over
 * min(|relevant|, k), so a query with more than k relevant ids can still reach 1.
 */
export function cappedRecallAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k = 10,
): number {
  const denominator = Math.min(relevant.size, k)
  if (denominator === 0) return 0
  return hitsAt(ranked, relevant, k) / denominator
}

/** Arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/**
 * Percentile by linear interpolation between order statistics (p in 0..100).
 * `sorted` must be ascending. NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const pos = ((sorted.length - 1) * Math.min(Math.max(p, 0), 100)) / 100
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] as number
  const b = sorted[hi] as number
  return a + (b - a) * (pos - lo)
}
