import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BENGALI_KEY_RULES,
  CONSONANT_CLASSES,
  KEY_ALPHABET,
  NUKTA_CLASSES,
  SYLLABIC_CLASSES,
  VOWEL_CLASSES,
  aliasThreshold,
  bengaliKeys,
  keyDistance,
  type BengaliKeyRule,
} from '../../src/analysis/alias-keys.js'

/** Test words are typed in NFC (nukta letters decomposed), as the analysis chain delivers them. */
const nfc = (word: string): string => word.normalize('NFC')

/** One row per rule: word → expected K0 and K1. */
const KEY_CASES: ReadonlyArray<{ rule: BengaliKeyRule; word: string; k0: string; k1: string }> = [
  { rule: 'consonant-class', word: nfc('মাষ্টার'), k0: 'MSTR', k1: 'MSTR' },
  { rule: 'consonant-class', word: nfc('ভ্লাদিভোস্টক'), k0: 'BLDBSTK', k1: 'BLDIBSTK' },
  { rule: 'consonant-class', word: nfc('ঘটনা'), k0: 'GTN', k1: 'GTN' },
  { rule: 'consonant-class', word: nfc('ফণী'), k0: 'FN', k1: 'FNI' },
  { rule: 'consonant-class', word: nfc('বাংলাদেশ'), k0: 'BQLDS', k1: 'BQLDES' },
  { rule: 'consonant-class', word: nfc('বিদ্যুৎ'), k0: 'BDT', k1: 'BIDUT' },
  { rule: 'vowel-class', word: nfc('পুতিন'), k0: 'PTN', k1: 'PUTIN' },
  { rule: 'vowel-class', word: nfc('কোনো'), k0: 'KN', k1: 'KN' },
  { rule: 'vowel-class', word: nfc('সরকারী'), k0: 'SRKR', k1: 'SRKRI' },
  { rule: 'vowel-class', word: nfc('বৈঠক'), k0: 'BTK', k1: 'BETK' },
  { rule: 'initial-vowel', word: nfc('ইউক্রেন'), k0: 'VKRN', k1: 'VKREN' },
  { rule: 'initial-vowel', word: nfc('ওয়াশিংটন'), k0: 'VSQTN', k1: 'VSIQTN' },
  { rule: 'initial-vowel', word: nfc('অ্যাপল'), k0: 'VPL', k1: 'VPL' },
  { rule: 'initial-vowel', word: nfc('এ'), k0: 'V', k1: 'V' },
  { rule: 'vowel-repeat', word: nfc('কিইভ'), k0: 'KB', k1: 'KIB' },
  { rule: 'vowel-repeat', word: nfc('রাশিয়াই'), k0: 'RS', k1: 'RSI' },
  { rule: 'geminate', word: nfc('সত্তর'), k0: 'STR', k1: 'STR' },
  { rule: 'geminate', word: nfc('যুদ্ধ'), k0: 'JD', k1: 'JUD' },
  { rule: 'geminate', word: nfc('কার্য্য'), k0: 'KRJ', k1: 'KRJ' },
  { rule: 'geminate', word: nfc('কাকা'), k0: 'KK', k1: 'KK' }, // across a vowel: kept
  { rule: 'nga-ga', word: nfc('সঙ্গীত'), k0: 'SQT', k1: 'SQIT' },
  { rule: 'nga-ga', word: nfc('সংগীত'), k0: 'SQT', k1: 'SQIT' },
  { rule: 'nga-ga', word: nfc('অঙ্ক'), k0: 'VQK', k1: 'VQK' }, // ঙ্ক keeps K
  { rule: 'kssa', word: nfc('ক্ষেত'), k0: 'KT', k1: 'KET' },
  { rule: 'kssa', word: nfc('শিক্ষক'), k0: 'SKK', k1: 'SIKK' },
  { rule: 'kssa', word: nfc('লক্ষ্মী'), k0: 'LKM', k1: 'LKMI' },
  { rule: 'jnya', word: nfc('জ্ঞান'), k0: 'GN', k1: 'GN' },
  { rule: 'jnya', word: nfc('বিজ্ঞান'), k0: 'BGN', k1: 'BIGN' },
  { rule: 'ya-phala', word: nfc('বিদ্যা'), k0: 'BD', k1: 'BID' },
  { rule: 'ya-phala', word: nfc('ব্যবসা'), k0: 'BBS', k1: 'BBS' },
  { rule: 'ya-phala-aa', word: nfc('ন্যাটো'), k0: 'NT', k1: 'NET' },
  { rule: 'ya-phala-aa', word: nfc('ব্যাংক'), k0: 'BQK', k1: 'BEQK' },
  { rule: 'ya-phala-aa', word: nfc('র্যাব'), k0: 'RB', k1: 'REB' },
  { rule: 'ha-ya', word: nfc('সহ্য'), k0: 'SJ', k1: 'SJ' },
  { rule: 'ha-ya', word: nfc('ঐতিহ্য'), k0: 'VTJ', k1: 'VTIJ' },
  { rule: 'reph', word: nfc('কার্য'), k0: 'KRJ', k1: 'KRJ' },
  { rule: 'reph', word: nfc('পর্যায়'), k0: 'PRJ', k1: 'PRJ' },
  { rule: 'reph', word: nfc('নির্বাচন'), k0: 'NRBCN', k1: 'NIRBCN' },
  { rule: 'ba-phala', word: nfc('বিশ্ব'), k0: 'BS', k1: 'BIS' },
  { rule: 'ba-phala', word: nfc('স্বাধীন'), k0: 'SDN', k1: 'SDIN' },
  { rule: 'ba-phala', word: nfc('নভেম্বর'), k0: 'NBMBR', k1: 'NBEMBR' },
  { rule: 'nukta', word: nfc('পিয়ংইয়াং'), k0: 'PQQ', k1: 'PIQIQ' },
  { rule: 'nukta', word: nfc('বড়'), k0: 'BR', k1: 'BR' },
  { rule: 'nukta', word: nfc('আষাঢ়'), k0: 'VSR', k1: 'VSR' },
  { rule: 'syllabic-r', word: nfc('কৃষি'), k0: 'KRS', k1: 'KRISI' },
  { rule: 'syllabic-r', word: nfc('ঋণ'), k0: 'RN', k1: 'RIN' },
  { rule: 'silent-mark', word: nfc('দুঃখ'), k0: 'DK', k1: 'DUK' },
  { rule: 'silent-mark', word: nfc('চাঁদ'), k0: 'CD', k1: 'CD' },
  { rule: 'silent-mark', word: 'putin 2024', k0: '', k1: '' },
]

/** Pairs that must get the same K0 and K1 (docs/bengali-text.md §8.3). */
const SAME_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['ভ্লাদিভস্তক', 'ভ্লাদিভোস্টক'],
  ['মহামারি', 'মহামারী'],
  ['কোনো', 'কোনও'],
  ['সরকারি', 'সরকারী'],
  ['পিয়ংইয়ং', 'পিয়ংইয়াং'],
  ['মাস্টার', 'মাষ্টার'],
  ['উৎসব', 'উত্সব'],
  ['জেলেনস্কি', 'জেলেনস্কী'],
  ['বাংলাদেশ', 'বাঙলাদেশ'],
  ['ক্ষেত', 'খেত'],
  ['ন্যাটো', 'নেটো'],
  ['সংগীত', 'সঙ্গীত'],
].map(([a, b]) => [nfc(a ?? ''), nfc(b ?? '')] as const)

/** Pairs that must alias: same K0 and K1 distance within the threshold (§8.3). */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['মিয়ানমার', 'মায়ানমার'],
  ['ইসরায়েল', 'ইসরাইল'],
  ['দমিত্রি', 'দিমিত্রি'],
  ['সেরগেই', 'সের্গেই'],
  ['ইকনমিক', 'ইকোনমিক'],
  ['পিয়ংইয়ং', 'পিয়ংয়াং'],
  ...SAME_KEYS,
].map(([a, b]) => [nfc(a ?? ''), nfc(b ?? '')] as const)

/** Pairs that must not alias. */
const NOT_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['পুতিন', 'পতন'],
  ['হোয়াইট', 'হুয়াইট'], // short key: K1 must be equal
  ['হাউজ', 'হাউস'], // J and S are not merged
].map(([a, b]) => [nfc(a ?? ''), nfc(b ?? '')] as const)

function isAlias(a: string, b: string): boolean {
  const [x, y] = [bengaliKeys(a), bengaliKeys(b)]
  return x.k0 === y.k0 && keyDistance(x.k1, y.k1) <= aliasThreshold(x.k0.length)
}

describe('bengaliKeys', () => {
  it.each(KEY_CASES)('$rule: $word → $k0 / $k1', ({ word, k0, k1 }) => {
    expect(bengaliKeys(word)).toEqual({ k0, k1 })
  })

  it('has a test row for every rule', () => {
    expect(new Set(KEY_CASES.map((row) => row.rule))).toEqual(new Set(Object.keys(BENGALI_KEY_RULES)))
  })

  it.each(SAME_KEYS)('%s and %s get the same keys', (a, b) => {
    expect(bengaliKeys(a)).toEqual(bengaliKeys(b))
  })

  it('reads precomposed nukta letters (not NFC) like the decomposed ones', () => {
    expect(bengaliKeys('পিয়ংইয়াং'.replace(/\u09AF\u09BC/g, '\u09DF'))).toEqual(bengaliKeys(nfc('পিয়ংইয়াং')))
    expect(bengaliKeys('বড়'.replace(/\u09A1\u09BC/g, '\u09DC'))).toEqual({ k0: 'BR', k1: 'BR' })
  })

  it('keeps its tables in NFC and its symbols in the key alphabet', () => {
    for (const table of [CONSONANT_CLASSES, SYLLABIC_CLASSES, VOWEL_CLASSES, NUKTA_CLASSES]) {
      for (const [symbol, letters] of Object.entries(table)) {
        expect(letters.normalize('NFC')).toBe(letters)
        expect(symbol === 'A' || symbol.length <= 1).toBe(true)
        if (symbol !== 'A' && table !== NUKTA_CLASSES) expect(KEY_ALPHABET).toContain(symbol)
      }
    }
  })
})

describe('alias matching', () => {
  it.each(ALIASES)('%s ~ %s', (a, b) => {
    expect(isAlias(a, b)).toBe(true)
  })

  it.each(NOT_ALIASES)('%s ≁ %s', (a, b) => {
    expect(isAlias(a, b)).toBe(false)
  })

  it('keeps পুতিন and পতন apart by the K1 distance alone', () => {
    const [putin, potan] = [bengaliKeys(nfc('পুতিন')), bengaliKeys(nfc('পতন'))]
    expect(putin.k0).toBe(potan.k0)
    expect(keyDistance(putin.k1, potan.k1)).toBeGreaterThan(aliasThreshold(putin.k0.length))
  })
})

describe('keyDistance', () => {
  it.each([
    ['PUTIN', 'PTN', 1],
    ['MINMR', 'MNMR', 0.5],
    ['VSREL', 'VSRIL', 0.5],
    ['TRUMP', 'TRMP', 0.5],
    ['PTN', 'PDN', 1],
    ['PTN', 'PIN', 1],
    ['VSL', 'SL', 1],
    ['', 'KIT', 2.5],
    ['BLDIBSTK', 'BLDIBSTK', 0],
  ] as const)('%s ↔ %s = %d', (a, b, expected) => {
    expect(keyDistance(a, b)).toBe(expected)
    expect(keyDistance(b, a)).toBe(expected)
  })

  it('returns more than the bound as soon as the bound is exceeded', () => {
    expect(keyDistance('BLDIBSTK', 'PQQ', 1)).toBeGreaterThan(1)
    expect(keyDistance('KIT', 'KT', 1)).toBe(0.5)
  })

  const key = fc.string({ unit: fc.constantFrom(...KEY_ALPHABET), maxLength: 10 })

  it('is symmetric, zero only on equal keys, and the bounded form agrees within the bound', () => {
    fc.assert(
      fc.property(key, key, fc.constantFrom(0, 0.5, 1, 2), (a, b, max) => {
        const distance = keyDistance(a, b)
        expect(keyDistance(b, a)).toBe(distance)
        expect(distance === 0).toBe(a === b)
        const bounded = keyDistance(a, b, max)
        if (distance <= max) expect(bounded).toBe(distance)
        else expect(bounded).toBeGreaterThan(max)
      }),
    )
  })
})

describe('aliasThreshold', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0.5],
    [4, 0.5],
    [5, 1],
    [12, 1],
  ])('K0 of %d symbols → %d', (length, threshold) => {
    expect(aliasThreshold(length)).toBe(threshold)
  })
})

describe('bengaliKeys on arbitrary input', () => {
  const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code))
  const unit = fc.oneof(
    codePoint(0x0980, 0x09ff), // the Bengali block, marks and unassigned points included
    codePoint(0xd800, 0xdfff), // lone surrogates
    fc.constantFrom('\u200c', '\u200d', '\u09cd', '\u09bc', 'a', ' '),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  )
  const anyText = fc.string({ unit, maxLength: 40 })
  const alphabet = new RegExp(`^[${KEY_ALPHABET}]*$`)

  it('never throws, is deterministic and writes only key symbols', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const keys = bengaliKeys(text)
        expect(bengaliKeys(text)).toEqual(keys)
        expect(keys.k0).toMatch(alphabet)
        expect(keys.k1).toMatch(alphabet)
      }),
      { numRuns: 2000 },
    )
  })

  it('K0 is K1 without vowel classes, and K1 never repeats a vowel class', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { k0, k1 } = bengaliKeys(text)
        expect(k1.replace(/[IUE]/g, '')).toBe(k0)
        expect(k1).not.toMatch(/([IUE])\1/)
      }),
      { numRuns: 2000 },
    )
  })
})
