/**
 * Compact postings lists: many lists in flat byte arrays, immutable once written. The sealed
 * part of the index keeps every term's and every multi-term stem's list this way, and the saved
 * format (version 2) stores the same bytes, so loading one is a view, not a rebuild.
 *
 * One list is `header, entries` in `docBytes` and, for term lists, positions in `posBytes`:
 *
 * - header: `count`, then for lists of more than {@link BLOCK_SIZE} postings a block table: per
 *   block of {@link BLOCK_SIZE} postings `lastDocGap, entryBytes, positionBytes, points`, then the
 *   block's frontier (see `block-bounds.ts`): the first point `tf, length`, each next one as
 *   `tf - previous tf - 1, length - previous length - 1` (the first lastDoc counted from -1). The
 *   frontier bounds the block's BM25 score, for dynamic pruning. (A list of one block is bounded
 *   by reading it.)
 * - entries (gap = doc - previous doc - 1): in a list of one block, LEB128 `gap * 4 + min(tf, 4) - 1`
 *   then `tf - 4` when tf is 4 or more; in a longer list, per block one byte `k` and per entry the
 *   gap as a Rice code with parameter `k`, then `tf - 1` in unary (`tf - 1` one-bits, a zero),
 *   padded to a whole byte: a block is decoded at once into arrays, and is smaller.
 * - positions, per block: one byte `k`, then per entry `tf` Rice codes with parameter `k` (the
 *   first position, then each position minus the one before minus 1), padded to a whole byte.
 *
 * Other numbers are unsigned LEB128. The split keeps scoring from ever decoding positions.
 *
 * @module
 * @internal
 */

import { withRoom } from './growable.js'
import { blockFrontier, MAX_BOUND_POINTS } from './block-bounds.js'
import { encodeRiceBlock, encodeRiceValues, riceParameter } from './rice.js'
import { leb128Digit } from './leb128.js'

/** Postings per block of the block table. */
export const BLOCK_SIZE = 128
/** Document numbers stay below this, so `gap * 4 + 3` is below 2^31. */
export const MAX_DOCUMENTS = 2 ** 29 - 1
/**
 * Ints per block in a decoded block table: doc start, position start, last doc, frontier points,
 * then {@link MAX_BOUND_POINTS} `tf, length` pairs (unused ones `0, 0`).
 */
export const BLOCK_STRIDE = 4 + 2 * MAX_BOUND_POINTS
/** Where a block's frontier starts in its row of a decoded block table. */
export const BLOCK_POINTS = 3
/** The fewest bytes a block takes in a block table. */
export const MIN_BLOCK_TABLE_BYTES = 6
/** The end of every list: a document number greater than any. */
export const NO_MORE_DOCS = 0x7fff_ffff

/** Room for a closing block's frontier (writers never interleave their blocks). */
const scratchFrontier = new Int32Array(2 * BLOCK_SIZE)

/** Lists in flat arrays; `starts[list] < 0` means the list is empty. */
export class CompactLists {
  constructor(
    /** Headers and entries of every list. */
    readonly docBytes: Uint8Array,
    /** First byte of each list in `docBytes`, -1 for none. */
    readonly starts: Int32Array,
    /** Positions of every list (term lists), or an empty array. */
    readonly posBytes: Uint8Array,
    /** First byte of each list's positions in `posBytes`. */
    readonly posStarts: Int32Array,
  ) {}

  /** Lists that can be held (ids are 0 .. listCapacity - 1). */
  get listCapacity(): number {
    return this.starts.length
  }

  /** Does the list hold any posting? */
  has(list: number): boolean {
    return list < this.starts.length && (this.starts[list] as number) >= 0
  }

  /** Postings in a list (0 for none). */
  count(list: number): number {
    return this.has(list) ? readVarintAt(this.docBytes, this.starts[list] as number) : 0
  }

  /** An empty set of lists. */
  static empty(): CompactLists {
    return new CompactLists(new Uint8Array(0), new Int32Array(0), new Uint8Array(0), new Int32Array(0))
  }
}

/** Reads the LEB128 value at `at` (no bounds checks beyond the array's). */
function readVarintAt(bytes: Uint8Array, at: number): number {
  let value = 0
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++] as number
    value += leb128Digit(byte, shift)
    if (byte < 0x80) return value
  }
}

/** A growing byte array with LEB128 writes. */
export class ByteBuilder {
  bytes: Uint8Array<ArrayBuffer>
  length = 0

  /** @param capacity - bytes to start with (it doubles as needed) */
  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity)
  }

  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.bytes = withRoom(this.bytes, this.length, this.length + 5)
    const bytes = this.bytes
    while (value >= 0x80) {
      bytes[this.length++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    bytes[this.length++] = value
  }

  byte(value: number): void {
    if (this.length === this.bytes.length) this.bytes = withRoom(this.bytes, this.length, this.length + 1)
    this.bytes[this.length++] = value
  }

  append(source: Uint8Array, from: number, to: number): void {
    this.bytes = withRoom(this.bytes, this.length, this.length + (to - from))
    this.bytes.set(source.subarray(from, to), this.length)
    this.length += to - from
  }

  /** Makes room for `bytes` more without growing on each write. */
  reserve(bytes: number): void {
    if (this.length + bytes > this.bytes.length) this.bytes = withRoom(this.bytes, this.length, this.length + bytes)
  }

  /** The bytes written, as a copy of exactly their length. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

/**
 * Writes lists one after the other into compact form. A list is opened with {@link begin},
 * gets its postings in increasing document order with {@link add} (and, for lists with
 * positions, each posting's positions with {@link position} right after its add), and is closed
 * with {@link end}.
 */
export class CompactListsWriter {
  // small to start with: a stem list built on first use is often a few hundred bytes
  private readonly docs = new ByteBuilder(256)
  private readonly positions = new ByteBuilder(64)
  /** The open block's position values (first position, then gaps minus 1). */
  private readonly blockValues: number[] = []
  private lastPosition = -1
  private readonly starts: Int32Array
  private readonly posStarts: Int32Array
  /** The open list's entries (its header is written before them once it is complete). */
  private readonly entries = new ByteBuilder(256)
  /** The open block's gaps and term frequencies (written when the block closes). */
  private readonly blockGaps: number[] = []
  private readonly blockTfs: number[] = []
  private readonly blockLengths: number[] = []
  /** Per closed block: last doc, entry bytes, position bytes, frontier points, the points (BLOCK_STRIDE numbers). */
  private readonly blocks: number[] = []
  private list = -1
  private count = 0
  private lastDoc = -1
  private blockStart = 0
  private blockPosStart = 0

  constructor(
    listCapacity: number,
    private readonly withPositions: boolean,
  ) {
    this.starts = new Int32Array(listCapacity).fill(-1)
    this.posStarts = withPositions ? new Int32Array(listCapacity).fill(-1) : new Int32Array(0)
  }

  /** Opens list `list` (each list at most once). */
  begin(list: number): void {
    this.list = list
    this.count = 0
    this.lastDoc = -1
    this.entries.length = 0
    this.blocks.length = 0
    this.openBlock()
    if (this.withPositions) this.posStarts[list] = this.positions.length
  }

  /** Adds one posting of the open list: documents strictly increasing, tf >= 1. */
  add(doc: number, tf: number, fieldLength: number): void {
    // a full block is closed when the next posting comes (its positions are written by then):
    // the list is then known to be longer than one block
    if (this.count > 0 && this.count % BLOCK_SIZE === 0) this.closeBlock(true)
    this.lastPosition = -1
    this.blockGaps.push(doc - this.lastDoc - 1)
    this.blockTfs.push(tf)
    this.blockLengths.push(fieldLength)
    this.lastDoc = doc
    this.count++
  }

  /** Adds the next position of the last posting added (positions increasing within it). */
  position(position: number): void {
    this.blockValues.push(this.lastPosition < 0 ? position : position - this.lastPosition - 1)
    this.lastPosition = position
  }

  /** Closes the open list; an empty list stays absent. */
  end(): void {
    if (this.count === 0) {
      if (this.withPositions) this.posStarts[this.list] = -1
      return
    }
    this.closeBlock(this.count > BLOCK_SIZE)
    const out = this.docs
    this.starts[this.list] = out.length
    out.varint(this.count)
    if (this.count > BLOCK_SIZE) {
      let previous = -1
      for (let i = 0; i < this.blocks.length; i += BLOCK_STRIDE) {
        const lastDoc = this.blocks[i] as number
        out.varint(lastDoc - previous - 1)
        previous = lastDoc
        const points = this.blocks[i + 3] as number
        for (let j = 1; j <= 3; j++) out.varint(this.blocks[i + j] as number)
        for (let p = 0; p < points; p++) {
          const tf = this.blocks[i + 4 + 2 * p] as number
          const length = this.blocks[i + 5 + 2 * p] as number
          out.varint(p === 0 ? tf : tf - (this.blocks[i + 2 + 2 * p] as number) - 1)
          out.varint(p === 0 ? length : length - (this.blocks[i + 3 + 2 * p] as number) - 1)
        }
      }
    }
    out.append(this.entries.bytes, 0, this.entries.length)
  }

  /** The lists written, in compact form. */
  finish(): CompactLists {
    return new CompactLists(this.docs.toBytes(), this.starts, this.positions.toBytes(), this.posStarts)
  }

  private openBlock(): void {
    this.blockStart = this.entries.length
    this.blockPosStart = this.positions.length
    this.blockValues.length = 0
    this.blockGaps.length = 0
    this.blockTfs.length = 0
    this.blockLengths.length = 0
  }

  /** Writes the open block's entries: LEB128 in a list of one block, Rice codes in a longer one. */
  private writeEntries(longList: boolean): void {
    const { blockGaps, blockTfs, entries } = this
    const count = blockGaps.length
    if (!longList) {
      for (let i = 0; i < count; i++) {
        const tf = blockTfs[i] as number
        entries.varint((blockGaps[i] as number) * 4 + Math.min(tf, 4) - 1)
        if (tf >= 4) entries.varint(tf - 4)
      }
      return
    }
    const k = riceParameter(blockGaps, 0, count)
    entries.byte(k)
    encodeRiceBlock(blockGaps, blockTfs, count, k, entries)
  }

  /** Ends the open block; `longList` when the list has (or will have) more than one block. */
  private closeBlock(longList: boolean): void {
    this.writeEntries(longList)
    if (this.withPositions) {
      const values = this.blockValues
      const k = riceParameter(values, 0, values.length)
      this.positions.byte(k)
      encodeRiceValues(values, values.length, k, this.positions)
    }
    const frontier = scratchFrontier
    const points = blockFrontier(this.blockTfs, this.blockLengths, this.blockTfs.length, frontier)
    this.blocks.push(this.lastDoc, this.entries.length - this.blockStart, this.positions.length - this.blockPosStart, points)
    for (let i = 0; i < 2 * MAX_BOUND_POINTS; i++) this.blocks.push(i < 2 * points ? (frontier[i] as number) : 0)
    this.openBlock()
  }
}
