import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/analysis/normalize.js'
import { BanglaSearchError } from '../../src/errors.js'
import { anyText, bengaliText } from '../helpers/arbitraries.js'

const cp = (...codes: number[]) => String.fromCharCode(...codes)

// One row per rule: [rule, input, expected]. Inputs in code points where encodings differ.
const RULES: Array<[string, string, string]> = [
  ['NFC decomposes precomposed ড়', cp(0x09dc, 0x09be), cp(0x09a1, 0x09bc, 0x09be)],
  ['NFC decomposes precomposed য়', cp(0x09df), cp(0x09af, 0x09bc)],
  ['NFC composes ে + া into ো', cp(0x0995, 0x09c7, 0x09be), cp(0x0995, 0x09cb)],
  ['NFC composes ে + ৗ into ৌ', cp(0x0995, 0x09c7, 0x09d7), cp(0x0995, 0x09cc)],
  ['legacy khanda ta ত্ + ZWJ', cp(0x0989, 0x09a4, 0x09cd, 0x200d, 0x09b8, 0x09ac), cp(0x0989, 0x09ce, 0x09b8, 0x09ac)],
  ['ত্ before a non-conjunct consonant', cp(0x0989, 0x09a4, 0x09cd, 0x09b8, 0x09ac), cp(0x0989, 0x09ce, 0x09b8, 0x09ac)],
  ['word-final ত্', 'বিদ্যু' + cp(0x09a4, 0x09cd), 'বিদ্যু' + cp(0x09ce)],
  ['ত্ন ত্ম ত্য ত্র stay conjuncts', 'পত্নী আত্মা সত্য পত্র', 'পত্নী আত্মা সত্য পত্র'],
  ['ZWJ between র and ্য removed', cp(0x09b0, 0x200d, 0x09cd, 0x09af, 0x09be, 0x09ac), cp(0x09b0, 0x09cd, 0x09af, 0x09be, 0x09ac)],
  ['ZWNJ between র and ্য removed', cp(0x09b0, 0x200c, 0x09cd, 0x09af, 0x09be, 0x09ac), cp(0x09b0, 0x09cd, 0x09af, 0x09be, 0x09ac)],
  ['ZWJ after virama removed', cp(0x09b0, 0x09cd, 0x200d, 0x09af), cp(0x09b0, 0x09cd, 0x09af)],
  ['ZWNJ after virama removed', cp(0x0995, 0x09cd, 0x200c, 0x0995), cp(0x0995, 0x09cd, 0x0995)],
  ['zero-width space removed', 'ঢা' + cp(0x200b) + 'কা', 'ঢাকা'],
  ['soft hyphen removed', 'বাং' + cp(0x00ad) + 'লা', 'বাংলা'],
  ['BOM removed', cp(0xfeff) + 'ঢাকা', 'ঢাকা'],
  ['অ + া becomes আ', cp(0x0985, 0x09be, 0x09ae), cp(0x0986, 0x09ae)],
  ['candrabindu before the vowel sign moved after it', cp(0x0995, 0x0981, 0x09be), cp(0x0995, 0x09be, 0x0981)],
  ['doubled vowel sign de-duplicated', cp(0x0995, 0x09bf, 0x09bf), cp(0x0995, 0x09bf)],
  ['৷ (U+09F7) used as a danda becomes ।', 'শহর' + cp(0x09f7), 'শহর' + cp(0x0964)],
  ["elision apostrophe ক'রে removed", "ক'রে", 'করে'],
  ['suffix apostrophe বিএনপি’র removed', 'বিএনপি’র', 'বিএনপির'],
  ['suffix apostrophe জং’কে removed', 'জং’কে', 'জংকে'],
  ['closing quote before a space kept', '‘কঠোর’ সরকার', '‘কঠোর’ সরকার'],
  ['ASCII colon inside a word becomes visarga', 'দু:খ', 'দুঃখ'],
  ['colon before a digit kept (dateline)', 'ঢাকা:১২', 'ঢাকা:12'],
  ['Bengali digits folded to ASCII', '২০২৪', '2024'],
  ['Latin lower-cased', 'Putin MOSCOW', 'putin moscow'],
  ['other cased scripts lower-cased', 'ΑΘΗΝΑ Москва', 'αθηνα москва'],
]

describe('normalize: one row per rule', () => {
  it.each(RULES)('%s', (_rule, input, expected) => {
    expect(normalize(input)).toBe(expected)
  })
})

describe('normalize: properties', () => {
  it('is idempotent on Bengali-heavy text', () => {
    fc.assert(fc.property(bengaliText(), (text) => normalize(normalize(text)) === normalize(text)), { numRuns: 3000 })
  })

  it('is idempotent on any string, lone surrogates included', () => {
    fc.assert(fc.property(anyText(), (text) => normalize(normalize(text)) === normalize(text)), { numRuns: 3000 })
  })

  it('makes the two encodings of a word equal', () => {
    const composed = cp(0x09b0, 0x09be, 0x09b6, 0x09bf, 0x09df, 0x09be) // রাশিয়া with U+09DF
    const decomposed = cp(0x09b0, 0x09be, 0x09b6, 0x09bf, 0x09af, 0x09bc, 0x09be)
    expect(normalize(composed)).toBe(normalize(decomposed))
  })

  it('handles a 5 MB string in linear time', () => {
    const line = 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে বৈঠকে ২০১৯ সালে উত্‍সব।\n'
    const small = line.repeat(5_000)
    const big = line.repeat(80_000) // ~5 MB
    const time = (text: string) => {
      const start = performance.now()
      normalize(text)
      return performance.now() - start
    }
    time(small)
    const ratio = time(big) / Math.max(time(small), 1)
    expect(big.length).toBeGreaterThan(5_000_000)
    expect(ratio).toBeLessThan(16 * 4) // 16x the input: linear, with generous slack for a busy machine
  })

  it('rejects a non-string with a typed error', () => {
    expect(() => normalize(42 as unknown as string)).toThrow(BanglaSearchError)
  })
})
