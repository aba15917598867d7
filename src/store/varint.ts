/**
 * Unsigned LEB128 numbers (7 bits per byte, low bits first), as the stored-field records and the
 * compressed blocks write lengths. Reading is checked: a number cut short or longer than five
 * bytes is damage.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { leb128Digit } from '../index/leb128.js'

/** Most bytes {@link writeVarint} writes (numbers below 2^35). */
export const MAX_VARINT_BYTES = 5

/** A read position, moved forward by each read. */
export interface Cursor {
  at: number
}

/** Writes `value` (a whole number below 2^35) at `out[at…]` and returns the end. */
export function writeVarint(out: Uint8Array, at: number, value: number): number {
  let end = at
  let rest = value
  while (rest >= 0x80) {
    out[end++] = (rest % 0x80) | 0x80
    rest = Math.floor(rest / 0x80)
  }
  out[end++] = rest
  return end
}

/** Bytes {@link writeVarint} takes for `value`. */
export function varintSize(value: number): number {
  let size = 1
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++
  return size
}

/**
 * Reads a number at `bytes[cursor.at…]`, not past `end`, and moves the cursor.
 *
 * @param damaged - what the message names as damaged, e.g. "A compressed block"
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when the number is cut short or too long
 */
export function readVarint(bytes: Uint8Array, cursor: Cursor, end: number, damaged: string): number {
  let value = 0
  for (let shift = 0; shift < 7 * MAX_VARINT_BYTES; shift += 7) {
    if (cursor.at >= end) throw new BanglaSearchError('MALFORMED_INDEX', `${damaged} is damaged: it ends inside a number.`)
    const byte = bytes[cursor.at++] as number
    value += leb128Digit(byte, shift)
    if (byte < 0x80) return value
  }
  throw new BanglaSearchError('MALFORMED_INDEX', `${damaged} is damaged: a number runs over ${MAX_VARINT_BYTES} bytes.`)
}
