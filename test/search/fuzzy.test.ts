import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { SearchIndex } from '../../src/index.js'
import { BENGALI_TYPO_BUDGET, clustersOf, keyNeighbours, typoBudget } from '../../src/search/fuzzy.js'
import { typoDistance, typoUnits } from '../../src/search/typo-distance.js'
import { INDEL_CLASSES, SUBSTITUTION_CLASSES } from '../../src/search/typo-costs.js'

const distance = (a: string, b: string, max = 4) => typoDistance(typoUnits(a), typoUnits(b), max)

// [rule, typed, meant, expected distance]: one row per rule of typo-costs.ts, with a real slip
const RULE_CASES: Array<[string, string, string, number]> = [
  ['i-length', 'বীন্দু', 'বিন্দু', 0.25],
  ['u-length', 'গূষ্টি', 'গুষ্টি', 0.25],
  ['independent-i-length', 'ঈদানীং', 'ইদানীং', 0.25],
  ['independent-u-length', 'ঊর্মি', 'উর্মি', 0.25],
  ['e-oi', 'হাঁটৈ', 'হাঁটে', 0.5],
  ['o-ou', 'গৌপন', 'গোপন', 0.5],
  ['independent-e-oi', 'ঐক', 'এক', 0.5],
  ['independent-o-ou', 'ঔষুধ', 'ওষুধ', 0.5],
  ['aspiration-k', 'সকলখে', 'সকলকে', 0.5],
  ['aspiration-g', 'নঘরে', 'নগরে', 0.5],
  ['aspiration-c', 'ছাকা', 'চাকা', 0.5],
  ['aspiration-j', 'ঝল', 'জল', 0.5],
  ['aspiration-tt', 'সময়ঠা', 'সময়টা', 0.5],
  ['aspiration-dd', 'ঢাল', 'ডাল', 0.5],
  ['aspiration-t', 'অর্তে', 'অর্থে', 0.5],
  ['aspiration-d', 'ধাম', 'দাম', 0.5],
  ['aspiration-p', 'ফাতা', 'পাতা', 0.5],
  ['aspiration-b', 'দিভস', 'দিবস', 0.5],
  ['dental-retroflex-t', 'ইন্তারনেট', 'ইন্টারনেট', 0.5],
  ['dental-retroflex-th', 'ঠাকা', 'থাকা', 0.5],
  ['dental-retroflex-d', 'দাক', 'ডাক', 0.5],
  ['dental-retroflex-dh', 'ঢরা', 'ধরা', 0.5],
  ['ja-ya', 'জাবো', 'যাবো', 0.5],
  ['ra-rra', 'উজার', 'উজাড়', 0.5],
  ['na-nna', 'আসুণ', 'আসুন', 0.25],
  ['sibilants', 'সহর', 'শহর', 0.25],
  ['anusvara-nga', 'রঙ', 'রং', 0.25],
  ['ya-glide', 'যাবে', 'য়াবে', 0.5],
  ['ya-glide-dropped', 'দেওা', 'দেওয়া', 0.5],
  ['vowel-sign', 'থকেনি', 'থাকেনি', 0.5],
  ['chandrabindu', 'ডেকেঁ', 'ডেকে', 0.25],
  ['anusvara-visarga', 'দুখ', 'দুঃখ', 0.5],
  ['virama', 'শকতি', 'শক্তি', 0.5],
  ['phala', 'স্বাস্থ', 'স্বাস্থ্য', 1],
  ['gemination', 'সেস্সব', 'সেসব', 1],
  ['conjunct-swap', 'স্থায়িব্ত', 'স্থায়িত্ব', 0.5],
  ['cluster-swap', 'ভালসাবার', 'ভালবাসার', 1],
  ['cluster-repeat', 'পাথথর', 'পাথর', 0.5],
  ['other-consonant', 'ইউক্রেম', 'ইউক্রেন', 1],
  ['other-vowel', 'সিউলর', 'সিউলের', 0.5],
]

describe('typoDistance: one row per typo rule', () => {
  it.each(RULE_CASES)('%s: %s ~ %s = %d', (_rule, typed, meant, expected) => {
    expect(distance(typed, meant)).toBeCloseTo(expected, 12)
    expect(distance(meant, typed)).toBeCloseTo(expected, 12)
  })

  it('has a row for every rule of the cost tables', () => {
    const covered = new Set(RULE_CASES.map(([rule]) => rule))
    for (const { rule } of [...SUBSTITUTION_CLASSES, ...INDEL_CLASSES]) expect(covered, rule).toContain(rule)
  })

  it('stops early above the limit', () => {
    expect(distance('কখগঘ', 'চছজঝ', 1)).toBeGreaterThan(1)
    expect(distance('ক', 'কখগঘঙচছ', 1)).toBeGreaterThan(1)
  })
})

const bengaliUnit = fc.constantFrom(...'কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশষসহািীুূেৈোৌ্ংঁ')
const bengaliText = fc.array(bengaliUnit, { minLength: 1, maxLength: 8 }).map((units) => units.join(''))

describe('typoDistance: properties', () => {
  it('is 0 for the same word, symmetric, and at most the plain edit distance over units', () => {
    fc.assert(
      fc.property(bengaliText, bengaliText, (a, b) => {
        expect(distance(a, a, 100)).toBe(0)
        const ab = distance(a, b, 100)
        expect(ab).toBeCloseTo(distance(b, a, 100), 12)
        expect(ab).toBeLessThanOrEqual(levenshtein([...a], [...b]) + 1e-9)
        if (a !== b) expect(ab).toBeGreaterThan(0)
      }),
    )
  })
})

function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = current
  }
  return previous[b.length] as number
}

describe('keyNeighbours', () => {
  it('swaps neighbours and drops repeated parts; one edit away keeps the first symbol', () => {
    expect(keyNeighbours('KRN', false).sort()).toEqual(['KNR', 'KRN', 'RKN'])
    expect(keyNeighbours('PTPT', false)).toContain('PT')
    const oneEdit = keyNeighbours('KRN', true)
    for (const key of ['KN', 'KR', 'KRNM', 'KMN', 'KRM']) expect(oneEdit).toContain(key)
    expect(oneEdit).not.toContain('RN')
    expect(oneEdit.every((key) => key.startsWith('K') || key === 'RKN')).toBe(true)
  })
})

describe('typoBudget', () => {
  it.each([
    [1, true, 0],
    [2, true, 0.5],
    [3, true, 1],
    [4, true, 1],
    [5, true, 1.5],
    [9, true, 2],
    [30, true, 2],
    [4, false, 0],
    [5, false, 1],
    [9, false, 2],
  ])('%d clusters (Bengali: %s) → %d', (clusters, bengali, budget) => {
    expect(typoBudget(clusters, bengali)).toBe(budget)
  })

  it('never shrinks as words grow', () => {
    for (let i = 1; i < BENGALI_TYPO_BUDGET.length; i++) expect(BENGALI_TYPO_BUDGET[i]).toBeGreaterThanOrEqual(BENGALI_TYPO_BUDGET[i - 1] as number)
  })
})

describe('typo tolerance in search', () => {
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll([
    { id: 'ua', text: 'ইউক্রেন যুদ্ধ নিয়ে সিউলের বৈঠকে আলোচনা হয়েছে' },
    { id: 'ua2', text: 'ইউক্রেনের শস্য রপ্তানি' },
    { id: 'other', text: 'ইউরোপের বাজারে দাম বেড়েছে' },
    { id: 'rare', text: 'কোরিয়ার রাজধানী সিউল' },
  ])

  it('finds a 4-cluster name with one wrong consonant, and its inflections', () => {
    const hits = index.search('ইউক্রেম')
    expect(hits.map((hit) => hit.id).sort()).toEqual(['ua', 'ua2'])
    expect(hits[0]?.match[0]?.kind).toBe('fuzzy')
  })

  it('finds a word with a vowel sign left out', () => {
    expect(index.search('সিউলর').map((hit) => hit.id)).toContain('ua')
  })

  it('does not correct a word some document holds, nor correct with fuzzy: false', () => {
    expect(index.search('সিউল').map((hit) => hit.id)).toEqual(['rare', 'ua'])
    expect(index.search('ইউক্রেম', { fuzzy: false })).toEqual([])
  })

  it('lets a 2-cluster word take one cheap slip only', () => {
    const small = new SearchIndex({ fields: ['text'] })
    small.addAll([
      { id: 'dam', text: 'দাম' },
      { id: 'jam', text: 'জাম' },
    ])
    expect(small.search('ধাম').map((hit) => hit.id)).toEqual(['dam']) // দ/ধ: half an edit
    expect(small.search('বাম').map((hit) => hit.id)).toEqual([]) // an unrelated consonant: a full edit
  })
})

describe('clustersOf: the clusters the bigram index reads', () => {
  it('equals the segmenter on any text (plain ASCII split by character, the rest segmented)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcxyzAZ09-_.\'!~'), maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    )
    fc.assert(
      fc.property(text, (s) => {
        expect(clustersOf(s)).toEqual([...collectGraphemes(s)])
      }),
      { numRuns: 500 },
    )
  })
})
