/**
 * Compact lists and their cursor: what the writer wrote is what the cursor reads, whether it
 * steps, jumps through the block table or reads positions only now and then; block bounds never
 * understate a posting.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BLOCK_SIZE, CompactListsWriter, NO_MORE_DOCS } from '../../src/index/compact-lists.js'
import { blockFrontier, MAX_BOUND_POINTS } from '../../src/index/block-bounds.js'
import { BoundPoints, ListCursor } from '../../src/index/list-cursor.js'

interface Posting {
  doc: number
  tf: number
  length: number
  positions: number[]
}

/** A list of postings: increasing documents, positions within each field length. */
const postingList = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 300 })), { maxLength: 3 * BLOCK_SIZE + 7 })
  .map((steps) => {
    let doc = -1
    return steps.map(([gap, tf, extra]): Posting => {
      doc += gap + 1
      const length = tf + extra
      const positions = [...new Set(Array.from({ length: tf }, (_, i) => (i * 7919 + extra) % length))].sort((a, b) => a - b)
      return { doc, tf: positions.length, length, positions }
    })
  })

function write(lists: readonly Posting[][]) {
  const writer = new CompactListsWriter(lists.length + 1, true)
  lists.forEach((postings, list) => {
    writer.begin(list)
    for (const posting of postings) {
      writer.add(posting.doc, posting.tf, posting.length)
      for (const position of posting.positions) writer.position(position)
    }
    writer.end()
  })
  return writer.finish()
}

describe('compact lists', () => {
  it('read back step by step, with positions read now and then', () => {
    fc.assert(
      fc.property(fc.array(postingList, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), (lists, every) => {
        const compact = write(lists)
        const cursor = new ListCursor()
        lists.forEach((postings, list) => {
          expect(cursor.open(compact, list)).toBe(postings.length > 0)
          expect(compact.count(list)).toBe(postings.length)
          postings.forEach((posting, i) => {
            if (i > 0) cursor.nextDoc()
            expect(cursor.doc).toBe(posting.doc)
            expect(cursor.tf).toBe(posting.tf)
            if (i % every === 0) expect(cursor.readPositions([])).toEqual(posting.positions)
          })
          expect(cursor.nextDoc()).toBe(NO_MORE_DOCS)
        })
      }),
    )
  })

  it('advance finds the first document at or after the target, and positions stay right after a jump', () => {
    fc.assert(
      fc.property(postingList, fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 12 }), (postings, targets) => {
        const compact = write([postings])
        const cursor = new ListCursor()
        cursor.open(compact, 0)
        let current = postings[0]?.doc ?? NO_MORE_DOCS
        for (const target of [...targets].sort((a, b) => a - b)) {
          const expected = postings.find((p) => p.doc >= Math.max(target, current))
          const got = cursor.advance(target)
          expect(got).toBe(expected?.doc ?? NO_MORE_DOCS)
          if (expected !== undefined) {
            expect(cursor.tf).toBe(expected.tf)
            expect(cursor.readPositions([])).toEqual(expected.positions)
          }
          current = got
        }
      }),
    )
  })

  it('steps, short and long jumps and shallow jumps mixed, positions read only now and then, read what was written', () => {
    // a long list (several blocks) walked by random moves: a jump may land in the block being
    // read, just past it (its first posting, from the previous block's last, positions unread) or
    // far on; each read of positions must give the current posting's own
    const longList = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 90 })), { minLength: BLOCK_SIZE + 1, maxLength: 3 * BLOCK_SIZE + 7 })
      .map((steps) => {
        let doc = -1
        return steps.map(([gap, tf, first]): Posting => {
          doc += gap + 1
          // increasing, with gaps that differ from posting to posting
          let position = first - 1
          const positions = Array.from({ length: tf }, (_, i) => (position += 1 + ((doc + i) % 4)))
          return { doc, tf, length: first + 5 * tf, positions }
        })
      })
    // a move: the next posting, or a jump (exact or shallow first) to a posting `by` on, or just
    // before it, or to the last posting of the current block (where a jump enters a new block)
    const move = fc.record({
      kind: fc.constantFrom('next' as const, 'advance' as const, 'shallow' as const, 'blockEnd' as const),
      by: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 * BLOCK_SIZE })),
      before: fc.boolean(),
      read: fc.boolean(),
    })
    fc.assert(
      fc.property(longList, fc.array(move, { maxLength: 80 }), (postings, moves) => {
        const compact = write([postings])
        const cursor = new ListCursor()
        cursor.open(compact, 0)
        let at = 0
        for (const { kind, by, before, read } of moves) {
          if (at >= postings.length) break
          let got: number
          if (kind === 'next') {
            at++
            got = cursor.nextDoc()
          } else {
            const from = at
            at = kind === 'blockEnd' ? Math.max(at, Math.min(postings.length, (Math.floor(at / BLOCK_SIZE) + 1) * BLOCK_SIZE) - 1) : Math.min(postings.length, at + by)
            const target = (postings[at]?.doc ?? (postings.at(-1) as Posting).doc + 1) - (before ? 1 : 0)
            // a jump never goes back
            while (at > from && (postings[at - 1] as Posting).doc >= target) at--
            // a shallow jump gives a lower bound of the document; the jump that follows it finds it
            if (kind === 'shallow') expect(cursor.advanceShallow(target)).toBeLessThanOrEqual(postings[at]?.doc ?? NO_MORE_DOCS)
            got = cursor.advance(target)
          }
          const expected = postings[at]
          expect(got).toBe(expected?.doc ?? NO_MORE_DOCS)
          if (expected !== undefined && read) {
            expect(cursor.tf).toBe(expected.tf)
            expect(cursor.readPositions([])).toEqual(expected.positions)
          }
        }
      }),
    )
  })

  it('block bounds: every posting of a range is dominated by a frontier point (as large a tf, as short a field), after steps or shallow jumps', () => {
    fc.assert(
      fc.property(postingList, fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 1, max: 3000 }), fc.boolean(), (postings, from, width, shallow) => {
        const compact = write([postings])
        const lengths = new Int32Array(8000)
        for (const posting of postings) lengths[posting.doc] = posting.length
        const cursor = new ListCursor()
        cursor.open(compact, 0, lengths)
        if (shallow) cursor.advanceShallow(from)
        else cursor.advance(from)
        const points = new BoundPoints()
        cursor.addBoundPoints(from, from + width, points, 3, 7)
        expect(points.count).toBeLessThanOrEqual(MAX_BOUND_POINTS * Math.ceil((postings.length + 1) / BLOCK_SIZE))
        for (const posting of postings.filter((p) => p.doc >= from && p.doc < from + width)) {
          const dominated = Array.from({ length: points.count }, (_, i) => i).some(
            (i) => points.weightedTfs[i]! >= 3 * posting.tf && points.lengths[i]! <= posting.length && points.sources[i] === 7,
          )
          expect(dominated, `doc ${posting.doc} tf ${posting.tf} length ${posting.length}`).toBe(true)
        }
      }),
    )
  })

  it('block frontiers: at most MAX_BOUND_POINTS points, lengths and tfs increasing, each posting dominated, the undominated points merged in even runs', () => {
    // small tfs take the bucket walk, a tf past 64 the sort: both must give the same frontier
    const tf = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 }))
    fc.assert(
      fc.property(fc.array(fc.tuple(tf, fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: BLOCK_SIZE }), (pairs) => {
        const tfs = pairs.map(([tf]) => tf)
        const lengths = pairs.map(([, length]) => length)
        const out = new Int32Array(2 * BLOCK_SIZE)
        const count = blockFrontier(tfs, lengths, pairs.length, out)
        expect(count).toBeGreaterThanOrEqual(1)
        expect(count).toBeLessThanOrEqual(MAX_BOUND_POINTS)
        for (let p = 1; p < count; p++) {
          expect(out[2 * p]!).toBeGreaterThan(out[2 * p - 2]!)
          expect(out[2 * p + 1]!).toBeGreaterThan(out[2 * p - 1]!)
        }
        for (const [tf, length] of pairs) {
          expect(Array.from({ length: count }, (_, p) => p).some((p) => out[2 * p]! >= tf && out[2 * p + 1]! <= length)).toBe(true)
        }
        // the undominated postings, when few, are the frontier itself
        const undominated = pairs.filter(([tf, length]) => !pairs.some(([t, l]) => t >= tf && l <= length && (t > tf || l < length)))
        const distinct = [...new Map(undominated.map(([tf, length]) => [`${tf},${length}`, [tf, length] as const])).values()].sort((a, b) => a[1] - b[1])
        if (distinct.length <= MAX_BOUND_POINTS) expect(Array.from(out.subarray(0, 2 * count))).toEqual(distinct.flat())
        else {
          // each of the MAX_BOUND_POINTS groups: its last point's tf with its first point's length
          const merged = Array.from({ length: MAX_BOUND_POINTS }, (_, g) => [
            distinct[Math.floor(((g + 1) * distinct.length) / MAX_BOUND_POINTS) - 1]![0],
            distinct[Math.floor((g * distinct.length) / MAX_BOUND_POINTS)]![1],
          ])
          expect(Array.from(out.subarray(0, 2 * count))).toEqual(merged.flat())
        }
      }),
      { numRuns: 300 },
    )
  })

  it('cursors on one long list at once (sharing its kept block table) each read what was written, in any interleaving', () => {
    fc.assert(
      fc.property(postingList, fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 })), { maxLength: 40 }), (postings, moves) => {
        const compact = write([postings])
        const cursors = [new ListCursor(), new ListCursor()]
        const at = [0, 0]
        cursors.forEach((cursor) => cursor.open(compact, 0))
        for (const [which, step] of moves) {
          const c = which ? 1 : 0
          const cursor = cursors[c] as ListCursor
          const from = postings[at[c] as number]
          if (from === undefined) continue
          const target = from.doc + step
          const place = postings.findIndex((p) => p.doc >= target)
          expect(cursor.advance(target)).toBe(place < 0 ? NO_MORE_DOCS : (postings[place] as Posting).doc)
          at[c] = place < 0 ? postings.length : place
          if (place >= 0) expect(cursor.readPositions([])).toEqual((postings[place] as Posting).positions)
        }
      }),
    )
  })

  it('an absent list opens empty', () => {
    const compact = write([[]])
    const cursor = new ListCursor()
    expect(cursor.open(compact, 0)).toBe(false)
    expect(cursor.open(compact, 5)).toBe(false)
    expect(cursor.doc).toBe(NO_MORE_DOCS)
    expect(compact.count(0)).toBe(0)
  })
})
