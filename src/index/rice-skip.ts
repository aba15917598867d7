/**
 * Skipping Rice codes fast: the positions of a long list's block lie one after the other, so
 * reading one document's positions first passes over those of the documents before it in the
 * block (hundreds of codes for a frequent word). This walks them with a bit buffer in a local
 * number, refilled a byte at a time, as the block decoder does, instead of reading a fresh 32-bit
 * window for every code.
 *
 * @module
 * @internal
 */

/**
 * The bit offset after `count` Rice codes with parameter `k` (at most 24) starting at bit `bit`
 * of `bytes`. Past the end of `bytes` (a damaged list) the result is just past the end.
 *
 * @example
 * ```ts
 * // bits 1 0 0 | 0 1 | 1 0 0 with k = 1: «1 0 · 0» is 2, «0 · 1» is 1, so two codes end at bit 5
 * skipRiceCodes(new Uint8Array([0b1000_1100]), 0, 2, 1) // 5
 * ```
 */
export function skipRiceCodes(bytes: Uint8Array, bit: number, count: number, k: number): number {
  if (count === 0) return bit
  let at = bit >>> 3
  const end = bytes.length
  /** Unread bits, most significant first, and how many of them are valid. */
  let valid = 8 - (bit & 7)
  let buffer = at < end ? ((bytes[at] as number) << (24 + (bit & 7))) | 0 : 0
  at++
  for (let i = 0; i < count; i++) {
    // the ones, then the zero that ends them
    for (;;) {
      while (valid <= 24) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      const ones = Math.clz32(~buffer)
      if (ones < valid) {
        buffer = ones === 31 ? 0 : buffer << (ones + 1)
        valid -= ones + 1
        break
      }
      buffer = 0
      valid = 0
      if (at >= end) return end * 8
    }
    // the k low bits
    if (k > 0) {
      while (valid < k) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      buffer = buffer << k
      valid -= k
    }
  }
  return at * 8 - valid
}
