/**
 * Postings storage: for every (field, term) pair, the documents that hold the term, how often,
 * and at which positions, as variable-length integers in one shared byte pool.
 *
 * Each list is a chain of slices of growing size inside the pool (Lucene's byte-slice idea): a
 * new term costs 8 bytes, a frequent term grows without copying. An entry is
 * `docDelta, tf, positionBytes, positionDeltas…` so that scoring can skip the positions.
 *
 * @module
 * @internal
 */

import { GrowableInt32, withRoom } from './growable.js'

/** Slice sizes in bytes, the last 4 bytes of each hold the address of the next slice. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] as const
const FORWARD_BYTES = 4

/** The byte pool and the list heads of every (field, term) slot. */
export class PostingsPool {
  private bytes = new Uint8Array(1 << 16)
  private used = 0
  /** First byte of each slot's chain. */
  private readonly heads = new GrowableInt32()
  /** Next byte to write in each slot. */
  private readonly tails = new GrowableInt32()
  /** End of the usable part of each slot's current slice. */
  private readonly sliceEnds = new GrowableInt32()
  /** Index into SLICE_SIZES of each slot's current slice. */
  private readonly levels = new GrowableInt32()
  /** Last document written to each slot (for deltas). */
  private readonly lastDocs = new GrowableInt32()
  /** Number of documents written to each slot, deleted ones included. */
  readonly docCounts = new GrowableInt32()
  /** End of the usable part of each slot's first slice (a loaded list has one of its own size). */
  private readonly firstEnds = new GrowableInt32()
  /** Scratch space for one encoded entry. */
  private readonly entry: number[] = []

  /** Makes an empty list and returns its slot number. */
  newSlot(): number {
    return this.makeSlot(SLICE_SIZES[0] - FORWARD_BYTES)
  }

  /**
   * Makes a list from already encoded entries (a loaded index): one slice that holds them all.
   *
   * @param encoded - entries as {@link append} writes them
   * @param lastDoc - the last document in them
   * @param docCount - how many entries they hold
   */
  loadSlot(encoded: Uint8Array, lastDoc: number, docCount: number): number {
    const slot = this.makeSlot(encoded.length)
    const start = this.heads.get(slot)
    this.bytes.set(encoded, start)
    this.tails.data[slot] = start + encoded.length
    this.lastDocs.data[slot] = lastDoc
    this.docCounts.data[slot] = docCount
    return slot
  }

  /** Makes a list whose first slice has `usable` bytes; the slices after it grow through SLICE_SIZES. */
  private makeSlot(usable: number): number {
    const start = this.allocate(usable + FORWARD_BYTES)
    this.tails.push(start)
    this.sliceEnds.push(start + usable)
    this.firstEnds.push(start + usable)
    this.levels.push(0)
    this.lastDocs.push(-1)
    this.docCounts.push(0)
    return this.heads.push(start)
  }

  /** Appends one document's entry; documents must come in increasing order per slot. */
  append(slot: number, doc: number, positions: readonly number[]): void {
    const length = encodeEntry(this.entry, doc - (this.lastDocs.data[slot] as number) - 1, positions)
    this.writeBytes(slot, this.entry, length)
    this.lastDocs.data[slot] = doc
    this.docCounts.data[slot] = (this.docCounts.data[slot] as number) + 1
  }

  /** Shrinks the byte pool and the slot tables to what is in use (after a bulk load, to return memory). */
  trim(): void {
    if (this.bytes.length > this.used + (this.used >> 4)) this.bytes = this.bytes.slice(0, this.used)
    for (const table of [this.heads, this.tails, this.sliceEnds, this.levels, this.lastDocs, this.docCounts, this.firstEnds]) table.trim()
  }

  /** A reader positioned at the start of a slot's list. */
  reader(slot: number): PostingsReader {
    return new PostingsReader(this.bytes, this.heads.get(slot), this.tails.get(slot), this.firstEnds.get(slot))
  }

  /** Writes the first `count` bytes of `source` to the end of a slot's list. */
  private writeBytes(slot: number, source: ArrayLike<number>, count: number): void {
    let tail = this.tails.data[slot] as number
    for (let i = 0; i < count; i++) {
      if (tail === this.sliceEnds.data[slot]) tail = this.nextSlice(slot, tail)
      this.bytes[tail++] = source[i] as number
    }
    this.tails.data[slot] = tail
  }

  /** Chains a new, larger slice after the full one that ends at `end`; returns its first byte. */
  private nextSlice(slot: number, end: number): number {
    const level = Math.min((this.levels.data[slot] as number) + 1, SLICE_SIZES.length - 1)
    const size = SLICE_SIZES[level] as number
    const start = this.allocate(size)
    writeInt32(this.bytes, end, start)
    this.levels.data[slot] = level
    this.sliceEnds.data[slot] = start + size - FORWARD_BYTES
    return start
  }

  private allocate(size: number): number {
    this.bytes = withRoom(this.bytes, this.used, this.used + size)
    const start = this.used
    this.used += size
    return start
  }
}

/** Reads one list: `next()` moves to the next document; positions are decoded on request. */
export class PostingsReader {
  /** The current document (after `next()` returned true). */
  doc = -1
  /** The term frequency in the current document. */
  tf = 0
  private level = 0
  private positionBytes = 0

  constructor(
    private readonly bytes: Uint8Array,
    private cursor: number,
    private readonly tail: number,
    private sliceEnd: number,
  ) {}

  /** Moves to the next document; false at the end. Unread positions are skipped. */
  next(): boolean {
    if (this.positionBytes > 0) this.skip(this.positionBytes)
    if (this.cursor === this.tail) return false
    this.doc += this.readVarint() + 1
    this.tf = this.readVarint()
    this.positionBytes = this.readVarint()
    return true
  }

  /** Decodes the current document's positions into `into` (tf entries). */
  readPositions(into: number[]): number[] {
    into.length = 0
    let position = 0
    for (let i = 0; i < this.tf; i++) {
      position += this.readVarint()
      into.push(position)
    }
    this.positionBytes = 0
    return into
  }

  private readByte(): number {
    if (this.cursor === this.sliceEnd) this.jump()
    return this.bytes[this.cursor++] as number
  }

  private readVarint(): number {
    let value = 0
    for (let shift = 0; ; shift += 7) {
      const byte = this.readByte()
      value += (byte & 0x7f) << shift
      if (byte < 0x80) return value >>> 0
    }
  }

  private skip(count: number): void {
    while (count > 0) {
      if (this.cursor === this.sliceEnd) this.jump()
      const step = Math.min(count, this.sliceEnd - this.cursor)
      this.cursor += step
      count -= step
    }
    this.positionBytes = 0
  }

  private jump(): void {
    this.level = Math.min(this.level + 1, SLICE_SIZES.length - 1)
    this.cursor = readInt32(this.bytes, this.sliceEnd)
    this.sliceEnd = this.cursor + (SLICE_SIZES[this.level] as number) - FORWARD_BYTES
  }
}

/**
 * Encodes one entry, `docGap, tf, positionBytes, positionDeltas…` (LEB128), into `out` from
 * index 0; returns its length in bytes.
 *
 * @param docGap - the document number minus the previous entry's, minus 1
 * @param positions - the term's positions in the document, increasing
 */
export function encodeEntry(out: number[], docGap: number, positions: readonly number[]): number {
  let positionBytes = 0
  for (let i = 0; i < positions.length; i++) {
    const delta = (positions[i] as number) - (i > 0 ? (positions[i - 1] as number) : 0)
    positionBytes += delta < 0x80 ? 1 : delta < 0x4000 ? 2 : delta < 0x200000 ? 3 : delta < 0x10000000 ? 4 : 5
  }
  let at = putVarint(out, 0, docGap)
  at = putVarint(out, at, positions.length)
  at = putVarint(out, at, positionBytes)
  for (let i = 0; i < positions.length; i++) at = putVarint(out, at, (positions[i] as number) - (i > 0 ? (positions[i - 1] as number) : 0))
  return at
}

/** Writes `value` as LEB128 into `out` from index `at`; returns the index after it. */
function putVarint(out: number[], at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80
    value >>>= 7
  }
  out[at++] = value
  return at
}

function writeInt32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff
  bytes[at + 1] = (value >>> 8) & 0xff
  bytes[at + 2] = (value >>> 16) & 0xff
  bytes[at + 3] = (value >>> 24) & 0xff
}

function readInt32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0
}
