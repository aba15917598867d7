import { describe, expect, it } from 'vitest'
import { idf, resolveBm25, tfNorm } from '../../src/search/bm25.js'
import { BanglaSearchError } from '../../src/errors.js'

describe('bm25', () => {
  it('computes idf as Lucene does', () => {
    expect(idf(1, 10)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12)
    expect(idf(10, 10)).toBeGreaterThan(0)
  })

  it('saturates term frequency and normalises by length', () => {
    const params = { k1: 1.2, b: 0.75 }
    expect(tfNorm(1, 10, 10, params)).toBeCloseTo(1, 12)
    expect(tfNorm(2, 10, 10, params)).toBeCloseTo((2 * 2.2) / (2 + 1.2), 12)
    expect(tfNorm(1, 20, 10, params)).toBeLessThan(tfNorm(1, 10, 10, params))
    expect(tfNorm(100, 10, 10, params)).toBeLessThan(2.2)
  })

  it.each([
    // tf, field length, average length, k1, b, Robertson's formula with length ratio fieldLength / average
    [1, 10, 10, 1.2, 0.75, (1 * 2.2) / (1 + 1.2)],
    [3, 5, 20, 1.2, 0.75, (3 * 2.2) / (3 + 1.2 * (0.25 + 0.75 * 0.25))],
    [2, 40, 10, 2, 1, (2 * 3) / (2 + 2 * 4)],
    [2, 40, 10, 1.2, 0, (2 * 2.2) / (2 + 1.2)], // b = 0: no length normalisation
    [2, 7, 0, 1.2, 0.75, (2 * 2.2) / (2 + 1.2)], // an empty field everywhere: ratio 1
  ])('tfNorm(%d, %d, %d) with k1 %d, b %d', (tf, length, average, k1, b, expected) => {
    expect(tfNorm(tf, length, average, { k1, b })).toBeCloseTo(expected, 12)
  })

  it.each([
    [{ k1: -1 }, 'bm25.k1'],
    [{ b: 1.5 }, 'bm25.b'],
    [{ k1: Number.NaN }, 'bm25.k1'],
  ])('rejects %j', (given, message) => {
    expect(() => resolveBm25(given)).toThrow(BanglaSearchError)
    expect(() => resolveBm25(given)).toThrow(message)
  })
})
