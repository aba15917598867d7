/** Skipping Rice codes with a local bit buffer lands where reading them one by one does. */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteBuilder } from '../../src/index/compact-lists.js'
import { encodeRiceValues, RiceReader } from '../../src/index/rice.js'
import { skipRiceCodes } from '../../src/index/rice-skip.js'

describe('skipRiceCodes', () => {
  it('ends where reading the codes ends, from any code boundary, for any parameter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 20 })), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.nat(),
        (values, k, before, from, count) => {
          const out = new ByteBuilder()
          for (let i = 0; i < before; i++) out.byte(0xff)
          encodeRiceValues(values, values.length, k, out)
          const reader = new RiceReader()
          reader.bytes = out.toBytes()
          reader.bit = 8 * before
          // start after some codes (not on a byte boundary, mostly), skip some of the rest
          const first = from % values.length
          for (let i = 0; i < first; i++) reader.read(k)
          const start = reader.bit
          const n = count % (values.length - first + 1)
          for (let i = 0; i < n; i++) reader.read(k)
          expect(skipRiceCodes(reader.bytes, start, n, k)).toBe(reader.bit)
          // and the next code read from there is the next value
          if (first + n < values.length) {
            reader.bit = skipRiceCodes(reader.bytes, start, n, k)
            expect(reader.read(k)).toBe(values[first + n])
          }
        },
      ),
    )
  })

  it('the example of its documentation', () => {
    expect(skipRiceCodes(new Uint8Array([0b1000_1100]), 0, 2, 1)).toBe(5)
    expect(skipRiceCodes(new Uint8Array([0b1000_1100]), 0, 0, 1)).toBe(0)
  })
})
