/**
 * The version-1 saved entry layout (`docGap, tf, positionBytes, positionDeltas…` in LEB128), and
 * the slice pool that holds growing postings: what it wrote is read back across slice boundaries.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GrowingLists } from '../../src/index/growing-lists.js'
import { SlicePool } from '../../src/index/slice-pool.js'
import { encodeEntry } from '../../src/serialize/v1-entry.js'

describe('encodeEntry (saved format version 1)', () => {
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
})

describe('slice pool and growing lists', () => {
  it('reads back interleaved streams across slices', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), { maxLength: 400 }), (writes) => {
        const pool = new SlicePool()
        const streams = [pool.newStream(), pool.newStream(), pool.newStream(), pool.newStream()]
        const expected: number[][] = [[], [], [], []]
        for (const [stream, value] of writes) {
          pool.writeVarint(streams[stream] as number, value)
          expected[stream]?.push(value)
        }
        streams.forEach((stream, i) => {
          const reader = pool.reader(stream)
          const read: number[] = []
          while (reader.more) read.push(reader.readVarint())
          expect(read).toEqual(expected[i])
        })
      }),
    )
  })

  it('growing lists give back every posting of every term, in order', () => {
    const postings = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 })), { maxLength: 200 })
    fc.assert(
      fc.property(postings, (entries) => {
        const lists = new GrowingLists()
        const expected = new Map<number, { doc: number; positions: number[] }[]>()
        entries.forEach(([term, positions], doc) => {
          const sorted = Int32Array.from(positions).sort()
          lists.append(term, doc, sorted, 0, sorted.length)
          expected.set(term, [...(expected.get(term) ?? []), { doc, positions: [...sorted] }])
        })
        for (const [term, list] of expected) {
          const reader = lists.reader(term)
          const read: { doc: number; positions: number[] }[] = []
          while (reader?.next()) read.push({ doc: reader.doc, positions: [...reader.readPositions([])] })
          expect(read).toEqual(list)
          expect(lists.count(term)).toBe(list.length)
        }
      }),
    )
  })
})
