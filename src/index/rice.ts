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
    for (let i = from; i < to; i++) bits += (values[i] as number) >>> k
    if (bits < bestBits) {
      bestBits = bits
      best = k
    }
  }
  return best
}

/**
 * Appends a block of postings as `BlockDecoder` (block-decoder.ts) reads them: per posting the gap
 * as a Rice code with parameter `k`, then `tf - 1` in unary; padded to a whole byte. Gaps are below
 * 2^31.
 */
export function encodeRiceBlock(gaps: ArrayLike<number>, tfs: ArrayLike<number>, count: number, k: number, out: ByteBuilder): void {
  encodeCodes(gaps, tfs, count, k, out)
}

/** Appends `values[0..count)` (each below 2^31) as Rice codes with parameter `k`, padded to a whole byte (as {@link RiceReader} reads them). */
export function encodeRiceValues(values: ArrayLike<number>, count: number, k: number, out: ByteBuilder): void {
  encodeCodes(values, undefined, count, k, out)
}

/**
 * The writer of both: each value as a Rice code, followed (with `tfs`) by its tf - 1 in unary.
 * The bits are packed in a local 32-bit word and flushed a byte at a time, with no call per value.
 */
function encodeCodes(values: ArrayLike<number>, tfs: ArrayLike<number> | undefined, count: number, k: number, out: ByteBuilder): void {
  let bits = 0
  for (let i = 0; i < count; i++) bits += ((values[i] as number) >>> k) + 1 + k + (tfs === undefined ? 0 : (tfs[i] as number))
  out.reserve(Math.ceil(bits / 8))
  const bytes = out.bytes
  const mask = (1 << k) - 1
  const codes = tfs === undefined ? 1 : 2
  // pending bits in the low `pending` places of `word` (fewer than 8 between codes)
  let word = 0
  let pending = 0
  let at = out.length
  for (let i = 0; i < count; i++) {
    const value = values[i] as number
    for (let code = 0; code < codes; code++) {
      // in unary: the value's quotient, or the tf - 1; ones, then a zero
      for (let ones = code === 0 ? value >>> k : ((tfs as ArrayLike<number>)[i] as number) - 1; ; ones -= 16) {
        const run = ones < 16 ? ones : 16
        word = (word << run) | ((1 << run) - 1)
        pending += run
        if (ones < 16) {
          word <<= 1
          pending++
        }
        for (; pending >= 8; pending -= 8) bytes[at++] = (word >>> (pending - 8)) & 0xff
        if (ones < 16) break
      }
      // then the value's k low bits
      if (code === 0 && k > 0) {
        word = (word << k) | (value & mask)
        pending += k
        for (; pending >= 8; pending -= 8) bytes[at++] = (word >>> (pending - 8)) & 0xff
      }
    }
  }
  if (pending > 0) bytes[at++] = (word << (8 - pending)) & 0xff
  out.length = at
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
      return k === 0 ? ones : (ones << k) + ((window << (ones + 1)) >>> (32 - k))
    }
    return this.readSlowly(k)
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
