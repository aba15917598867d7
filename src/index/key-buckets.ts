/**
 * Stems by alias key (K0) in one flat array: a snapshot of the vocabulary's per-key chains, so
 * that a query word's spelling-variant search reads its key's stems side by side instead of
 * hopping through a chain spread over the whole stem table (a short key has hundreds of stems).
 * Stems added after the snapshot sit at the front of their key's chain (a new stem is linked
 * first), so a reader walks the chain until it meets a stem the snapshot holds, then reads the
 * snapshot.
 *
 * @module
 * @internal
 */

/** The stems of every alias key, `stems[starts[key] … starts[key + 1])`, for stems `0 … stemCount - 1`. */
export class KeyBuckets {
  private constructor(
    /** Stems the snapshot covers (ids below this). */
    readonly stemCount: number,
    private readonly starts: Int32Array,
    private readonly stems: Int32Array,
  ) {}

  /**
   * The snapshot of stems `0 … stemCount - 1`, whose keys are `keyOf(stem)` (-1 for none) below
   * `keyCount`; each key's stems in increasing order.
   */
  static build(stemCount: number, keyCount: number, keyOf: (stem: number) => number): KeyBuckets {
    const starts = new Int32Array(keyCount + 1)
    for (let stem = 0; stem < stemCount; stem++) {
      const key = keyOf(stem)
      if (key >= 0) starts[key + 1] = (starts[key + 1] as number) + 1
    }
    for (let key = 0; key < keyCount; key++) starts[key + 1] = (starts[key + 1] as number) + (starts[key] as number)
    const filled = starts.slice(0, keyCount)
    const stems = new Int32Array(starts[keyCount] as number)
    for (let stem = 0; stem < stemCount; stem++) {
      const key = keyOf(stem)
      if (key < 0) continue
      stems[filled[key] as number] = stem
      filled[key] = (filled[key] as number) + 1
    }
    return new KeyBuckets(stemCount, starts, stems)
  }

  /** Calls `visit` for every stem of key `key` in the snapshot (none for a key added since). */
  forEach(key: number, visit: (stem: number) => void): void {
    if (key + 1 >= this.starts.length) return
    const end = this.starts[key + 1] as number
    for (let at = this.starts[key] as number; at < end; at++) visit(this.stems[at] as number)
  }
}
