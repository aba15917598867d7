/**
 * The OpenSearch entry's typo rule: a plain Levenshtein distance over grapheme clusters with
 * Meilisearch's Latin budget (one typo from 5 clusters, two from 9). The in-memory engine uses
 * the weighted distance and the Bengali budget of fuzzy.ts; the OpenSearch entry keeps this
 * rule until the weighted one is measured there (its candidates come from OpenSearch's own
 * fuzzy query, counted in code points).
 *
 * @module
 * @internal
 */

/** Clusters a word needs for one typo. */
export const ONE_TYPO_MIN_CLUSTERS = 5
/** Clusters a word needs for two typos. */
export const TWO_TYPOS_MIN_CLUSTERS = 9
/** Most corrections kept for one word. */
export const CLUSTER_FUZZY_MAX_RESULTS = 8

/** The typo budget of a word of `clusters` grapheme clusters. */
export function clusterTypoBudget(clusters: number): number {
  return clusters >= TWO_TYPOS_MIN_CLUSTERS ? 2 : clusters >= ONE_TYPO_MIN_CLUSTERS ? 1 : 0
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
