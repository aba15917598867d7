/**
 * The postings entry layout, `docGap, tf, positionBytes, positionDeltas…` in LEB128, written by
 * one encoder for the in-memory pool and the saved format, and read back by the pool's reader.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeEntry, PostingsPool } from '../../src/index/postings.js'

describe('encodeEntry', () => {
  it.each([
    // doc gap, positions, bytes
    [0, [0], [0, 1, 1, 0]],
    [5, [3, 9], [5, 2, 2, 3, 6]],
    [200, [1, 130], [0xc8, 0x01, 2, 3, 1, 0x81, 0x01]],
    [0, [0, 20_000], [0, 2, 4, 0, 0xa0, 0x9c, 0x01]],
    [2 ** 31 - 1, [7], [0xff, 0xff, 0xff, 0xff, 0x07, 1, 1, 7]],
  ])('gap %d, positions %j', (gap, positions, bytes) => {
    const out: number[] = []
    const length = encodeEntry(out, gap, positions)
    expect(out.slice(0, length)).toEqual(bytes)
  })

  it('reads back what the pool wrote: documents, frequencies and positions, across slices', () => {
    const lists = fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 })), { maxLength: 60 })
    fc.assert(
      fc.property(lists, (entries) => {
        const pool = new PostingsPool()
        const slot = pool.newSlot()
        let doc = -1
        const written = entries.map(([gap, positions]) => {
          doc += gap + 1
          const sorted = [...positions].sort((a, b) => a - b)
          pool.append(slot, doc, sorted)
          return { doc, positions: sorted }
        })
        const reader = pool.reader(slot)
        const read: { doc: number; positions: number[] }[] = []
        // every other entry's positions are left unread, so skipping them is exercised too
        while (reader.next()) read.push({ doc: reader.doc, positions: read.length % 2 === 0 ? reader.readPositions([]) : written[read.length]!.positions })
        expect(read).toEqual(written)
      }),
    )
  })
})
