/**
 * A resumable decoder of one block of a long list's entries (`gap` Rice-coded with the block's
 * parameter, then `tf - 1` in unary, as `encodeRiceBlock` in rice.ts writes them). It decodes only as far as asked and keeps its bit buffer between calls, so a
 * cursor that jumps to one document of a block (a pruning probe, a phrase or proximity look-up)
 * decodes the postings up to it, not the whole block, and can go on from there later.
 *
 * @module
 * @internal
 */

import { BLOCK_SIZE } from './compact-lists.js'

/** The decoded postings of one block, and where the decoding stands. */
export class BlockDecoder {
  /** Documents decoded so far, in order. */
  readonly docs = new Int32Array(BLOCK_SIZE)
  /** Their term frequencies. */
  readonly tfs = new Int32Array(BLOCK_SIZE)
  /** Postings decoded so far. */
  decoded = 0
  /** Postings in the block. */
  private length = 0
  private bytes: Uint8Array = new Uint8Array(0)
  /** The next byte to load into the buffer. */
  private at = 0
  /** Unread bits, most significant first. */
  private buffer = 0
  /** How many of the buffer's high bits are valid. */
  private valid = 0
  /** The block's Rice parameter. */
  private k = 0
  /** The last document decoded (the previous block's last before the first). */
  private doc = -1

  /**
   * Starts on a block of `length` postings whose parameter byte is at `start`, following document
   * `previousDoc`; nothing is decoded yet.
   */
  start(bytes: Uint8Array, start: number, length: number, previousDoc: number): void {
    this.bytes = bytes
    this.k = (bytes[start] as number | undefined) ?? 0
    this.at = start + 1
    this.length = length
    this.buffer = 0
    this.valid = 0
    this.doc = previousDoc
    this.decoded = 0
  }

  /** Decodes postings until one at or after `target` is decoded, or the block ends. */
  decodeUntil(target: number): void {
    if (this.decoded === this.length || this.doc >= target) return
    const { bytes, k, docs, tfs, length } = this
    let { at, buffer, valid, doc, decoded } = this
    // a damaged block gives wrong numbers, never an error or an endless loop: reads past the end are 0
    const end = bytes.length + 4
    // The two unary reads (the gap's quotient, then tf - 1) are written out rather than shared: a
    // loop over both codes measured 15 % slower per posting (13.4 → 15.4 ns), and the state must
    // stay in locals (a helper would have to return it through an object).
    while (decoded < length && doc < target) {
      // the gap: ones, a zero, then k low bits
      let q = 0
      for (;;) {
        while (valid <= 24) {
          buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
          valid += 8
        }
        const ones = Math.clz32(~buffer)
        if (ones < valid) {
          q += ones
          buffer = ones === 31 ? 0 : buffer << (ones + 1)
          valid -= ones + 1
          break
        }
        q += valid
        buffer = 0
        valid = 0
        if (at > end) break
      }
      let low = 0
      if (k > 0) {
        while (valid < k) {
          buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
          valid += 8
        }
        low = buffer >>> (32 - k)
        buffer = k === 32 ? 0 : buffer << k
        valid -= k
      }
      // a shift, not `q * 2 ** k`: the gap fits 31 bits (as every document number does), and integer
      // arithmetic keeps the loop on small integers (about three times as fast as in floating point)
      doc += (q << k) + low + 1
      docs[decoded] = doc
      // the term frequency: tf - 1 ones, a zero; most postings have tf 1, a single zero bit
      while (valid <= 24) {
        buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
        valid += 8
      }
      if (buffer >= 0) {
        tfs[decoded++] = 1
        buffer <<= 1
        valid--
        continue
      }
      let extra = 0
      for (;;) {
        while (valid <= 24) {
          buffer |= ((bytes[at++] as number) & 0xff) << (24 - valid)
          valid += 8
        }
        const ones = Math.clz32(~buffer)
        if (ones < valid) {
          extra += ones
          buffer = ones === 31 ? 0 : buffer << (ones + 1)
          valid -= ones + 1
          break
        }
        extra += valid
        buffer = 0
        valid = 0
        if (at > end) break
      }
      tfs[decoded++] = extra + 1
    }
    this.at = at
    this.buffer = buffer
    this.valid = valid
    this.doc = doc
    this.decoded = decoded
  }
}
