import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KEY_ALPHABET, aliasThreshold, bengaliKeys, keyDistance, type AliasKeys } from '../../src/analysis/alias-keys.js'
import {
  LATIN_DIGRAPHS,
  LATIN_LETTER_CLASSES,
  LATIN_LETTER_NAMES,
  MAX_LATIN_ALTERNATIVES,
  isLatinWord,
  latinKeys,
  romanSuffixStrips,
} from '../../src/analysis/romanize.js'

/** Extra K1 distance a Latin word may have to the Bengali word it reaches (§4.5). */
const LATIN_EXTRA_DISTANCE = 0.5

const shown = (keys: readonly AliasKeys[]): string[] => keys.map(({ k0, k1 }) => `${k0}/${k1}`)

/** One row per rule: the first (primary) reading, and other readings that must be offered. */
const LATIN_CASES: ReadonlyArray<{ rule: string; word: string; first: string; also?: readonly string[] }> = [
  { rule: 'letter classes', word: 'putin', first: 'PTN/PUTIN' },
  { rule: 'letter classes', word: 'trump', first: 'TRMP/TRUMP' },
  { rule: 'aspirate digraphs', word: 'bhalo', first: 'BL/BL' },
  { rule: 'aspirate digraphs', word: 'khabar', first: 'KBR/KBR' },
  { rule: 'aspirate digraphs', word: 'dhaka', first: 'DK/DK' },
  { rule: 'ch sh', word: 'nirbachon', first: 'NRBCN/NIRBCN' },
  { rule: 'ph is f', word: 'phul', first: 'FL/FUL' },
  { rule: 'ng nk', word: 'bangladesh', first: 'BQLDS/BQLDES', also: ['BNGLDS/BNGLDES'] },
  { rule: 'ng nk', word: 'bank', first: 'BQK/BQK' },
  { rule: 'c before e/i/y', word: 'cinema', first: 'SNM/SINEM', also: ['CNM/CINEM'] },
  { rule: 'c elsewhere', word: 'coffee', first: 'KF/KFI', also: ['CF/CFI'] },
  { rule: 'g before e/i/y', word: 'georgia', first: 'GRG/GERGI', also: ['JRJ/JERJI'] },
  { rule: 'g elsewhere', word: 'gaza', first: 'GJ/GJ' },
  { rule: 'x is ks', word: 'texas', first: 'TKSS/TEKSS' },
  { rule: 'initial y + vowel', word: 'yangon', first: 'VQN/VQN' },
  { rule: 'y between vowels', word: 'maya', first: 'M/M' },
  { rule: 'y after a consonant', word: 'pyongyang', first: 'PQQ/PIQIQ' },
  { rule: 'final y', word: 'zelensky', first: 'JLNSK/JELENSKI' },
  { rule: 'initial w + vowel', word: 'washington', first: 'VSQTN/VSIQTN' },
  { rule: 'w after a consonant', word: 'twitter', first: 'TTR/TUITER' },
  { rule: 'wh', word: 'white', first: 'HT/HIT' },
  { rule: 'h after an aspirate', word: 'chhobi', first: 'CB/CBI' },
  { rule: 'final silent e', word: 'europe', first: 'VRP/VRP', also: ['VRP/VRPE'] },
  { rule: 'doubled letters', word: 'messi', first: 'MS/MESI', also: ['MSS/MESSI'] },
  { rule: 'doubled letters', word: 'google', first: 'GGL/GUGL' },
  { rule: 'vowel digraphs', word: 'seoul', first: 'SL/SEUL' },
  { rule: 'vowel digraphs', word: 'ukraine', first: 'VKRN/VKREN' },
  { rule: 'vowel digraphs', word: 'korea', first: 'KR/KRI' },
  { rule: 'banglish o', word: 'sorkar', first: 'SRKR/SRKR' },
  { rule: 'banglish o', word: 'bolechen', first: 'BLCN/BLECEN' },
  { rule: 'initial vowel', word: 'israel', first: 'VSRL/VSREL' },
  { rule: 'acronym', word: 'tv', first: 'TB/TIBI' },
  { rule: 'acronym', word: 'bsd', first: 'BSD/BIESDI' },
  { rule: 'acronym', word: 'r', first: 'VR/VR' },
  { rule: '-tion', word: 'station', first: 'STSN/STSN' },
  { rule: 'ksh', word: 'lakshmi', first: 'LKM/LKMI' },
  { rule: 'n before a consonant', word: 'chand', first: 'CND/CND', also: ['CD/CD'] },
  { rule: 's between vowels', word: 'music', first: 'MSK/MUSIK', also: ['MJK/MUJIK'] },
]

/** Latin → Bengali pairs of docs/bengali-text.md §8.4 (and Banglish), with the expected first K0/K1. */
const REACHES: ReadonlyArray<{ latin: string; bengali: string; first?: string }> = [
  { latin: 'vladivostok', bengali: 'ভ্লাদিভোস্টক', first: 'BLDBSTK/BLDIBSTK' },
  { latin: 'vladivostok', bengali: 'ভ্লাদিভস্তক' },
  { latin: 'putin', bengali: 'পুতিন', first: 'PTN/PUTIN' },
  { latin: 'kim', bengali: 'কিম', first: 'KM/KIM' },
  { latin: 'jong', bengali: 'জং', first: 'JQ/JQ' },
  { latin: 'un', bengali: 'উন', first: 'VN/VN' },
  { latin: 'pyongyang', bengali: 'পিয়ংইয়ং', first: 'PQQ/PIQIQ' },
  { latin: 'trump', bengali: 'ট্রাম্প', first: 'TRMP/TRUMP' },
  { latin: 'zelensky', bengali: 'জেলেনস্কি', first: 'JLNSK/JELENSKI' },
  { latin: 'ukraine', bengali: 'ইউক্রেন', first: 'VKRN/VKREN' },
  { latin: 'washington', bengali: 'ওয়াশিংটন', first: 'VSQTN/VSIQTN' },
  { latin: 'bangladesh', bengali: 'বাংলাদেশ', first: 'BQLDS/BQLDES' },
  { latin: 'singapore', bengali: 'সিঙ্গাপুর', first: 'SQPR/SIQPR' },
  { latin: 'georgia', bengali: 'জর্জিয়া' },
  { latin: 'israel', bengali: 'ইসরায়েল', first: 'VSRL/VSREL' },
  { latin: 'myanmar', bengali: 'মিয়ানমার', first: 'MNMR/MINMR' },
  { latin: 'peskov', bengali: 'পেসকভ', first: 'PSKB/PESKB' },
  { latin: 'seoul', bengali: 'সিউল', first: 'SL/SEUL' },
  { latin: 'stoltenberg', bengali: 'স্টলটেনবার্গ', first: 'STLTNBRG/STLTENBERG' },
  { latin: 'nato', bengali: 'ন্যাটো', first: 'NT/NT' },
  { latin: 'sorkar', bengali: 'সরকার', first: 'SRKR/SRKR' },
  { latin: 'nirbachon', bengali: 'নির্বাচন', first: 'NRBCN/NIRBCN' },
  { latin: 'bolechen', bengali: 'বলেছেন', first: 'BLCN/BLECEN' },
].map((row) => ({ ...row, bengali: row.bengali.normalize('NFC') }))

/** Names whose Bengali form is not a transcription of the English one: a gazetteer's job (§4.5). */
const NOT_REACHED: ReadonlyArray<readonly [string, string]> = [
  ['macron', 'মাখোঁ'],
  ['chittagong', 'চট্টগ্রাম'],
].map(([latin, bengali]) => [latin ?? '', (bengali ?? '').normalize('NFC')] as const)

/** Smallest K1 distance from a reading of `latin` with the same K0 as `bengali` (Infinity if none). */
function bestDistance(latin: string, bengali: string): number {
  const target = bengaliKeys(bengali)
  const distances = latinKeys(latin).filter((key) => key.k0 === target.k0).map((key) => keyDistance(key.k1, target.k1))
  return Math.min(Number.POSITIVE_INFINITY, ...distances)
}

function reaches(latin: string, bengali: string): boolean {
  return bestDistance(latin, bengali) <= aliasThreshold(bengaliKeys(bengali).k0.length) + LATIN_EXTRA_DISTANCE
}

describe('latinKeys', () => {
  it.each(LATIN_CASES)('$rule: $word → $first', ({ word, first, also = [] }) => {
    const keys = shown(latinKeys(word))
    expect(keys[0]).toBe(first)
    for (const reading of also) expect(keys).toContain(reading)
  })

  it.each(REACHES)('$latin reaches $bengali', ({ latin, bengali, first }) => {
    if (first !== undefined) expect(shown(latinKeys(latin))[0]).toBe(first)
    expect(reaches(latin, bengali)).toBe(true)
  })

  it('ranks পুতিন far ahead of পতন for putin', () => {
    expect(bestDistance('putin', 'পুতিন'.normalize('NFC'))).toBe(0)
    expect(bestDistance('putin', 'পতন'.normalize('NFC'))).toBe(1) // beyond best + 0.5: dropped
  })

  it.each(NOT_REACHED)('%s does not reach %s without a gazetteer', (latin, bengali) => {
    expect(reaches(latin, bengali)).toBe(false)
  })

  it('gives no keys for a word with no letters, and ignores case and other characters', () => {
    expect(latinKeys('')).toEqual([])
    expect(latinKeys('123-!')).toEqual([])
    expect(latinKeys('Putin')).toEqual(latinKeys('putin'))
    expect(latinKeys("putin's")).toEqual(latinKeys('putins'))
  })

  it('keeps its tables in lower-case ASCII with key symbols only', () => {
    const raw = new RegExp(`^[${KEY_ALPHABET}a]*$`)
    for (const [spelling, alternatives] of LATIN_DIGRAPHS) {
      expect(spelling).toMatch(/^[a-z]+$/)
      for (const alternative of alternatives) expect(alternative).toMatch(raw)
    }
    for (const table of [LATIN_LETTER_CLASSES, LATIN_LETTER_NAMES]) {
      for (const [letter, key] of Object.entries(table)) {
        expect(letter).toMatch(/^[a-z]$/)
        expect(key).toMatch(raw)
      }
    }
  })

  const latinWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 24 })
  const alphabet = new RegExp(`^[${KEY_ALPHABET}]+$`)

  it('returns at most 8 distinct readings over the key alphabet, K0 being K1 without vowels', () => {
    fc.assert(
      fc.property(latinWord, (word) => {
        const keys = latinKeys(word)
        expect(keys.length).toBeLessThanOrEqual(MAX_LATIN_ALTERNATIVES)
        expect(new Set(shown(keys)).size).toBe(keys.length)
        expect(keys.length > 0).toBe(word.length > 0)
        for (const { k0, k1 } of keys) {
          expect(k1).toMatch(alphabet)
          expect(k1.replace(/[IUE]/g, '')).toBe(k0)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(Array.isArray(latinKeys(text))).toBe(true)
      }),
    )
  })
})

describe('isLatinWord', () => {
  it.each([
    ['putin', true],
    ['Putin', true],
    ['পুতিন', false],
    ['', false],
    ['putin2', false],
    ['kim-jong', false],
  ] as const)('%s → %s', (word, expected) => {
    expect(isLatinWord(word)).toBe(expected)
  })
})

describe('romanSuffixStrips', () => {
  it.each([
    ['bangladesher', ['bangladesh']], // -er
    ['britishder', ['british']], // -der hides -er and -r
    ['deshgulo', ['desh']], // -gulo
    ['putinke', ['putin']], // -ke
    ['dhakay', ['dhaka']], // -y after a vowel
    ['dhakar', ['dhaka']], // -r after a vowel
    ['bolechen', ['bol']], // -echen
    ['korte', ['kor']], // -te
    ['netara', ['neta']], // -ra
    ['ke', []], // nothing left
    ['tara', []], // the strip would leave two letters
    ['putin', []], // no ending
  ] as const)('%s → %j', (word, expected) => {
    expect(romanSuffixStrips(word)).toEqual(expected)
  })
})
