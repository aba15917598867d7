/**
 * A cursor over one compact list (see `compact-lists.ts`): the next document, a jump to the first
 * document at or after a target through the block table, the block-level bounds that dynamic
 * pruning needs, and the positions of the current document, decoded only on request.
 *
 * @module
 * @internal
 */

import { blockFrontier, MAX_BOUND_POINTS } from './block-bounds.js'
import { BLOCK_POINTS, BLOCK_SIZE, BLOCK_STRIDE, MIN_BLOCK_TABLE_BYTES, NO_MORE_DOCS, type CompactLists } from './compact-lists.js'
import { BanglaSearchError } from '../errors.js'
import { BlockDecoder } from './block-decoder.js'
import { leb128Digit } from './leb128.js'
import { RiceReader } from './rice.js'
import { skipRiceCodes } from './rice-skip.js'

const EMPTY_BYTES = new Uint8Array(0)
/** Room for reading a one-block list's bounds. */
const scratchTfs = new Int32Array(BLOCK_SIZE)
const scratchLengths = new Int32Array(BLOCK_SIZE)
const scratchFrontier = new Int32Array(2 * BLOCK_SIZE)

/** Frontier points gathered for one bound: weighted tf, field length and source, per point. */
export class BoundPoints {
  count = 0
  weightedTfs = new Float64Array(64)
  lengths = new Int32Array(64)
  sources = new Int32Array(64)

  push(weightedTf: number, length: number, source: number): void {
    if (this.count === this.lengths.length) this.grow()
    this.weightedTfs[this.count] = weightedTf
    this.lengths[this.count] = length
    this.sources[this.count] = source
    this.count++
  }

  private grow(): void {
    const size = this.lengths.length * 2
    const weightedTfs = new Float64Array(size)
    const lengths = new Int32Array(size)
    const sources = new Int32Array(size)
    weightedTfs.set(this.weightedTfs)
    lengths.set(this.lengths)
    sources.set(this.sources)
    this.weightedTfs = weightedTfs
    this.lengths = lengths
    this.sources = sources
  }
}
const NO_TABLE = new Int32Array(0)
const BLOCK_SHIFT = Math.log2(BLOCK_SIZE)

/** A long list's decoded block table: per block doc start, position start, last doc and bound points. */
interface BlockTable {
  readonly table: Int32Array
  readonly blockCount: number
  /** Where the list's entries start (after its header and block table). */
  readonly entriesStart: number
}

/**
 * Decoded block tables, per set of lists and list: a query opens the same long lists again and
 * again (its words' stem lists are built from them, the proximity pass and the hits read them
 * once more), and decoding a table of a hundred blocks costs more than the jumps it serves.
 * Lists never change once written, so a table stays true; the cache is dropped whole past
 * {@link BLOCK_TABLE_CACHE_INTS} (4 MB), and sets of lists no longer used go with the garbage.
 */
let blockTables = new WeakMap<CompactLists, Map<number, BlockTable>>()
let cachedTableInts = 0
const BLOCK_TABLE_CACHE_INTS = 1 << 20

function blockTableOf(lists: CompactLists, list: number): BlockTable | undefined {
  return blockTables.get(lists)?.get(list)
}

function keepBlockTable(lists: CompactLists, list: number, parsed: BlockTable): void {
  if (cachedTableInts + parsed.table.length > BLOCK_TABLE_CACHE_INTS) {
    blockTables = new WeakMap()
    cachedTableInts = 0
  }
  let tables = blockTables.get(lists)
  if (tables === undefined) blockTables.set(lists, (tables = new Map()))
  tables.set(list, parsed)
  cachedTableInts += parsed.table.length
}

/** Reads one compact list. Reusable: {@link open} points it at another list. */
export class ListCursor {
  /** The current document ({@link NO_MORE_DOCS} after the last). */
  doc = -1
  /** The term frequency in the current document. */
  tf = 0
  /** Postings in the list. */
  count = 0
  /** Field lengths by document (to bound a one-block list), when the opener gave them. */
  private lengths: Int32Array | undefined
  /** The frontier of a one-block list (`tf, length` pairs), and its point count (-1 until read). */
  private readonly shortFrontier = new Int32Array(2 * MAX_BOUND_POINTS)
  private shortPoints = -1
  private bytes: Uint8Array = EMPTY_BYTES
  private at = 0
  /** Where the entries start (after the header and block table). */
  private entriesStart = 0
  /** Postings read so far. */
  private index = 0
  /** Decoded block table: doc start, position start, last doc, max tf, min length per block. */
  private table: Int32Array = NO_TABLE
  private blockCount = 0
  /** Reads the positions; its bit offset is where the pending ones start. */
  private readonly rice = new RiceReader()
  /** Which block the decoder is on (-1: none yet). */
  private decodedBlock = -1
  /** The current block of a long list, decoded as far as it was read (made on first use). */
  private block: BlockDecoder | undefined
  /** The Rice parameter of the current block's positions. */
  private riceK = 0
  /** Position values to skip before the current document's positions. */
  private pendingPositions = 0
  private positionsRead = true
  /** Where the current document's positions start (a bit offset), once they were read. */
  private currentPosBit = 0
  private hasPositions = false

  /**
   * Points the cursor at list `list`, on its first posting; false (and an exhausted cursor,
   * `doc` = {@link NO_MORE_DOCS}) when the list is empty.
   */
  open(lists: CompactLists, list: number, lengths?: Int32Array): boolean {
    this.lengths = lengths
    this.doc = -1
    this.tf = 0
    this.index = 0
    this.blockCount = 0
    this.pendingPositions = 0
    this.positionsRead = true
    if (!lists.has(list)) {
      this.count = 0
      this.doc = NO_MORE_DOCS
      return false
    }
    this.bytes = lists.docBytes
    this.at = lists.starts[list] as number
    this.count = this.varint()
    this.shortPoints = -1
    this.hasPositions = lists.posStarts.length > 0
    const posAt = this.hasPositions ? (lists.posStarts[list] as number) : 0
    this.rice.bytes = lists.posBytes
    if (this.count > BLOCK_SIZE) {
      const parsed = blockTableOf(lists, list) ?? this.parseBlockTable(lists, list, posAt)
      this.table = parsed.table
      this.blockCount = parsed.blockCount
      this.at = parsed.entriesStart
    }
    if (this.hasPositions) this.startPositionBlock(posAt)
    this.entriesStart = this.at
    this.decodedBlock = -1
    if (this.blockCount > 0) this.readFirstPosting()
    else this.nextDoc()
    return true
  }

  /**
   * Decodes the block table of a long list (the cursor is on it, past its posting count) into a
   * new table, kept in the table cache (see {@link blockTableOf}) for the next cursor on the list.
   */
  private parseBlockTable(lists: CompactLists, list: number, posAt: number): BlockTable {
    const blocks = Math.ceil(this.count / BLOCK_SIZE)
    // each block takes a few bytes: a larger count is damage, not a reason to allocate
    if (blocks * MIN_BLOCK_TABLE_BYTES > this.bytes.length - this.at) {
      throw new BanglaSearchError('MALFORMED_INDEX', 'The saved index is malformed: a postings list is damaged. Save it again, or rebuild it from its documents.')
    }
    const table = new Int32Array(blocks * BLOCK_STRIDE)
    let lastDoc = -1
    for (let b = 0; b < blocks; b++) {
      const i = b * BLOCK_STRIDE
      lastDoc += this.varint() + 1
      table[i + 2] = lastDoc
      table[i] = this.varint() // entry bytes, made absolute below
      table[i + 1] = this.varint() // position bytes, made absolute below
      const points = Math.min(this.varint(), MAX_BOUND_POINTS)
      table[i + BLOCK_POINTS] = points
      let tf = -1
      let length = -1
      for (let p = 0; p < points; p++) {
        tf += this.varint() + 1
        length += this.varint() + 1
        table[i + BLOCK_POINTS + 1 + 2 * p] = tf
        table[i + BLOCK_POINTS + 2 + 2 * p] = length
      }
    }
    let docStart = this.at
    let posStart = posAt
    for (let b = 0; b < blocks; b++) {
      const i = b * BLOCK_STRIDE
      const docBytes = table[i] as number
      const posBytes = table[i + 1] as number
      table[i] = docStart
      table[i + 1] = posStart
      docStart += docBytes
      posStart += posBytes
    }
    const parsed = { table, blockCount: blocks, entriesStart: this.at }
    keepBlockTable(lists, list, parsed)
    return parsed
  }

  /**
   * Reads only the first posting of a long list (a cursor opened for its bounds or a jump decodes
   * no more); the rest of the first block is decoded from there when it is read.
   */
  private readFirstPosting(): void {
    const block = (this.block ??= new BlockDecoder())
    block.start(this.bytes, this.table[0] as number, Math.min(BLOCK_SIZE, this.count), -1)
    block.decodeUntil(0)
    this.decodedBlock = 0
    this.doc = block.docs[0] as number
    this.tf = block.tfs[0] as number
    this.index = 1
    this.positionsRead = false
  }

  /** Moves to the next document; returns it ({@link NO_MORE_DOCS} at the end). */
  nextDoc(): number {
    if (this.index === this.count) return (this.doc = NO_MORE_DOCS)
    if (!this.positionsRead) this.pendingPositions += this.tf
    this.positionsRead = false
    if (this.blockCount > 0) {
      // a list of several blocks: read from the decoded block, decoding a block when first needed
      const inBlock = this.index & (BLOCK_SIZE - 1)
      if (this.index >> BLOCK_SHIFT !== this.decodedBlock) this.enterBlock(this.index >> BLOCK_SHIFT)
      const block = this.block as BlockDecoder
      // reading on past what a jump decoded: the rest of the block at once
      if (inBlock >= block.decoded) block.decodeUntil(NO_MORE_DOCS)
      this.tf = block.tfs[inBlock] as number
      this.index++
      return (this.doc = block.docs[inBlock] as number)
    }
    const bytes = this.bytes
    let at = this.at
    let byte = bytes[at++] as number
    let code = byte & 0x7f
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++] as number
      code += leb128Digit(byte, shift)
    }
    const low = code & 3
    if (low !== 3) this.tf = low + 1
    else {
      byte = bytes[at++] as number
      let tf = byte & 0x7f
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++] as number
        tf += leb128Digit(byte, shift)
      }
      this.tf = tf + 4
    }
    this.at = at
    this.index++
    return (this.doc += Math.floor(code / 4) + 1)
  }

  /**
   * Starts the decoder on block `block` of a long list (decoding nothing yet), and points the
   * position reader at the block's positions. Called when the next posting is the block's first.
   */
  private enterBlock(block: number): void {
    const table = this.table
    const row = block * BLOCK_STRIDE
    const previous = block > 0 ? (table[row - BLOCK_STRIDE + 2] as number) : -1
    ;(this.block ??= new BlockDecoder()).start(this.bytes, table[row] as number, Math.min(BLOCK_SIZE, this.count - (block << BLOCK_SHIFT)), previous)
    this.decodedBlock = block
    if (this.hasPositions) this.startPositionBlock(table[row + 1] as number)
  }

  /**
   * Moves to the first document at or after `target` (staying put when already there). In a long
   * list, the block that holds it is decoded only up to that document.
   */
  advance(target: number): number {
    if (this.doc >= target) return this.doc
    if (this.blockCount > 0) {
      const block = this.blockOf(target)
      if (this.skipToBlock(block) === NO_MORE_DOCS) return NO_MORE_DOCS
      if (block !== this.decodedBlock) {
        // the current posting is the previous block's last: its positions are not among the new block's
        this.positionsRead = true
        this.enterBlock(block)
      }
      return this.advanceInBlock(target)
    }
    let doc = this.doc
    while (doc < target) doc = this.nextDoc()
    return doc
  }

  /**
   * Moves to the first document at or after `target` within the block of the next posting (which
   * holds it): the block is decoded up to it, and the postings passed only add their term
   * frequencies to the positions to skip (as steps with {@link nextDoc} would).
   */
  private advanceInBlock(target: number): number {
    const block = this.block as BlockDecoder
    block.decodeUntil(target)
    const { docs, tfs } = block
    const first = this.index & (BLOCK_SIZE - 1)
    const last = block.decoded - 1
    let at = first
    let pending = this.pendingPositions + (this.positionsRead ? 0 : this.tf)
    while (at < last && (docs[at] as number) < target) pending += tfs[at++] as number
    this.pendingPositions = pending
    this.positionsRead = false
    this.tf = tfs[at] as number
    this.index += at - first + 1
    let doc = (this.doc = docs[at] as number)
    // only a damaged block can end below the target: step on as nextDoc reads it
    while (doc < target) doc = this.nextDoc()
    return doc
  }

  /**
   * A lower bound of the first document at or after `target`, decoding no new block: a list of one
   * block, or a target in the decoded block, is moved for real (the exact document); otherwise the
   * cursor only skips to the start of the block that holds the target, as {@link advance} does,
   * and the bound is the target itself. Dynamic pruning reads the block bounds of a stretch before
   * it decides to decode it.
   */
  advanceShallow(target: number): number {
    if (this.doc >= target) return this.doc
    if (this.blockCount === 0) return this.advance(target)
    const block = this.blockOf(target)
    if (block === this.decodedBlock) return this.advance(target)
    return this.skipToBlock(block) === NO_MORE_DOCS ? NO_MORE_DOCS : target
  }

  /** The block holding the first document at or after `target`, from the next posting's block on (`blockCount` when none does). */
  private blockOf(target: number): number {
    const table = this.table
    let block = this.index >> BLOCK_SHIFT
    while (block < this.blockCount && (table[block * BLOCK_STRIDE + 2] as number) < target) block++
    return block
  }

  /**
   * Goes to the start of `block` (found by {@link blockOf}) when it lies beyond the next posting's
   * block (the block is decoded by nextDoc), or ends the list when it is `blockCount`. Returns the
   * cursor's document.
   */
  private skipToBlock(block: number): number {
    if (block === this.blockCount) {
      this.index = this.count
      return (this.doc = NO_MORE_DOCS)
    }
    if (block > this.index >> BLOCK_SHIFT) {
      this.positionsRead = true
      this.tf = 0
      this.doc = this.table[block * BLOCK_STRIDE - BLOCK_STRIDE + 2] as number
      this.index = block << BLOCK_SHIFT
    }
    return this.doc
  }

  /**
   * The last document of the block that holds the first document at or after `from` (not moving
   * the cursor), or {@link NO_MORE_DOCS} for a list of one block or when no document is left.
   */
  blockEndFrom(from: number): number {
    if (this.blockCount === 0 || this.doc === NO_MORE_DOCS) return NO_MORE_DOCS
    const table = this.table
    let block = this.doc >= 0 ? Math.max(0, (this.index - 1) >> BLOCK_SHIFT) : 0
    while (block < this.blockCount && (table[block * BLOCK_STRIDE + 2] as number) < from) block++
    return block < this.blockCount ? (table[block * BLOCK_STRIDE + 2] as number) : NO_MORE_DOCS
  }

  /**
   * Adds the frontier points (see `block-bounds.ts`) of the blocks that can hold documents in
   * `[from, to)` from the cursor on to `sink`, as source `source` with weight `weight`; nothing
   * when none can.
   */
  addBoundPoints(from: number, to: number, sink: BoundPoints, weight: number, source: number): void {
    if (this.doc >= to || (this.doc < from && this.index === this.count)) return
    if (this.blockCount === 0) {
      if (this.shortPoints < 0) this.readBounds()
      const frontier = this.shortFrontier
      for (let p = 0; p < this.shortPoints; p++) sink.push(weight * (frontier[2 * p] as number), frontier[2 * p + 1] as number, source)
      return
    }
    const table = this.table
    // the block of the current posting, or of the next one before the first read
    let block = this.doc >= 0 ? Math.max(0, (this.index - 1) >> BLOCK_SHIFT) : 0
    while (block < this.blockCount && (table[block * BLOCK_STRIDE + 2] as number) < from) block++
    for (; block < this.blockCount; block++) {
      const row = block * BLOCK_STRIDE
      const points = table[row + BLOCK_POINTS] as number
      for (let p = 0; p < points; p++) sink.push(weight * (table[row + BLOCK_POINTS + 1 + 2 * p] as number), table[row + BLOCK_POINTS + 2 + 2 * p] as number, source)
      if ((table[row + 2] as number) >= to - 1) break
    }
  }

  /** Reads a one-block list from its start (without moving the cursor) for its frontier. */
  private readBounds(): void {
    const bytes = this.bytes
    let at = this.entriesStart
    let doc = -1
    const lengths = this.lengths
    const tfs = scratchTfs
    const fieldLengths = scratchLengths
    for (let i = 0; i < this.count; i++) {
      let byte = bytes[at++] as number
      let code = byte & 0x7f
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++] as number
        code += leb128Digit(byte, shift)
      }
      let tf = (code & 3) + 1
      if (tf === 4) {
        byte = bytes[at++] as number
        let extra = byte & 0x7f
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = bytes[at++] as number
          extra += leb128Digit(byte, shift)
        }
        tf = extra + 4
      }
      doc += Math.floor(code / 4) + 1
      tfs[i] = tf
      fieldLengths[i] = lengths === undefined ? 0 : ((lengths[doc] as number | undefined) ?? 0)
    }
    this.shortPoints = blockFrontier(tfs, fieldLengths, this.count, scratchFrontier)
    this.shortFrontier.set(scratchFrontier.subarray(0, 2 * this.shortPoints))
  }

  /** The positions of the current document, increasing, into `into` (tf values). */
  readPositions(into: number[]): number[] {
    into.length = 0
    const rice = this.rice
    const k = this.riceK
    // read twice: start again where the current document's positions start
    if (this.positionsRead) rice.bit = this.currentPosBit
    else {
      rice.bit = skipRiceCodes(rice.bytes, rice.bit, this.pendingPositions, k)
      this.currentPosBit = rice.bit
    }
    let position = -1
    for (let i = 0; i < this.tf; i++) {
      position += rice.read(k) + 1
      into.push(position)
    }
    this.pendingPositions = 0
    this.positionsRead = true
    return into
  }

  /** Points the position reader at a block's positions (its parameter byte, then codes). */
  private startPositionBlock(byteOffset: number): void {
    this.riceK = (this.rice.bytes[byteOffset] as number | undefined) ?? 0
    this.rice.bit = (byteOffset + 1) * 8
    this.pendingPositions = 0
  }

  private varint(): number {
    const bytes = this.bytes
    let byte = bytes[this.at++] as number
    let value = byte & 0x7f
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[this.at++] as number
      value += leb128Digit(byte, shift)
    }
    return value
  }
}

/** Cursors kept for reuse from one query to the next (a query opens dozens). */
export class CursorPool {
  private readonly free: ListCursor[] = []
  private readonly lent: ListCursor[] = []

  /** A cursor, to be returned by {@link releaseAll}. */
  take(): ListCursor {
    const cursor = this.free.pop() ?? new ListCursor()
    this.lent.push(cursor)
    return cursor
  }

  /** Takes back every cursor lent since the last call. */
  releaseAll(): void {
    while (this.lent.length > 0) this.free.push(this.lent.pop() as ListCursor)
  }
}
