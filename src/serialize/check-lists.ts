/**
 * Checks loaded compact lists completely before they are used: every header and block table
 * agrees with the entries, every document exists and comes after the one before, every tf fits
 * its field, every position lies inside the field in increasing order, and every posting lies
 * under a point of its block's frontier (dynamic pruning trusts the frontiers). One pass over the
 * bytes; damage gives `MALFORMED_INDEX`.
 *
 * @module
 * @internal
 */

import { MAX_BOUND_POINTS } from '../index/block-bounds.js'
import { BLOCK_SIZE, type CompactLists } from '../index/compact-lists.js'
import { RiceReader } from '../index/rice.js'
import { malformed } from './bytes.js'
import { leb128Digit } from '../index/leb128.js'

/** Checks every list of one field (ids 0 .. listCount - 1) against the field lengths of the documents. */
export function checkLists(lists: CompactLists, listCount: number, lengths: Int32Array, where: string): void {
  const checker = new ListChecker(lists, lengths, where)
  // lists lie in id order: each one ends where the next begins
  let previous = -1
  for (let list = 0; list < listCount; list++) {
    if (!lists.has(list)) continue
    if (previous >= 0) checker.check(previous, lists.starts[list] as number, lists.posStarts[list] as number)
    previous = list
  }
  if (previous >= 0) checker.check(previous, lists.docBytes.length, lists.posBytes.length)
}

class ListChecker {
  private at = 0
  private end = 0
  private readonly rice = new RiceReader()
  private readonly entries = new RiceReader()
  /** The current block's tfs and field lengths, to recompute its frontier. */
  private readonly tfs = new Int32Array(BLOCK_SIZE)
  private readonly fieldLengths = new Int32Array(BLOCK_SIZE)

  constructor(
    private readonly lists: CompactLists,
    private readonly lengths: Int32Array,
    private readonly where: string,
  ) {
    this.rice.bytes = lists.posBytes
    this.entries.bytes = lists.docBytes
  }

  check(list: number, end: number, posEnd: number): void {
    this.at = this.lists.starts[list] as number
    this.end = end
    const fail = (reason: string): never => malformed(`${this.where}, list ${list}: ${reason}`)
    const count = this.varint(fail)
    if (count < 1) fail('it is empty')
    const blocks = count > BLOCK_SIZE ? Math.ceil(count / BLOCK_SIZE) : 1
    // per block: last doc, entry bytes, position bytes, then the frontier as `points, tf, length, …`
    const table: number[][] = []
    if (count > BLOCK_SIZE) {
      let lastDoc = -1
      for (let b = 0; b < blocks; b++) {
        lastDoc += this.varint(fail) + 1
        const row = [lastDoc, this.varint(fail), this.varint(fail)]
        const points = this.varint(fail)
        if (points < 1 || points > MAX_BOUND_POINTS) fail(`block ${b} has ${points} bound points`)
        let tf = -1
        let length = -1
        row.push(points)
        for (let p = 0; p < points; p++) {
          tf += this.varint(fail) + 1
          length += this.varint(fail) + 1
          row.push(tf, length)
        }
        table.push(row)
      }
    }
    let doc = -1
    let posAt = this.lists.posStarts[list] as number
    for (let b = 0; b < blocks; b++) {
      const inBlock = Math.min(BLOCK_SIZE, count - b * BLOCK_SIZE)
      const blockStart = this.at
      const positionK = posAt < this.lists.posBytes.length ? (this.lists.posBytes[posAt] as number) : fail('its positions end too early')
      if (positionK > 24) fail('a position parameter is out of range')
      this.rice.bit = (posAt + 1) * 8
      // entries: LEB128 in a one-block list, Rice codes after a parameter byte in a longer one
      const k = count > BLOCK_SIZE ? this.u8(fail) : -1
      if (k > 24) fail('an entry parameter is out of range')
      if (k >= 0) this.entries.bit = this.at * 8
      for (let i = 0; i < inBlock; i++) {
        let gap: number
        let tf: number
        if (k < 0) {
          const code = this.varint(fail)
          tf = code % 4 === 3 ? this.varint(fail) + 4 : (code % 4) + 1
          gap = Math.floor(code / 4)
        } else {
          gap = this.entries.read(k)
          tf = this.entries.read(0) + 1
          if (this.entries.bit > this.end * 8) fail('its entries end too early')
        }
        doc += gap + 1
        const length = doc < this.lengths.length ? (this.lengths[doc] as number) : fail(`document ${doc} does not exist`)
        if (tf < 1 || tf > length) fail(`document ${doc} has a term frequency of ${tf} in a field of ${length} words`)
        let position = -1
        for (let p = 0; p < tf; p++) {
          position += this.rice.read(positionK) + 1
          if (position >= length || this.rice.bit > posEnd * 8) fail(`a position of document ${doc} lies outside its field`)
        }
        this.tfs[i] = tf
        this.fieldLengths[i] = length
      }
      if (k >= 0) this.at = Math.ceil(this.entries.bit / 8)
      const posBytes = Math.ceil(this.rice.bit / 8) - posAt
      if (table.length > 0) {
        const row = table[b] as number[]
        if (row[0] !== doc || row[1] !== this.at - blockStart || row[2] !== posBytes) fail(`the block table disagrees with block ${b}`)
        if (!this.dominated(row, inBlock)) fail(`the bound of block ${b} is below one of its postings`)
      }
      posAt += posBytes
    }
    if (this.at !== this.end || posAt !== posEnd) fail('its bytes do not add up')
  }

  /** Does a frontier point of the block table row bound every posting of the block (as large a tf, as short a field)? */
  private dominated(row: readonly number[], inBlock: number): boolean {
    const points = row[3] as number
    for (let i = 0; i < inBlock; i++) {
      const tf = this.tfs[i] as number
      const length = this.fieldLengths[i] as number
      let found = false
      for (let p = 0; p < points && !found; p++) found = (row[4 + 2 * p] as number) >= tf && (row[5 + 2 * p] as number) <= length
      if (!found) return false
    }
    return true
  }

  private u8(fail: (reason: string) => never): number {
    if (this.at >= this.end) fail('it ends inside a block')
    return this.lists.docBytes[this.at++] as number
  }

  private varint(fail: (reason: string) => never): number {
    const bytes = this.lists.docBytes
    let value = 0
    for (let shift = 0; shift <= 28; shift += 7) {
      if (this.at >= this.end) fail('it ends inside a number')
      const byte = bytes[this.at++] as number
      value += leb128Digit(byte, shift)
      if (byte < 0x80) return value
    }
    return fail('a number is too long')
  }
}
