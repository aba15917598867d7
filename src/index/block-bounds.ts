/**
 * Block bounds: the postings of a block that could score best, whatever the BM25 constants.
 *
 * A posting's BM25 score rises with its tf and falls with its field's length, so the block's best
 * score is reached at a posting no other beats on both: the block's frontier, `(tf, length)` pairs
 * with lengths and tfs both increasing (the shortest field with its largest tf first, the largest
 * tf last). At most {@link MAX_BOUND_POINTS} are kept: past that, neighbouring points are merged
 * into one with the larger tf and the shorter length, which still bounds both. The bound stays
 * safe when documents are removed (a frontier point may only stand for fewer postings) and when
 * the average length moves (it is applied at query time).
 *
 * @module
 * @internal
 */

/** Frontier points kept per block. */
export const MAX_BOUND_POINTS = 4

/**
 * Writes the frontier of `count` postings (`tfs[i]`, `lengths[i]`) into `out` as
 * `tf, length` pairs from index 0, and returns how many points it holds (1 to
 * {@link MAX_BOUND_POINTS}; 0 for no posting). `order` is scratch room of at least `count` ints,
 * and `out` needs room for `2 × count` (the whole frontier is built before it is merged).
 */
export function blockFrontier(tfs: ArrayLike<number>, lengths: ArrayLike<number>, count: number, order: Int32Array, out: Int32Array): number {
  for (let i = 0; i < count; i++) order[i] = i
  // shortest field first; for equal lengths, the largest tf first
  const sorted = order.subarray(0, count).sort((a, b) => (lengths[a] as number) - (lengths[b] as number) || (tfs[b] as number) - (tfs[a] as number))
  let points = 0
  let best = 0
  for (let i = 0; i < count; i++) {
    const posting = sorted[i] as number
    const tf = tfs[posting] as number
    if (tf <= best) continue
    best = tf
    out[points * 2] = tf
    out[points * 2 + 1] = lengths[posting] as number
    points++
  }
  if (points <= MAX_BOUND_POINTS) return points
  // merge runs of neighbours: each group's largest tf (its last) with its shortest length (its first)
  for (let group = 0; group < MAX_BOUND_POINTS; group++) {
    const first = Math.floor((group * points) / MAX_BOUND_POINTS)
    const last = Math.floor(((group + 1) * points) / MAX_BOUND_POINTS) - 1
    out[group * 2] = out[last * 2] as number
    out[group * 2 + 1] = out[first * 2 + 1] as number
  }
  return MAX_BOUND_POINTS
}
