/**
 * The resumable block decoder: decoded in stretches (each up to a target document), a block of
 * Rice-coded postings gives what was written.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BlockDecoder } from '../../src/index/block-decoder.js'
import { BLOCK_SIZE, ByteBuilder } from '../../src/index/compact-lists.js'
import { encodeRiceBlock, riceParameter } from '../../src/index/rice.js'

describe('BlockDecoder', () => {
  it('decoded up to targets, stretch by stretch, gives the written postings and stops at the first at or after each target', () => {
    const postings = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: BLOCK_SIZE })
    fc.assert(
      fc.property(postings, fc.integer({ min: -1, max: 1000 }), fc.array(fc.integer({ min: -1, max: 700_000 }), { maxLength: 8 }), (entries, previous, targets) => {
        const gaps = entries.map(([gap]) => gap)
        const k = riceParameter(gaps, 0, gaps.length)
        const out = new ByteBuilder()
        out.byte(0xee) // something before the block
        out.byte(k) // the block's parameter byte
        encodeRiceBlock(gaps, entries.map(([, tf]) => tf), entries.length, k, out)
        const bytes = out.toBytes()
        let doc = previous
        const docs = entries.map(([gap]) => (doc += gap + 1))
        const decoder = new BlockDecoder()
        decoder.start(bytes, 1, entries.length, previous)
        for (const target of [...targets].sort((a, b) => a - b)) {
          const before = decoder.decoded
          decoder.decodeUntil(target)
          // everything before the first document at or after the target, and that document (none past
          // it); nothing when the document before the block is already there
          const wanted = docs.findIndex((d) => d >= target)
          const needed = target <= previous ? 0 : wanted < 0 ? docs.length : wanted + 1
          expect(decoder.decoded).toBe(Math.max(before, needed))
        }
        decoder.decodeUntil(Number.MAX_SAFE_INTEGER)
        expect(decoder.decoded).toBe(entries.length)
        expect(Array.from(decoder.docs.subarray(0, entries.length))).toEqual(docs)
        expect(Array.from(decoder.tfs.subarray(0, entries.length))).toEqual(entries.map(([, tf]) => tf))
      }),
    )
  })
})
