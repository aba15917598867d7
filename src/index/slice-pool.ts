/**
 * Append-only byte streams in one shared pool: each stream is a chain of slices of growing size
 * (Lucene's byte-slice idea), so a new stream costs 8 bytes and a long one grows without copying.
 * The postings of documents added since the last seal live here until they are sealed into
 * compact lists (see `compact-lists.ts`).
 *
 * @module
 * @internal
 */

import { withRoom } from './growable.js'
import { leb128Digit } from './leb128.js'

/** Slice sizes in bytes; the last 4 bytes of each slice hold the address of the next one. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] as const
const FORWARD_BYTES = 4

/** Byte streams in chained slices. */
export class SlicePool {
  /** The pool; readers hold it directly, so it is replaced (never mutated in place) when it grows. */
  bytes = new Uint8Array(1 << 16)
  private used = 0
  /** Per stream, side by side: first byte, next byte to write, end of the current slice's usable part, slice level. */
  private streams = new Int32Array(4 * 256)
  private streamCount = 0

  /** Bytes allocated in the pool (slices included). */
  get size(): number {
    return this.used
  }

  /** Makes an empty stream; returns its number. */
  newStream(): number {
    const usable = SLICE_SIZES[0] - FORWARD_BYTES
    const start = this.allocate(SLICE_SIZES[0])
    const stream = this.streamCount++
    if (4 * this.streamCount > this.streams.length) {
      const grown = new Int32Array(this.streams.length * 2)
      grown.set(this.streams)
      this.streams = grown
    }
    const at = 4 * stream
    this.streams[at] = start
    this.streams[at + 1] = start
    this.streams[at + 2] = start + usable
    this.streams[at + 3] = 0
    return stream
  }

  /** Appends one byte to a stream. */
  writeByte(stream: number, byte: number): void {
    const streams = this.streams
    let tail = streams[4 * stream + 1] as number
    if (tail === streams[4 * stream + 2]) tail = this.nextSlice(stream, tail)
    this.bytes[tail] = byte
    this.streams[4 * stream + 1] = tail + 1
  }

  /** Appends `value` (0 ≤ value < 2^31) as LEB128. */
  writeVarint(stream: number, value: number): void {
    const at = 4 * stream
    let tail = this.streams[at + 1] as number
    let end = this.streams[at + 2] as number
    let bytes = this.bytes
    for (;;) {
      if (tail === end) {
        tail = this.nextSlice(stream, tail)
        end = this.streams[at + 2] as number
        bytes = this.bytes
      }
      if (value < 0x80) {
        bytes[tail++] = value
        break
      }
      bytes[tail++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    this.streams[at + 1] = tail
  }

  /** Appends the gaps between `values[from..to)` (the first from 0), each as LEB128. */
  writeGaps(stream: number, values: Int32Array, from: number, to: number): void {
    let previous = 0
    for (let i = from; i < to; i++) {
      const value = values[i] as number
      this.writeVarint(stream, value - previous)
      previous = value
    }
  }

  /** A reader positioned at the start of a stream (it sees what was written up to now). */
  reader(stream: number): SliceReader {
    return new SliceReader(this.bytes, this.streams[4 * stream] as number, this.streams[4 * stream + 1] as number)
  }

  /** Gives back unused capacity (after a bulk add). */
  trim(): void {
    if (this.bytes.length > this.used + (this.used >> 4) + 1024) this.bytes = this.bytes.slice(0, this.used)
    if (this.streams.length > 4 * this.streamCount + 64) this.streams = this.streams.slice(0, 4 * this.streamCount)
  }

  /** Chains a new, larger slice after the full one that ends at `end`; returns its first byte. */
  private nextSlice(stream: number, end: number): number {
    const level = Math.min((this.streams[4 * stream + 3] as number) + 1, SLICE_SIZES.length - 1)
    const size = SLICE_SIZES[level] as number
    const start = this.allocate(size)
    const bytes = this.bytes
    bytes[end] = start & 0xff
    bytes[end + 1] = (start >>> 8) & 0xff
    bytes[end + 2] = (start >>> 16) & 0xff
    bytes[end + 3] = (start >>> 24) & 0xff
    this.streams[4 * stream + 3] = level
    this.streams[4 * stream + 2] = start + size - FORWARD_BYTES
    return start
  }

  private allocate(size: number): number {
    if (this.used + size > 0x7fff_ffff) throw new RangeError('postings pool is full')
    this.bytes = withRoom(this.bytes, this.used, this.used + size)
    const start = this.used
    this.used += size
    return start
  }
}

/** Reads one stream from its start: bytes and LEB128 values, across slice boundaries. */
export class SliceReader {
  private level = 0
  private sliceEnd: number

  constructor(
    private readonly bytes: Uint8Array,
    private cursor: number,
    private readonly tail: number,
  ) {
    this.sliceEnd = cursor + SLICE_SIZES[0] - FORWARD_BYTES
  }

  /** Is there more to read? */
  get more(): boolean {
    return this.cursor !== this.tail
  }

  readByte(): number {
    if (this.cursor === this.sliceEnd) this.jump()
    return this.bytes[this.cursor++] as number
  }

  readVarint(): number {
    let value = 0
    for (let shift = 0; ; shift += 7) {
      const byte = this.readByte()
      value += leb128Digit(byte, shift)
      if (byte < 0x80) return value
    }
  }

  private jump(): void {
    this.level = Math.min(this.level + 1, SLICE_SIZES.length - 1)
    const at = this.sliceEnd
    const bytes = this.bytes
    this.cursor = ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0
    this.sliceEnd = this.cursor + (SLICE_SIZES[this.level] as number) - FORWARD_BYTES
  }
}
