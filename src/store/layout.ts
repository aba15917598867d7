/**
 * The memory layout of the stored-field store (`stored-fields.ts` is its API): every document's
 * record (`records.ts`) in one byte array, `offsets[doc]…offsets[doc + 1]`; where its cold bytes
 * are (`blockOf[doc]`: a block, the open block or none; `startOf[doc]`: where in it); the
 * compressed blocks; and the open block, compressed once it holds `blockSize` bytes.
 *
 * Tables of a loaded store may be views of the caller's buffer: they are only ever appended to
 * past their end (which copies them), or replaced whole, never written in place.
 *
 * @module
 * @internal
 */

import type { BlockCache } from './block-cache.js'
import type { PreparedField } from './json-values.js'
import { compressBlock } from './lz.js'
import { NO_BLOCK } from './parts.js'
import { COLD_JSON, COLD_TEXT, HOT_JSON, HOT_TEXT, malformed, readRecord, type FieldVisitor } from './records.js'
import { encodeTextInto, MAX_BYTES_PER_UNIT } from './text-codec.js'
import { MAX_VARINT_BYTES, writeVarint } from './varint.js'

/** `blockOf` entry of a document whose cold bytes are in the open block. */
export const OPEN_BLOCK = 0xfffffffe

/** Where a document's cold bytes are, once loaded. */
export interface ColdBytes {
  readonly bytes: Uint8Array
  readonly base: number
}

/** The arrays of a store and the operations on them; see the module comment. */
export class StoreLayout {
  names: string[] = []
  readonly ids = new Map<string, number>()
  records: Uint8Array = new Uint8Array(1024)
  recordsUsed = 0
  offsets: Uint32Array = new Uint32Array(17)
  live: Uint8Array = new Uint8Array(16)
  blockOf: Uint32Array = new Uint32Array(16)
  startOf: Uint32Array = new Uint32Array(16)
  /** Numbers below this have been given out (added, skipped or removed). */
  docLimit = 0
  liveCount = 0
  /** Removed documents whose bytes are still held. */
  removedUncompacted = 0
  blocks: Uint8Array[] = []
  /** Per block: removed documents whose bytes it still holds. */
  deadIn: number[] = []
  open: Uint8Array = new Uint8Array(1024)
  openUsed = 0
  openDocs: number[] = []

  /**
   * @param blockSize - bytes of an open block that make it full
   * @param level - compression level
   * @param cache - decompresses blocks
   */
  constructor(
    readonly blockSize: number,
    readonly level: number,
    readonly cache: BlockCache,
  ) {}

  /** Writes the record and cold bytes of a new document `doc` (at least `docLimit`); strings longer than `hotLength` go cold. */
  writeDocument(doc: number, prepared: readonly PreparedField[], hotLength: number): void {
    this.makeRoom(doc + 1)
    for (let gap = this.docLimit; gap < doc; gap++) {
      this.offsets[gap + 1] = this.recordsUsed
      this.blockOf[gap] = NO_BLOCK
    }
    const coldStart = this.openUsed
    if (prepared.length > 0) {
      // room for the record: numbers, and the bytes of the hot values only
      const hotBytes = prepared.reduce((size, { text }) => size + (text.length > hotLength ? 0 : text.length * MAX_BYTES_PER_UNIT), 0)
      const most = MAX_VARINT_BYTES * (1 + 2 * prepared.length) + hotBytes
      this.records = withRoom(this.records, this.recordsUsed, this.recordsUsed + most)
      let at = writeVarint(this.records, this.recordsUsed, prepared.length)
      for (const { name, text, json } of prepared) {
        at = writeVarint(this.records, at, this.fieldId(name))
        if (text.length > hotLength) {
          this.open = withRoom(this.open, this.openUsed, this.openUsed + text.length * MAX_BYTES_PER_UNIT)
          const end = encodeTextInto(text, this.open, this.openUsed)
          at = writeVarint(this.records, at, (end - this.openUsed) * 4 + (json ? COLD_JSON : COLD_TEXT))
          this.openUsed = end
        } else {
          // the header goes before the bytes: encode past its largest size, then move the bytes back
          const end = encodeTextInto(text, this.records, at + MAX_VARINT_BYTES)
          const valueStart = writeVarint(this.records, at, (end - at - MAX_VARINT_BYTES) * 4 + (json ? HOT_JSON : HOT_TEXT))
          this.records.copyWithin(valueStart, at + MAX_VARINT_BYTES, end)
          at = valueStart + end - at - MAX_VARINT_BYTES
        }
      }
      this.recordsUsed = at
    }
    this.offsets[doc + 1] = this.recordsUsed
    this.live[doc] = 1
    this.liveCount++
    this.docLimit = doc + 1
    this.blockOf[doc] = this.openUsed > coldStart ? OPEN_BLOCK : NO_BLOCK
    this.startOf[doc] = coldStart
    if (this.openUsed > coldStart) this.openDocs.push(doc)
    if (this.openUsed >= this.blockSize) this.seal()
  }

  /** Calls `visit` for each field of the record of `doc` (see readRecord); returns its cold length. */
  readFields(doc: number, visit: FieldVisitor): number {
    return readRecord(this.records, this.offsets[doc] as number, this.offsets[doc + 1] as number, this.names.length, visit)
  }

  /**
   * Rewrites the blocks that hold removed documents: their live documents join the open block
   * again (sealed as it fills), the other blocks keep their bytes under new numbers.
   */
  compactBlocks(): void {
    const oldBlocks = this.blocks
    const keptAs = new Int32Array(oldBlocks.length).fill(-1)
    this.blocks = []
    oldBlocks.forEach((block, old) => {
      if (this.deadIn[old] !== 0) return
      keptAs[old] = this.blocks.length
      this.blocks.push(block)
    })
    this.deadIn = this.blocks.map(() => 0)
    // fresh tables: those of a loaded store may be views of the caller's buffer
    this.blockOf = this.blockOf.slice()
    this.startOf = this.startOf.slice()
    const moved: number[][] = oldBlocks.map(() => [])
    for (let doc = 0; doc < this.docLimit; doc++) {
      const block = this.blockOf[doc] as number
      if (this.live[doc] !== 1) this.blockOf[doc] = NO_BLOCK
      else if (block === NO_BLOCK || block === OPEN_BLOCK) continue
      else if ((keptAs[block] as number) >= 0) this.blockOf[doc] = keptAs[block] as number
      else moved[block]?.push(doc)
    }
    this.trimOpen()
    moved.forEach((docs, old) => {
      if (docs.length === 0) return
      const raw = this.cache.read(oldBlocks[old] as Uint8Array, Infinity)
      for (const doc of docs) this.appendCold(doc, raw, this.startOf[doc] as number, this.coldLength(doc))
    })
  }

  /** Where the cold bytes of `doc` are, once loaded (memoised); a snapshot copies those of the open block. */
  coldSource(doc: number, length: number, snapshot: boolean): () => ColdBytes {
    const block = this.blockOf[doc] as number
    const start = this.startOf[doc] as number
    if (block === OPEN_BLOCK) {
      if (start + length > this.openUsed) malformed(`document ${doc} runs past the open block`)
      const source = snapshot ? { bytes: this.open.slice(start, start + length), base: 0 } : { bytes: this.open, base: start }
      return () => source
    }
    if (block >= this.blocks.length) malformed(`document ${doc} has compressed fields but no block`)
    const compressed = this.blocks[block] as Uint8Array
    const cache = this.cache
    let loaded: ColdBytes | undefined
    return () => {
      if (loaded !== undefined) return loaded
      const bytes = cache.read(compressed, start + length)
      if (bytes.length < start + length) malformed(`document ${doc} runs past the end of its block`)
      return (loaded = { bytes, base: start })
    }
  }

  /** Bytes of the cold values of `doc`. */
  coldLength(doc: number): number {
    return readRecord(this.records, this.offsets[doc] as number, this.offsets[doc + 1] as number, this.names.length, () => {})
  }

  /** Appends `bytes[from, from + length)` to the open block as the cold bytes of `doc`. */
  appendCold(doc: number, bytes: Uint8Array, from: number, length: number): void {
    if (from + length > bytes.length) malformed(`document ${doc} runs past the end of its block`)
    this.open = withRoom(this.open, this.openUsed, this.openUsed + length)
    this.open.set(bytes.subarray(from, from + length), this.openUsed)
    this.blockOf[doc] = OPEN_BLOCK
    this.startOf[doc] = this.openUsed
    this.openUsed += length
    this.openDocs.push(doc)
    if (this.openUsed >= this.blockSize) this.seal()
  }

  /** Compresses the open block into a new block. */
  seal(): void {
    this.trimOpen()
    if (this.openUsed === 0) return
    const id = this.blocks.length
    this.blocks.push(compressBlock(this.open.subarray(0, this.openUsed), this.level))
    this.deadIn.push(0)
    for (const doc of this.openDocs) this.blockOf[doc] = id
    this.openDocs = []
    this.openUsed = 0
    // a huge document needed a huge buffer: do not keep it
    if (this.open.length > 4 * this.blockSize) this.open = new Uint8Array(2 * this.blockSize)
  }

  /** Drops the bytes of removed documents from the open block. */
  trimOpen(): void {
    const docs = this.openDocs.filter((doc) => this.live[doc] === 1)
    if (docs.length === this.openDocs.length) return
    const old = this.open
    this.open = new Uint8Array(Math.max(1024, this.openUsed))
    this.openUsed = 0
    this.openDocs = []
    for (const doc of docs) this.appendCold(doc, old, this.startOf[doc] as number, this.coldLength(doc))
  }

  /** Keeps only the records of documents in the store. */
  compactRecords(): void {
    let size = 0
    for (let doc = 0; doc < this.docLimit; doc++) if (this.live[doc] === 1) size += (this.offsets[doc + 1] as number) - (this.offsets[doc] as number)
    const records = new Uint8Array(Math.max(1024, size))
    const offsets = new Uint32Array(this.offsets.length)
    let used = 0
    for (let doc = 0; doc < this.docLimit; doc++) {
      if (this.live[doc] === 1) {
        records.set(this.records.subarray(this.offsets[doc], this.offsets[doc + 1]), used)
        used += (this.offsets[doc + 1] as number) - (this.offsets[doc] as number)
      }
      offsets[doc + 1] = used
    }
    this.records = records
    this.recordsUsed = used
    this.offsets = offsets
  }

  /** The id of a field name, new names getting the next one. */
  fieldId(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.length
      this.names.push(name)
      this.ids.set(name, id)
    }
    return id
  }

  /** Grows the per-document tables to hold `docs` documents. */
  makeRoom(docs: number): void {
    if (docs <= this.live.length && docs < this.offsets.length) return
    const capacity = Math.max(16, 2 * this.docLimit, docs)
    this.offsets = grow(this.offsets, this.docLimit + 1, capacity + 1)
    this.live = grow(this.live, this.docLimit, capacity)
    this.blockOf = grow(this.blockOf, this.docLimit, capacity)
    this.startOf = grow(this.startOf, this.docLimit, capacity)
  }
}


/** A copy of the first `used` entries of `array` in a new array of `capacity` entries. */
function grow<T extends Uint8Array | Uint32Array>(array: T, used: number, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity)
  next.set(array.subarray(0, used))
  return next
}

/** `bytes` itself when it holds `needed` bytes, else a copy with room for them (and as much again). */
function withRoom(bytes: Uint8Array, used: number, needed: number): Uint8Array {
  if (needed <= bytes.length) return bytes
  const next = new Uint8Array(Math.max(2 * bytes.length, needed))
  next.set(bytes.subarray(0, used))
  return next
}

