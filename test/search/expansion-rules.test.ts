/** Candidate ranking rules of query expansion, and the shortcuts that must give the same answer. */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rankCandidates, rankNearest, type RankedStem } from '../../src/search/expansion-rules.js'
import { KeyBuckets } from '../../src/index/key-buckets.js'
import { Vocabulary } from '../../src/index/vocabulary.js'

describe('rankNearest', () => {
  it('gives the first `wanted` of the full ranking, describing only what it needs', () => {
    // distances in quarter steps (as key distances are), many ties; frequency 0 is a stem no document holds
    const candidate = fc.record({ stem: fc.string({ minLength: 1, maxLength: 3 }), distance: fc.integer({ min: 0, max: 8 }).map((q) => q / 4), frequency: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })) })
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.stem, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (candidates, wanted) => {
        const described: RankedStem[] = []
        const ranked = rankNearest(candidates, wanted, (c) => (described.push(c), c))
        expect(ranked).toEqual(rankCandidates(candidates).slice(0, wanted))
        // nothing farther than the last run it needed was looked up
        const needed = ranked.length === wanted ? (ranked[wanted - 1] as RankedStem).distance : Infinity
        for (const c of described) expect(c.distance).toBeLessThanOrEqual(needed)
      }),
      { numRuns: 300 },
    )
  })
})

describe('stems by alias key', () => {
  it('a key visits exactly its stems, before and after snapshots, as stems keep coming', () => {
    const letters = 'কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশসহ'
    const vowels = ['', 'া', 'ি', 'ী', 'ু', 'ে', 'ো']
    const word = fc.array(fc.tuple(fc.integer({ min: 0, max: letters.length - 1 }), fc.integer({ min: 0, max: vowels.length - 1 })), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([l, v]) => letters.charAt(l) + vowels[v]).join(''))
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 400 }), { minLength: 1, maxLength: 6 }), (batches) => {
        const vocabulary = new Vocabulary()
        for (const batch of batches) {
          for (const w of batch) vocabulary.intern(w, 'bengali')
          const expected = new Map<number, number[]>()
          for (let stem = 0; stem < vocabulary.stemCount; stem++) {
            const key = vocabulary.stemKeys.get(stem)
            if (key >= 0) expected.set(key, [...(expected.get(key) ?? []), stem])
          }
          for (let key = 0; key < vocabulary.keys.length; key++) {
            const seen: number[] = []
            vocabulary.forEachStemOfKey(key, (stem) => seen.push(stem))
            expect(seen.sort((a, b) => a - b)).toEqual(expected.get(key) ?? [])
          }
        }
      }),
      { numRuns: 30 },
    )
  })

  it('a snapshot lists each key\'s stems in increasing order and nothing past its stem count', () => {
    const keys = [0, -1, 2, 0, 1, 2, -1, 0]
    const buckets = KeyBuckets.build(6, 3, (stem) => keys[stem] as number)
    const of = (key: number) => {
      const out: number[] = []
      buckets.forEach(key, (stem) => out.push(stem))
      return out
    }
    expect([of(0), of(1), of(2), of(3)]).toEqual([[0, 3], [4], [2, 5], []])
  })
})
