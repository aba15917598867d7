/**
 * Rice codes (Golomb codes with a power-of-two parameter) for word positions: a value `v` with
 * parameter `k` is `v >> k` one-bits, a zero bit, then the low `k` bits of `v`, most significant
 * bit first. Gaps between positions follow a roughly geometric law, for which this is close to the
 * entropy: about 10 bits a position on blog posts, where LEB128 takes 12 to 16.
 *
 * @module
 * @internal
 */

import type { ByteBuilder } from './compact-lists.js'

/** The Rice parameter that (nearly) minimises the size of `values[from..to)`. */
export function riceParameter(values: ArrayLike<number>, from: number, to: number): number {
  if (to <= from) return 0
  let sum = 0
  for (let i = from; i < to; i++) sum += values[i] as number
  const mean = sum / (to - from)
  const guess = mean < 1 ? 0 : Math.min(24, Math.floor(Math.log2(mean)))
  let best = guess
  let bestBits = Number.POSITIVE_INFINITY
  for (let k = Math.max(0, guess - 1); k <= Math.min(24, guess + 1); k++) {
    let bits = (to - from) * (k + 1)
    for (let i = from; i < to; i++) bits += Math.floor((values[i] as number) / 2 ** k)
    if (bits < bestBits) {
      bestBits = bits
      best = k
    }
  }
  return best
}

/** Appends Rice-coded values to a byte builder; {@link flush} pads to a whole byte. */
export class RiceWriter {
  /** Bits not yet written (fewer than 8 between calls), in the low places. */
  private pending = 0
  private count = 0

  constructor(private readonly out: ByteBuilder) {}

  write(value: number, k: number): void {
    let q = Math.floor(value / 2 ** k)
    this.out.reserve(8 + (q >> 3))
    for (; q >= 24; q -= 24) this.bits(0xffffff, 24)
    this.bits(((1 << q) - 1) << 1, q + 1)
    if (k > 0) this.bits(value % 2 ** k, k)
  }

  /** Ends the byte in progress (zero bits pad it). */
  flush(): void {
    if (this.count > 0) this.out.byte((this.pending << (8 - this.count)) & 0xff)
    this.pending = 0
    this.count = 0
  }

  /** Writes the low `count` (at most 24) bits of `value`, most significant first (room reserved by the caller). */
  private bits(value: number, count: number): void {
    let pending = (this.pending << count) | value
    let left = this.count + count
    const out = this.out
    const bytes = out.bytes
    let length = out.length
    while (left >= 8) {
      left -= 8
      bytes[length++] = (pending >>> left) & 0xff
    }
    out.length = length
    this.pending = pending & ((1 << left) - 1)
    this.count = left
  }
}

/** Reads Rice-coded values from a bit offset. */
export class RiceReader {
  /** The next bit to read, counted from the start of `bytes`. */
  bit = 0
  bytes: Uint8Array = new Uint8Array(0)

  /** Reads one value with parameter `k`. */
  read(k: number): number {
    const window = this.window()
    const ones = Math.clz32(~window)
    if (ones < 24 && ones + 1 + k <= 32) {
      this.bit += ones + 1 + k
      return k === 0 ? ones : ones * 2 ** k + ((window << (ones + 1)) >>> (32 - k))
    }
    return this.readSlowly(k)
  }

  /** Skips `count` values with parameter `k`. */
  skip(count: number, k: number): void {
    for (let i = 0; i < count; i++) {
      for (;;) {
        const ones = Math.clz32(~this.window())
        if (ones < 24) {
          this.bit += ones + 1 + k
          break
        }
        this.bit += 24
        if (this.bit >>> 3 >= this.bytes.length) return
      }
    }
  }

  /** A value with a long run of ones, or a long tail. */
  private readSlowly(k: number): number {
    let q = 0
    for (;;) {
      const ones = Math.clz32(~this.window())
      if (ones < 24) {
        q += ones
        this.bit += ones + 1
        break
      }
      q += 24
      this.bit += 24
      if (this.bit >>> 3 >= this.bytes.length) return q
    }
    let low = 0
    for (let left = k; left > 0; ) {
      const take = Math.min(left, 24)
      low = low * 2 ** take + (this.window() >>> (32 - take))
      this.bit += take
      left -= take
    }
    return q * 2 ** k + low
  }

  /** 32 bits from the current bit, the first in the most significant place (zeros past the end). */
  private window(): number {
    const bytes = this.bytes
    const at = this.bit >>> 3
    // reads past the end give undefined, which bit operations count as 0
    const word = ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)
    const shift = this.bit & 7
    return shift === 0 ? word : (word << shift) | ((bytes[at + 4] as number) >>> (8 - shift))
  }
}

/**
 * Decodes a block of postings written as `gap` (Rice, parameter `k`) then `tf - 1` (unary), from
 * byte `start`, into `docs` and `tfs`: a bit buffer in a local number, refilled a byte at a time,
 * so each value costs a count of leading ones and two shifts. Returns the last document. (A
 * damaged block gives wrong numbers, never an error or an endless loop: reads past the end are 0.)
 */
export function decodeRiceBlock(bytes: Uint8Array, start: number, k: number, count: number, previousDoc: number, docs: Int32Array, tfs: Int32Array): number {
  let at = start
  /** Unread bits, most significant first. */
  let buffer = 0
  /** How many of buffer's high bits are valid. */
  let valid = 0
  let doc = previousDoc
  for (let i = 0; i < count; i++) {
    // the gap: ones, a zero, then k low bits
    let q = 0
    for (;;) {
      while (valid <= 24) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      const ones = Math.clz32(~buffer)
      if (ones < valid) {
        q += ones
        buffer = ones === 31 ? 0 : buffer << (ones + 1)
        valid -= ones + 1
        break
      }
      q += valid
      buffer = 0
      valid = 0
      if (at > bytes.length + 4) break
    }
    let low = 0
    if (k > 0) {
      while (valid < k) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      low = buffer >>> (32 - k)
      buffer = k === 32 ? 0 : buffer << k
      valid -= k
    }
    doc += q * 2 ** k + low + 1
    docs[i] = doc
    // the term frequency: tf - 1 ones, a zero
    let extra = 0
    for (;;) {
      while (valid <= 24) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      const ones = Math.clz32(~buffer)
      if (ones < valid) {
        extra += ones
        buffer = ones === 31 ? 0 : buffer << (ones + 1)
        valid -= ones + 1
        break
      }
      extra += valid
      buffer = 0
      valid = 0
      if (at > bytes.length + 4) break
    }
    tfs[i] = extra + 1
  }
  return doc
}
