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

/** Ints per term in the state table: entry stream + 1 (0 for none), position stream, last document, postings. */
const STRIDE = 4

/** The growing postings of one field. */
export class GrowingLists {
  private readonly pool = new SlicePool()
  /** Per term id, side by side (one cache line): see {@link STRIDE}. */
  private state = new Int32Array(STRIDE * 1024)
  /** Terms that have postings, in the order they got them. */
  private readonly withPostings = new GrowableInt32()

  /** Number of postings written. */
  postings = 0

  /** Appends one document's posting of a term: positions increasing. */
  append(termId: number, doc: number, positions: Int32Array, from: number, to: number): void {
    const at = termId * STRIDE
    if (at >= this.state.length) {
      const grown = new Int32Array(Math.max(this.state.length * 2, at + STRIDE))
      grown.set(this.state)
      this.state = grown
    }
    const state = this.state
    if (state[at] === 0) {
      state[at] = this.pool.newStream() + 1
      state[at + 1] = this.pool.newStream()
      state[at + 2] = -1
      this.withPostings.push(termId)
    }
    const tf = to - from
    const gap = doc - (state[at + 2] as number) - 1
    const entries = (state[at] as number) - 1
    if (tf === 1) this.pool.writeVarint(entries, gap * 2 + 1)
    else {
      this.pool.writeVarint(entries, gap * 2)
      this.pool.writeVarint(entries, tf)
    }
    this.pool.writeGaps(state[at + 1] as number, positions, from, to)
    state[at + 2] = doc
    state[at + 3] = (state[at + 3] as number) + 1
    this.postings++
  }

  /** Postings of a term. */
  count(termId: number): number {
    const at = termId * STRIDE
    return at < this.state.length ? (this.state[at + 3] as number) : 0
  }

  /** The terms with postings, in no particular order. */
  terms(): Int32Array {
    return this.withPostings.data.subarray(0, this.withPostings.length)
  }

  /** A reader of a term's postings, or undefined when it has none. */
  reader(termId: number): GrowingReader | undefined {
    const at = termId * STRIDE
    if (at >= this.state.length || this.state[at] === 0) return undefined
    const state = this.state
    return new GrowingReader(this.pool.reader((state[at] as number) - 1), this.pool.reader(state[at + 1] as number), state[at + 3] as number)
  }

  /** Gives back unused capacity. */
  trim(): void {
    this.pool.trim()
    this.withPostings.trim()
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
