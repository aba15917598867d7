/** Rice codes: what the writer wrote, the reader reads back (and skips), for any parameter. */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteBuilder } from '../../src/index/compact-lists.js'
import { decodeRiceBlock, riceParameter, RiceReader, RiceWriter } from '../../src/index/rice.js'

describe('Rice codes', () => {
  it('round-trip any values with any parameter, and skip exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 60 }), fc.integer({ min: 0, max: 24 }), fc.nat(), (values, k, skipAt) => {
        const out = new ByteBuilder()
        const writer = new RiceWriter(out)
        // small values with large parameters and the reverse: long unary runs are the slow path
        for (const value of values) writer.write(value % 2 ** (k + 6), k)
        writer.flush()
        const reader = new RiceReader()
        reader.bytes = out.toBytes()
        expect(values.map(() => reader.read(k))).toEqual(values.map((value) => value % 2 ** (k + 6)))
        const skipped = values.length === 0 ? 0 : skipAt % values.length
        reader.bit = 0
        reader.skip(skipped, k)
        if (skipped < values.length) expect(reader.read(k)).toBe((values[skipped] as number) % 2 ** (k + 6))
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
        const writer = new RiceWriter(out)
        for (const [gap, tf] of entries) {
          writer.write(gap, k)
          writer.write(tf - 1, 0)
        }
        writer.flush()
        const docs = new Int32Array(128)
        const tfs = new Int32Array(128)
        const last = decodeRiceBlock(out.toBytes(), 1, k, entries.length, previous, docs, tfs)
        let doc = previous
        entries.forEach(([gap, tf], i) => {
          doc += gap + 1
          expect(docs[i]).toBe(doc)
          expect(tfs[i]).toBe(tf)
        })
        expect(last).toBe(doc)
      }),
    )
  })
})

