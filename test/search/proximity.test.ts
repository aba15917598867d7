import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'
import { localPairShare, PROXIMITY, pairCloseness, proximityBonus, type ProximityWord } from '../../src/search/proximity.js'

const word = (positions: number[], idf = 2, weight = 1): ProximityWord => ({ positions, idf, weight })

describe('pairCloseness', () => {
  it.each([
    // first, second, window, reversed share, expected
    [[3], [4], 5, 0.5, 1], // adjacent, in query order
    [[4], [3], 5, 0.5, 0.5], // adjacent, reversed
    [[3], [5], 5, 0.5, 1 / 4], // one word between
    [[3], [8], 5, 0.5, 1 / 25], // at the window's edge
    [[3], [9], 5, 0.5, 0], // beyond the window
    [[3], [3], 5, 0.5, 1], // one token holds both words (their closed compound): as close as adjacent
    [[1, 10], [2, 11], 5, 0.5, 2], // two adjacent pairs; 10 and 2 are 8 apart, out of the window
    [[1, 10], [2, 11], 8, 0.5, 2 + 0.5 / 64], // a wider window also takes the reversed pair 10…2
    [[5], [4, 6], 5, 0, 1], // reversed pairs can be switched off
  ])('%j × %j (window %d, reversed %d) = %d', (first, second, window, reversed, expected) => {
    expect(pairCloseness(first, second, window, reversed)).toBeCloseTo(expected, 12)
  })
})

describe('proximityBonus', () => {
  it('is zero unless two query words stand in the field', () => {
    expect(proximityBonus([word([1]), word([])], 100, 100)).toBe(0)
    expect(proximityBonus([word([1])], 100, 100)).toBe(0)
    expect(proximityBonus([word([1]), word([500])], 100, 100)).toBe(0)
  })

  it('takes the smaller idf and weight of a pair, and saturates like BM25', () => {
    const { k1 } = PROXIMITY
    // average length: norm = k1; one adjacent pair: closeness 1
    const one = proximityBonus([word([0], 3, 1), word([1], 5, 0.25)], 100, 100, { ...PROXIMITY, weight: 1 })
    expect(one).toBeCloseTo(3 * 0.25 * ((k1 + 1) * 1) / (1 + k1), 12)
    const many = proximityBonus([word([0, 10, 20, 30], 3), word([1, 11, 21, 31], 3)], 100, 100, { ...PROXIMITY, weight: 1 })
    expect(many).toBeLessThan(3 * (k1 + 1))
  })

  it('is larger when the words stand closer, and in query order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 4 }), (start, gap) => {
        const near = proximityBonus([word([start]), word([start + gap])], 300, 300)
        const far = proximityBonus([word([start]), word([start + gap + 1])], 300, 300)
        const reversed = proximityBonus([word([start + gap]), word([start])], 300, 300)
        expect(near).toBeGreaterThan(far)
        expect(near).toBeGreaterThan(reversed)
        expect(reversed).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})

describe('localPairShare', () => {
  it('is 1 for a pair one candidate holds, and falls as more hold it', () => {
    expect(localPairShare(1, 100)).toBe(1)
    expect(localPairShare(10, 100)).toBeLessThan(1)
    expect(localPairShare(100, 100)).toBeLessThan(localPairShare(10, 100))
    expect(localPairShare(100, 100)).toBeGreaterThan(0)
  })

  it('scales a pair in the bonus', () => {
    const words = [word([0]), word([1])]
    expect(proximityBonus(words, 100, 100, PROXIMITY, () => 0.5)).toBeCloseTo(proximityBonus(words, 100, 100) / 2, 12)
  })
})

describe('proximity in search', () => {
  it('ranks a post holding the query words side by side above one holding them far apart', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `শব্দ${i % 7 === 0 ? 'টি' : ''}`).join(' ')
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll([
      { id: 'apart', text: `ভালোবাসি ${filler(40)} তোমায় ${filler(40)}` },
      { id: 'together', text: `${filler(40)} ভালোবাসি তোমায় ${filler(40)}` },
    ])
    expect(index.search('ভালোবাসি তোমায়').map((hit) => hit.id)).toEqual(['together', 'apart'])
  })
})
