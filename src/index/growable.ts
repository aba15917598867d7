/**
 * Growable typed arrays: the compact backing store of the index (integer doc ids, term ids,
 * postings offsets), so that millions of entries cost 4 bytes each instead of a JS value each.
 *
 * @module
 * @internal
 */

/** An `Int32Array` that grows by doubling. */
export class GrowableInt32 {
  /** The backing array; only the first {@link length} entries are in use. */
  data: Int32Array
  /** Entries in use. */
  length = 0

  constructor(initialCapacity = 16, private readonly fill = 0) {
    this.data = new Int32Array(initialCapacity).fill(fill)
  }

  /** Appends a value and returns its index. */
  push(value: number): number {
    const index = this.length
    this.set(index, value)
    return index
  }

  /** Reads entry `index` (the fill value past the end). */
  get(index: number): number {
    return index < this.length ? (this.data[index] as number) : this.fill
  }

  /** Writes entry `index`, growing and filling as needed. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1)
    if (index >= this.length) this.length = index + 1
    this.data[index] = value
  }

  /** Replaces the contents with a copy of `values`. */
  load(values: Int32Array): void {
    this.data = values.slice()
    this.length = values.length
  }

  /** Gives back unused capacity (after a bulk load); later pushes grow it again. */
  trim(): void {
    if (this.data.length > this.length + 16) this.data = this.data.slice(0, this.length)
  }

  private grow(minCapacity: number): void {
    const next = new Int32Array(Math.max(this.data.length * 2, minCapacity)).fill(this.fill, this.data.length)
    next.set(this.data)
    this.data = next
  }
}

/**
 * A byte array that holds at least `needed` bytes and starts with the first `used` bytes of
 * `bytes`: `bytes` itself when it is large enough, otherwise a copy at least twice as large.
 */
export function withRoom(bytes: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= bytes.length) return bytes
  const next = new Uint8Array(Math.max(bytes.length * 2, needed))
  next.set(bytes.subarray(0, used))
  return next
}
