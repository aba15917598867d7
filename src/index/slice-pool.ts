/**
 * Append-only byte streams in one shared pool: each stream is a chain of slices of growing size
 * (Lucene's byte-slice idea), so a new stream costs 8 bytes and a long one grows without copying.
 * The postings of documents added since the last seal live here until they are sealed into
 * compact lists (see `compact-lists.ts`).
 *
 * @module
 * @internal
 */

import { GrowableInt32, withRoom } from './growable.js'

/** Slice sizes in bytes; the last 4 bytes of each slice hold the address of the next one. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] as const
const FORWARD_BYTES = 4

/** Byte streams in chained slices. */
export class SlicePool {
  /** The pool; readers hold it directly, so it is replaced (never mutated in place) when it grows. */
  bytes = new Uint8Array(1 << 16)
  private used = 0
  /** First byte of each stream. */
  private readonly heads = new GrowableInt32()
  /** Next byte to write in each stream. */
  private readonly tails = new GrowableInt32()
  /** End of the usable part of each stream's current slice. */
  private readonly sliceEnds = new GrowableInt32()
  /** Index into SLICE_SIZES of each stream's current slice. */
  private readonly levels = new GrowableInt32()

  /** Bytes allocated in the pool (slices included). */
  get size(): number {
    return this.used
  }

  /** Makes an empty stream; returns its number. */
  newStream(): number {
    const usable = SLICE_SIZES[0] - FORWARD_BYTES
    const start = this.allocate(SLICE_SIZES[0])
    this.tails.push(start)
    this.sliceEnds.push(start + usable)
    this.levels.push(0)
    return this.heads.push(start)
  }

  /** Appends one byte to a stream. */
  writeByte(stream: number, byte: number): void {
    let tail = this.tails.data[stream] as number
    if (tail === this.sliceEnds.data[stream]) tail = this.nextSlice(stream, tail)
    this.bytes[tail] = byte
    this.tails.data[stream] = tail + 1
  }

  /** Appends `value` (0 ≤ value < 2^31) as LEB128. */
  writeVarint(stream: number, value: number): void {
    while (value >= 0x80) {
      this.writeByte(stream, (value & 0x7f) | 0x80)
      value >>>= 7
    }
    this.writeByte(stream, value)
  }

  /** A reader positioned at the start of a stream (it sees what was written up to now). */
  reader(stream: number): SliceReader {
    return new SliceReader(this.bytes, this.heads.get(stream), this.tails.get(stream))
  }

  /** Gives back unused capacity (after a bulk add). */
  trim(): void {
    if (this.bytes.length > this.used + (this.used >> 4) + 1024) this.bytes = this.bytes.slice(0, this.used)
    for (const table of [this.heads, this.tails, this.sliceEnds, this.levels]) table.trim()
  }

  /** Chains a new, larger slice after the full one that ends at `end`; returns its first byte. */
  private nextSlice(stream: number, end: number): number {
    const level = Math.min((this.levels.data[stream] as number) + 1, SLICE_SIZES.length - 1)
    const size = SLICE_SIZES[level] as number
    const start = this.allocate(size)
    const bytes = this.bytes
    bytes[end] = start & 0xff
    bytes[end + 1] = (start >>> 8) & 0xff
    bytes[end + 2] = (start >>> 16) & 0xff
    bytes[end + 3] = (start >>> 24) & 0xff
    this.levels.data[stream] = level
    this.sliceEnds.data[stream] = start + size - FORWARD_BYTES
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
      value += (byte & 0x7f) * 2 ** shift
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
