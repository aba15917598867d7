/**
 * Byte-level writing and checked reading for the binary saved format: little-endian integers,
 * LEB128, aligned typed arrays (read as views without copying), and sorted string lists written
 * front-coded (decoded on demand after loading).
 *
 * Every read is bounds-checked and throws `MALFORMED_INDEX` (never a RangeError), and every count
 * is checked against the bytes that remain before anything is allocated for it.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { ByteBuilder } from '../index/compact-lists.js'
import { withRoom } from '../index/growable.js'
import { BLOCK_STRINGS, frontCode } from '../index/string-list.js'
import type { SavedStrings } from '../index/vocabulary.js'
import { leb128Digit } from '../index/leb128.js'

/** Throws the error of a damaged saved index. */
export function malformed(reason: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `The saved index is malformed: ${reason}. Save it again, or rebuild it from its documents.`)
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Writes a section. */
export class ByteWriter extends ByteBuilder {
  u32(value: number): void {
    for (let i = 0; i < 4; i++) this.byte((value >>> (8 * i)) & 0xff)
  }

  f64(value: number): void {
    const bytes = new Uint8Array(new Float64Array([value]).buffer)
    if (!LITTLE_ENDIAN) bytes.reverse()
    this.append(bytes, 0, 8)
  }

  /** A signed value as a LEB128 number (zigzag: 0, -1, 1, -2 … → 0, 1, 2, 3 …). */
  signed(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1)
  }

  /** Zero bytes up to a multiple of `alignment` (offsets count from the start of the file). */
  align(alignment: number, base = 0): void {
    while ((base + this.length) % alignment !== 0) this.byte(0)
  }

  uint32s(values: Uint32Array): void {
    this.int32s(new Int32Array(values.buffer, values.byteOffset, values.length))
  }

  int32s(values: Int32Array): void {
    this.append(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 0, values.byteLength)
    if (!LITTLE_ENDIAN) swapWords(this.bytes, this.length - values.byteLength, values.length)
  }

  /** Strings sorted by code unit, front-coded (see `index/string-list.ts`): count, block count, block starts, data. */
  frontCoded(strings: readonly string[]): void {
    const { data, blockStarts } = frontCode(strings)
    this.u32(strings.length)
    this.u32(blockStarts.length)
    this.align(4)
    this.int32s(blockStarts)
    this.u32(data.length)
    this.append(data, 0, data.length)
  }

}

/** Reads a section, checking every step. */
export class ByteReader {
  at = 0

  constructor(
    readonly bytes: Uint8Array,
    /** The section's name, for error messages. */
    private readonly name: string,
    /** The offset of `bytes` in the file (for alignment). */
    private readonly base = 0,
  ) {}

  get left(): number {
    return this.bytes.length - this.at
  }

  u8(): number {
    this.need(1)
    return this.bytes[this.at++] as number
  }

  u32(): number {
    this.need(4)
    const b = this.bytes
    const value = ((b[this.at] as number) | ((b[this.at + 1] as number) << 8) | ((b[this.at + 2] as number) << 16) | ((b[this.at + 3] as number) << 24)) >>> 0
    this.at += 4
    return value
  }

  f64(): number {
    this.need(8)
    const copy = this.bytes.slice(this.at, this.at + 8)
    if (!LITTLE_ENDIAN) copy.reverse()
    this.at += 8
    return new Float64Array(copy.buffer)[0] as number
  }

  /** A LEB128 number below 2^35 (longer encodings are damage). */
  varint(): number {
    let value = 0
    for (let shift = 0; shift <= 28; shift += 7) {
      const byte = this.u8()
      value += leb128Digit(byte, shift)
      if (byte < 0x80) return value
    }
    return this.fail('a number is too long')
  }

  signed(): number {
    const value = this.varint()
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2
  }

  /** A count of items that take at least `bytesEach` bytes each: checked against what is left. */
  count(bytesEach: number, what: string): number {
    const count = this.u32()
    if (count * bytesEach > this.left) this.fail(`${what} counts ${count}, more than the section holds`)
    return count
  }

  /** The next `length` bytes, as a view (no copy). */
  view(length: number): Uint8Array {
    this.need(length)
    const view = this.bytes.subarray(this.at, this.at + length)
    this.at += length
    return view
  }

  /** Skips zero padding to a multiple of `alignment` (file offsets). */
  align(alignment: number): void {
    while ((this.base + this.at) % alignment !== 0) this.u8()
  }

  /** `count` little-endian Int32 values at an aligned offset: a view when the platform allows, else a copy. */
  int32s(count: number): Int32Array {
    this.align(4)
    const bytes = this.view(count * 4)
    if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, count)
    const copy = bytes.slice()
    if (!LITTLE_ENDIAN) swapWords(copy, 0, count)
    return new Int32Array(copy.buffer)
  }

  /** `count` little-endian Uint32 values at an aligned offset (a view when the platform allows). */
  uint32s(count: number): Uint32Array {
    const values = this.int32s(count)
    return new Uint32Array(values.buffer, values.byteOffset, values.length)
  }

  /** Strings written by {@link ByteWriter.frontCoded}, as views (decoded later, a block at a time). */
  frontCoded(what: string): SavedStrings {
    const count = this.u32()
    const blocks = this.u32()
    if (blocks !== Math.ceil(count / BLOCK_STRINGS)) this.fail(`${what}: ${blocks} blocks for ${count} strings`)
    if (blocks * 4 > this.left) this.fail(`${what}: the block table does not fit`)
    const blockStarts = this.int32s(blocks)
    const data = this.view(this.u32())
    let previous = -1
    for (const start of blockStarts) {
      if (start <= previous || start >= data.length) this.fail(`${what}: the block table is damaged`)
      previous = start
    }
    return { data, blockStarts, count }
  }

  /** Throws MALFORMED_INDEX unless the section is read to its end. */
  end(): void {
    if (this.at !== this.bytes.length) this.fail(`${this.left} bytes are left over`)
  }

  fail(reason: string): never {
    return malformed(`${this.name}: ${reason}`)
  }

  private need(bytes: number): void {
    if (this.at + bytes > this.bytes.length) this.fail('it ends too early')
  }
}

function swapWords(bytes: Uint8Array, from: number, count: number): void {
  for (let i = 0; i < count; i++) bytes.subarray(from + 4 * i, from + 4 * i + 4).reverse()
}
