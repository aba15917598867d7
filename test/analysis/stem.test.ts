import { describe, expect, it } from 'vitest'
import { SUFFIX_RULES } from '../../src/analysis/data/suffixes.js'
import { countLetters, stem, stemCandidates } from '../../src/analysis/stem.js'

const nfc = (text: string) => text.normalize('NFC')

// [word, expected candidates]: one row per rule of the suffix table (its name in the comment).
const CASES: Array<[string, string[], string]> = [
  ['পুতিনের', ['পুতিন'], 'genitive -ের'],
  ['সময়ের', ['সময়'], 'genitive -ের after য়'],
  ['বইয়ের', ['বই', 'বইয়'], 'genitive -য়ের after a vowel letter, -ের as the other reading'],
  ['পিয়ংইয়ংয়ের', ['পিয়ংইয়ং', 'পিয়ংইয়ংয়'], 'genitive -য়ের after ং'],
  ['রাশিয়ার', ['রাশিয়া', 'রাশিয়ার'], 'weak genitive -র after a vowel sign'],
  ['টোকিওর', ['টোকিও', 'টোকিওর'], 'weak genitive -র after a vowel letter'],
  ['কোরিয়াকে', ['কোরিয়া', 'কোরিয়াক'], 'objective -কে, -ে as the other reading'],
  ['বৈঠকে', ['বৈঠ', 'বৈঠক'], 'ambiguous -কে / -ে: both stems'],
  ['জংকে', ['জং', 'জংক'], 'objective -কে after ং'],
  ['পুতিনসহ', ['পুতিন'], 'comitative -সহ'],
  ['ক্ষেপণাস্ত্রসহ', ['ক্ষেপণাস্ত্র'], 'comitative -সহ after a conjunct'],
  ['নেতারা', ['নেতা'], 'plural -রা'],
  ['শিক্ষার্থীরা', ['শিক্ষার্থী'], 'plural -রা after ী'],
  ['মেয়েরা', ['মেয়', 'মেয়ে'], 'plural -েরা after a consonant, -রা as the other reading'],
  ['দেশগুলোর', ['দেশ', 'দেশগুলো'], 'plural + case -গুলোর'],
  ['নেতাদেরকে', ['নেতা', 'নেতাদের'], 'plural + case -দেরকে'],
  ['ছাত্রটির', ['ছাত্র', 'ছাত্রটির'], 'weak classifier -টির'],
  ['কোরিয়াতে', ['কোরিয়া', 'কোরিয়াত'], 'locative -তে after য়া'],
  ['বাড়িতে', ['বাড়ি', 'বাড়িত'], 'locative -তে after ি'],
  ['ভারতে', ['ভারত', 'ভারতে'], 'locative -তে refused after a consonant; weak -ে instead'],
  ['হাতে', ['হাত', 'হাতে'], 'locative -তে refused after া'],
  ['ঢাকায়', ['ঢাকা', 'ঢাকায়'], 'weak locative -য় after া'],
  ['পিয়ংইয়ংয়ে', ['পিয়ংইয়ং', 'পিয়ংইয়ংয়ে'], 'weak locative -য়ে after ং'],
  ['বিষয়ে', ['বিষয়', 'বিষয়ে'], 'weak locative -ে after য়'],
  ['কোনো', ['কোন', 'কোনো'], 'weak o-kar variant'],
  ['ভালো', ['ভাল', 'ভালো'], 'weak o-kar variant'],
  ['পুতিনেরই', ['পুতিন'], 'emphatic -ই after a consonant, then -ের'],
  ['মাসেরও', ['মাস'], 'emphatic -ও, then -ের'],
  ['দেশেও', ['দেশ', 'দেশে'], 'emphatic -ও after ে'],
  ['কোনও', ['কোন'], 'emphatic -ও after a consonant'],
  ['বলেছেন', ['বল', 'বলে'], 'verb ending -েছেন'],
  ['করছেন', ['কর'], 'verb ending -ছেন'],
  ['বললেন', ['বল'], 'verb ending -লেন'],
  ['ইউক্রেনের', ['ইউক্রেন'], '-েন is never stripped'],
  ['ট্রেন', ['ট্রেন'], 'no rule for -েন'],
  ['দুবাই', ['দুবাই'], 'emphatic -ই refused after a vowel sign'],
  ['ভাই', ['ভাই'], 'emphatic -ই refused after া'],
  ['সবাই', ['সবাই'], 'emphatic -ই refused after া'],
  ['হয়', ['হয়'], 'guard: a stem keeps two letters'],
  ['নেই', ['নেই'], 'guard after the emphatic strip'],
]

describe('stemCandidates: one row per rule', () => {
  it.each(CASES)('%s → %j (%s)', (word, expected) => {
    expect(stemCandidates(nfc(word))).toEqual(expected.map(nfc))
  })

  it('covers every suffix rule of the table with at least one row', () => {
    const covered = new Set<string>()
    for (const [word] of CASES) {
      for (const rule of SUFFIX_RULES) if (nfc(word).endsWith(rule.suffix)) covered.add(rule.name)
    }
    const untested = [...new Set(SUFFIX_RULES.map((rule) => rule.name))].filter((name) => !covered.has(name))
    expect(untested).toEqual([])
  })

  it('keeps every table entry in NFC', () => {
    for (const rule of SUFFIX_RULES) expect(rule.suffix).toBe(rule.suffix.normalize('NFC'))
  })

  it('stem() returns the first candidate', () => {
    expect(stem(nfc('দেশগুলোর'))).toBe(nfc('দেশ'))
  })

  it('counts letters, not clusters, for the guard', () => {
    expect(countLetters(nfc('জং'))).toBe(2)
    expect(countLetters(nfc('ক্ষে'))).toBe(2)
    expect(countLetters(nfc('হা'))).toBe(1)
  })
})

// Known over-conflations, listed on purpose: a change here must be a deliberate one.
const KNOWN_CONFLATIONS: Array<[string, string, string, string]> = [
  ['সরকার', 'সরকা', 'সরকার', 'a word ending in -র after া also yields the stripped reading'],
  ['বৈঠকে', 'বৈঠ', 'বৈঠক', '-কে wins over -ে, leaving a non-word; the -ে reading is the second candidate'],
  ['মেয়ে', 'মেয়', 'মেয়ে', 'the noun মেয়ে loses its final -ে as if it were a locative'],
  ['কমিটি', 'কমি', 'কমিটি', 'the loanword কমিটি looks like a classifier -টি'],
]

describe('stemCandidates: documented over-conflations', () => {
  it.each(KNOWN_CONFLATIONS)('%s → %s / %s (%s)', (word, conflated, kept) => {
    expect(stemCandidates(nfc(word))).toEqual([nfc(conflated), nfc(kept)])
  })
})
