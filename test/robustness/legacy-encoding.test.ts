import { describe, expect, it } from 'vitest'
import { detectLegacyBengali } from '../../src/analysis/legacy-encoding.js'
import { BanglaSearchError } from '../../src/index.js'
import { BIJOY_PARAGRAPH, BIJOY_SAMPLES, NOT_BIJOY } from './bijoy-samples.js'
import { growth, LINEAR_RATIO_LIMIT, ONE_MB_BUDGET_MS, oneMegabyte, timed } from './timing.js'

const BENGALI_BLOCK = /[\u0980-\u09ff]/u

describe('detectLegacyBengali: Bijoy/SutonnyMJ text is flagged', () => {
  it.each(BIJOY_SAMPLES)('%s  (%s)', (bijoy, unicode) => {
    expect(BENGALI_BLOCK.test(bijoy)).toBe(false)
    const verdict = detectLegacyBengali(bijoy)
    expect(verdict.legacy).toBe(true)
    expect(verdict.reason).toMatch(/^no Unicode Bengali, and \d+ of \d+ words look like Bijoy\/SutonnyMJ, e\.g\. ".+"$/)
    expect(detectLegacyBengali(unicode)).toEqual({ legacy: false })
  })

  it('flags a whole paragraph, and the example of docs/bengali-text.md §2.3', () => {
    expect(detectLegacyBengali(BIJOY_PARAGRAPH).legacy).toBe(true)
    expect(detectLegacyBengali('Avwg evsjvq Mvb MvB|').legacy).toBe(true)
  })
})

describe('detectLegacyBengali: other text is not flagged', () => {
  it.each(NOT_BIJOY)('%j (%s)', (text) => {
    expect(detectLegacyBengali(text)).toEqual({ legacy: false })
  })

  it('does not flag one Bijoy word alone, nor Bijoy mixed with any Unicode Bengali (documented limits)', () => {
    expect(detectLegacyBengali('Ges').legacy).toBe(false)
    expect(detectLegacyBengali(`${BIJOY_PARAGRAPH} ঢাকা`).legacy).toBe(false)
  })

  it('rejects a non-string with a typed error', () => {
    expect(() => detectLegacyBengali(42 as unknown as string)).toThrow(BanglaSearchError)
  })
})

describe('detectLegacyBengali: time', () => {
  it(`reads 1 MB within the suite's ${ONE_MB_BUDGET_MS} ms budget for a busy machine: Bijoy, English, one huge word (about 50 ms on an idle 2-core machine)`, () => {
    for (const unit of [`${BIJOY_PARAGRAPH} `, 'The quick brown fox jumps over the lazy dog. ', 'a', '‡']) {
      const text = oneMegabyte(unit)
      expect(timed(() => detectLegacyBengali(text)).ms, JSON.stringify(unit.slice(0, 10))).toBeLessThan(ONE_MB_BUDGET_MS)
    }
  })

  it('is linear in the length of the text', () => {
    const { ratio } = growth((n) => {
      const text = oneMegabyte(`${BIJOY_PARAGRAPH} `, n)
      return () => detectLegacyBengali(text)
    }, 1 << 17)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })
})
