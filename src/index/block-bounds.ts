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

/** Postings a frontier is computed over at most (one block). */
const MAX_POSTINGS = 128
/** Sort keys `length * MAX_POSTINGS + posting`: a numeric sort without a comparator. */
const sortKeys = new Float64Array(MAX_POSTINGS)

/**
 * Writes the frontier of `count` postings (`tfs[i]`, `lengths[i]`; at most 128, one block) into
 * `out` as `tf, length` pairs from index 0, and returns how many points it holds (1 to
 * {@link MAX_BOUND_POINTS}; 0 for no posting). `out` needs room for `2 × count` (the whole
 * frontier is built before it is merged).
 */
export function blockFrontier(tfs: ArrayLike<number>, lengths: ArrayLike<number>, count: number, out: Int32Array): number {
  if (count > MAX_POSTINGS) throw new RangeError(`a frontier covers at most ${MAX_POSTINGS} postings`)
  for (let i = 0; i < count; i++) sortKeys[i] = (lengths[i] as number) * MAX_POSTINGS + i
  // shortest field first: a typed-array sort compares numbers natively
  const sorted = sortKeys.subarray(0, count).sort()
  let points = 0
  let best = 0
  for (let i = 0; i < count; ) {
    const length = Math.floor((sorted[i] as number) / MAX_POSTINGS)
    // the largest tf among the postings of this length
    let tf = 0
    for (; i < count && Math.floor((sorted[i] as number) / MAX_POSTINGS) === length; i++) {
      const posting = (sorted[i] as number) - length * MAX_POSTINGS
      if ((tfs[posting] as number) > tf) tf = tfs[posting] as number
    }
    if (tf <= best) continue
    best = tf
    out[points * 2] = tf
    out[points * 2 + 1] = length
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
