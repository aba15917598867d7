/** Rice codes: what the writers wrote, the readers read back, for any parameter (skipping: rice-skip.test.ts). */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteBuilder } from '../../src/index/compact-lists.js'
import { BlockDecoder } from '../../src/index/block-decoder.js'
import { encodeRiceBlock, encodeRiceValues, riceParameter, RiceReader } from '../../src/index/rice.js'

describe('Rice codes', () => {
  it('round-trip any values with any parameter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 60 }), fc.integer({ min: 0, max: 24 }), (values, k) => {
        const out = new ByteBuilder()
        out.byte(0xee) // something before the codes
        // small values with large parameters and the reverse: long unary runs are the slow path
        encodeRiceValues(values.map((value) => value % 2 ** (k + 6)), values.length, k, out)
        // exactly the bits of the codes, padded to a whole byte
        const bits = values.reduce((sum, value) => sum + Math.floor((value % 2 ** (k + 6)) / 2 ** k) + 1 + k, 0)
        expect(out.length).toBe(1 + Math.ceil(bits / 8))
        const reader = new RiceReader()
        reader.bytes = out.toBytes().subarray(1)
        expect(values.map(() => reader.read(k))).toEqual(values.map((value) => value % 2 ** (k + 6)))
      }),
    )
  })

  it('picks a parameter that gives the fewest bits', () => {
    const size = (values: number[], k: number) => values.reduce((bits, value) => bits + Math.floor(value / 2 ** k) + 1 + k, 0)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 50 }), (values) => {
        const chosen = size(values, riceParameter(values, 0, values.length))
        for (let k = 0; k <= 24; k++) expect(chosen).toBeLessThanOrEqual(size(values, k))
      }),
    )
  })

  it('a block of postings decodes to what was written (gaps with the block parameter, tf in unary)', () => {
    const postings = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 128 })
    fc.assert(
      fc.property(postings, fc.integer({ min: -1, max: 1000 }), (entries, previous) => {
        const gaps = entries.map(([gap]) => gap)
        const k = riceParameter(gaps, 0, gaps.length)
        const out = new ByteBuilder()
        out.byte(0xee) // something before the block
        out.byte(k) // the block's parameter byte
        out.bytes.fill(0xff, 2) // stale bytes past the end (a reused builder) must not leak into the codes
        encodeRiceBlock(gaps, entries.map(([, tf]) => tf), entries.length, k, out)
        const bits = entries.reduce((sum, [gap, tf]) => sum + Math.floor(gap / 2 ** k) + 1 + k + tf, 0)
        expect(out.length).toBe(2 + Math.ceil(bits / 8))
        const decoder = new BlockDecoder()
        decoder.start(out.toBytes(), 1, entries.length, previous)
        decoder.decodeUntil(Number.MAX_SAFE_INTEGER)
        const { docs, tfs } = decoder
        let doc = previous
        entries.forEach(([gap, tf], i) => {
          doc += gap + 1
          expect(docs[i]).toBe(doc)
          expect(tfs[i]).toBe(tf)
        })
        expect(decoder.decoded).toBe(entries.length)
      }),
    )
  })
})

