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
/** Blocks whose tfs all stay at or below this take the bucket walk; others a sort. */
const BUCKET_TFS = 64
/** Per tf (1 … BUCKET_TFS): the shortest field holding that tf in the block. */
const shortestAt = new Int32Array(BUCKET_TFS + 1)
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
  let largestTf = 0
  for (let i = 0; i < count; i++) if ((tfs[i] as number) > largestTf) largestTf = tfs[i] as number
  const points = largestTf <= BUCKET_TFS ? bucketFrontier(tfs, lengths, count, largestTf, out) : sortedFrontier(tfs, lengths, count, out)
  return points <= MAX_BOUND_POINTS ? points : mergePoints(out, points)
}

/**
 * The frontier by tf buckets, for blocks of small tfs (nearly all): a tf `t` is a point when the
 * shortest field holding exactly `t` is shorter than every field holding a larger tf; it is then
 * the largest tf of that length. Walking down from the largest tf finds them, longest first.
 */
function bucketFrontier(tfs: ArrayLike<number>, lengths: ArrayLike<number>, count: number, largestTf: number, out: Int32Array): number {
  shortestAt.fill(0x7fffffff, 1, largestTf + 1)
  for (let i = 0; i < count; i++) {
    const tf = tfs[i] as number
    if ((lengths[i] as number) < (shortestAt[tf] as number)) shortestAt[tf] = lengths[i] as number
  }
  let points = 0
  let shortest = 0x7fffffff
  for (let tf = largestTf; tf >= 1; tf--) {
    const length = shortestAt[tf] as number
    if (length >= shortest) continue
    shortest = length
    out[points * 2] = tf
    out[points * 2 + 1] = length
    points++
  }
  // shortest field (smallest tf) first
  for (let i = 0, j = points - 1; i < j; i++, j--) {
    const tf = out[i * 2] as number
    const length = out[i * 2 + 1] as number
    out[i * 2] = out[j * 2] as number
    out[i * 2 + 1] = out[j * 2 + 1] as number
    out[j * 2] = tf
    out[j * 2 + 1] = length
  }
  return points
}

/** The frontier by sorting the postings by field length (blocks with a large tf). */
function sortedFrontier(tfs: ArrayLike<number>, lengths: ArrayLike<number>, count: number, out: Int32Array): number {
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
  return points
}

/** Merges runs of neighbouring points down to {@link MAX_BOUND_POINTS}: each group's largest tf (its last) with its shortest length (its first). */
function mergePoints(out: Int32Array, points: number): number {
  for (let group = 0; group < MAX_BOUND_POINTS; group++) {
    const first = Math.floor((group * points) / MAX_BOUND_POINTS)
    const last = Math.floor(((group + 1) * points) / MAX_BOUND_POINTS) - 1
    out[group * 2] = out[last * 2] as number
    out[group * 2 + 1] = out[first * 2 + 1] as number
  }
  return MAX_BOUND_POINTS
}
