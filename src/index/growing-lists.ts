/**
 * The postings of documents added since the last seal, one field's worth: per term, an entry
 * stream (`gap * 2 + (tf === 1)`, then tf when it is not 1) and a position stream in a
 * {@link SlicePool}. Cheap to append to; sealed into compact lists for searching.
 *
 * @module
 * @internal
 */

import { GrowableInt32 } from './growable.js'
import { SlicePool, type SliceReader } from './slice-pool.js'

const NONE = -1

/** The growing postings of one field. */
export class GrowingLists {
  private readonly pool = new SlicePool()
  /** Term id → slot, -1 for none. */
  private readonly slots = new GrowableInt32(16, NONE)
  private readonly entryStreams = new GrowableInt32()
  private readonly positionStreams = new GrowableInt32()
  private readonly lastDocs = new GrowableInt32()
  /** Postings per slot. */
  private readonly counts = new GrowableInt32()
  /** Terms that have a slot, in the order their slots were made. */
  private readonly slotTerms = new GrowableInt32()

  /** Number of postings written. */
  postings = 0

  /** Appends one document's posting of a term: positions increasing. */
  append(termId: number, doc: number, positions: Int32Array, from: number, to: number): void {
    let slot = this.slots.get(termId)
    if (slot === NONE) {
      slot = this.slotTerms.push(termId)
      this.slots.set(termId, slot)
      this.entryStreams.push(this.pool.newStream())
      this.positionStreams.push(this.pool.newStream())
      this.lastDocs.push(-1)
      this.counts.push(0)
    }
    const tf = to - from
    const entries = this.entryStreams.data[slot] as number
    const gap = doc - (this.lastDocs.data[slot] as number) - 1
    if (tf === 1) this.pool.writeVarint(entries, gap * 2 + 1)
    else {
      this.pool.writeVarint(entries, gap * 2)
      this.pool.writeVarint(entries, tf)
    }
    const stream = this.positionStreams.data[slot] as number
    let previous = 0
    for (let i = from; i < to; i++) {
      const position = positions[i] as number
      this.pool.writeVarint(stream, position - previous)
      previous = position
    }
    this.lastDocs.data[slot] = doc
    this.counts.data[slot] = (this.counts.data[slot] as number) + 1
    this.postings++
  }

  /** Postings of a term. */
  count(termId: number): number {
    const slot = this.slots.get(termId)
    return slot === NONE ? 0 : (this.counts.data[slot] as number)
  }

  /** The terms with postings, in no particular order. */
  terms(): Int32Array {
    return this.slotTerms.data.subarray(0, this.slotTerms.length)
  }

  /** A reader of a term's postings, or undefined when it has none. */
  reader(termId: number): GrowingReader | undefined {
    const slot = this.slots.get(termId)
    if (slot === NONE) return undefined
    return new GrowingReader(this.pool.reader(this.entryStreams.get(slot)), this.pool.reader(this.positionStreams.get(slot)), this.counts.get(slot))
  }

  /** Gives back unused capacity. */
  trim(): void {
    this.pool.trim()
    for (const table of [this.slots, this.entryStreams, this.positionStreams, this.lastDocs, this.counts, this.slotTerms]) table.trim()
  }
}

/** Reads one term's growing postings in order; positions must be read for every posting. */
export class GrowingReader {
  doc = -1
  tf = 0
  private left: number

  constructor(
    private readonly entries: SliceReader,
    private readonly positions: SliceReader,
    count: number,
  ) {
    this.left = count
  }

  /** Moves to the next posting; false at the end. */
  next(): boolean {
    if (this.left === 0) return false
    this.left--
    const code = this.entries.readVarint()
    this.tf = code % 2 === 1 ? 1 : this.entries.readVarint()
    this.doc += Math.floor(code / 2) + 1
    return true
  }

  /** Reads the current posting's positions (must be called once per posting, in order). */
  readPositions(into: number[]): number[] {
    into.length = 0
    let position = 0
    for (let i = 0; i < this.tf; i++) {
      position += this.positions.readVarint()
      into.push(position)
    }
    return into
  }
}
