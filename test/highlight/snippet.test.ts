import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/analysis/normalize.js'
import { forEachWord, tokenize, wordTerm } from '../../src/analysis/tokenize.js'
import { makeSnippet, resolveHighlight } from '../../src/highlight/snippet.js'
import { NO_KEY, prefilterFor, wordKey } from '../../src/highlight/word-key.js'
import { bengaliText } from '../helpers/arbitraries.js'
import { ORACLE_WORDS, fuzzText, oracleText } from '../helpers/fuzz-arbitraries.js'
import { referenceSnippet } from '../helpers/reference-snippet.js'

const key = (word: string): number => wordKey(word, 0, word.length)

/** Every word of a text with its canonical term and its raw offsets. */
function wordsOf(text: string): { start: number; termEnd: number; term: string }[] {
  const words: { start: number; termEnd: number; term: string }[] = []
  forEachWord(text, (start, termEnd, _end, script) => {
    words.push({ start, termEnd, term: wordTerm(text.slice(start, termEnd), script) })
  })
  return words
}

/** A set of canonical terms: some of the text's own words, some oracle words, some random Bengali. */
const termsFor = (text: string): fc.Arbitrary<Set<string>> =>
  fc
    .tuple(
      fc.subarray(tokenize(text).map((token) => token.term)),
      fc.subarray([...ORACLE_WORDS]),
      fc.array(bengaliText(8), { maxLength: 2 }),
    )
    .map(([own, oracle, random]) => new Set([...own, ...[...oracle, ...random].map((word) => normalize(word))]))

const highlight = fc.record({
  length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 400 })),
  escapeHtml: fc.boolean(),
})

describe('word keys', () => {
  it.each([
    ['precomposed য় and base + nukta', 'রাশি\u09dfার', 'রাশিয়ার'],
    ['decomposed ো (ে + া) and the precomposed sign', 'ভ্লাদিভ\u09c7\u09beস্টক', 'ভ্লাদিভোস্টক'],
    ['legacy khanda ta (ত + virama + ZWJ) and ৎ', 'উত\u09cd\u200dসব', 'উৎসব'],
    ['ZWNJ inside a word', 'পুতি\u200cনের', 'পুতিনের'],
    ['অ + া and আ', 'অামার', 'আমার'],
    ['candrabindu before the vowel sign', 'চ\u0981াদ', 'চাঁদ'],
    ['an apostrophe before a suffix', "বিএনপি'র", 'বিএনপির'],
    ['a colon inside a word and visarga', 'দু:খ', 'দুঃখ'],
    ['Bengali digits with a thousands separator and ASCII digits', '১,২৫০', '1250'],
    ['upper-case Latin and lower case', 'PUTIN', 'putin'],
  ])('%s share a key', (_rule, raw, term) => {
    expect(key(raw)).not.toBe(NO_KEY)
    expect(key(raw)).toBe(key(term))
  })

  it('words with different letters have different keys (the prefilter filters)', () => {
    const keys = new Set(['পুতিনের', 'রাশিয়ার', 'বৈঠক', 'কিম', 'সফর', '2019', 'putin'].map(key))
    expect(keys.size).toBe(7)
    const passes = prefilterFor(['পুতিনের'])
    const text = 'রাশিয়ার প্রেসিডেন্ট পুতিনের সঙ্গে বৈঠক'
    expect(wordsOf(text).filter((word) => passes(text, word.start, word.termEnd)).map((word) => word.term)).toEqual(['পুতিনের'])
  })

  it('a word with a character outside the skeleton has no key, and always passes', () => {
    expect(key('éclair')).toBe(NO_KEY)
    expect(key('e\u0301clair')).toBe(NO_KEY)
    expect(prefilterFor(['putin'])('Ärger', 0, 5)).toBe(true)
  })

  it('a raw word and its canonical term have the same key (random Bengali-heavy strings)', () => {
    fc.assert(
      fc.property(fc.oneof(bengaliText(24), fuzzText(6)), (raw) => {
        const rawKey = key(raw)
        if (rawKey !== NO_KEY) expect(key(normalize(raw))).toBe(rawKey)
      }),
      { numRuns: 2000 },
    )
  })

  it('the prefilter lets through every word whose term is one of the terms', () => {
    fc.assert(
      fc.property(
        fuzzText(24).chain((text) => fc.tuple(fc.constant(text), termsFor(text))),
        ([text, terms]) => {
          const passes = prefilterFor(terms)
          const matched = wordsOf(text).filter((word) => terms.has(word.term))
          const kept = wordsOf(text).filter((word) => passes(text, word.start, word.termEnd) && terms.has(word.term))
          expect(kept).toEqual(matched)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('makeSnippet', () => {
  const marked = resolveHighlight({ open: '[', close: ']', escapeHtml: false, length: 40 })
  // [case, text, terms, expected snippet]
  const CASES: Array<[string, string, string[], string | undefined]> = [
    ['a precomposed য় in the text', 'রাশি\u09dfার নেতা', ['রাশিয়ার'], '[রাশি\u09dfার] নেতা'],
    ['a decomposed ো in the text', 'ভ্লাদিভ\u09c7\u09beস্টক শহর', ['ভ্লাদিভোস্টক'], '[ভ্লাদিভ\u09c7\u09beস্টক] শহর'],
    ['legacy khanda ta with ZWJ', 'উত\u09cd\u200dসব ও মেলা', ['উৎসব'], '[উত\u09cd\u200dসব] ও মেলা'],
    ['ZWNJ inside a word', 'পুতি\u200cনের সফর', ['পুতিনের'], '[পুতি\u200cনের] সফর'],
    ['Latin in upper case', 'PUTIN met Kim', ['putin', 'kim'], '[PUTIN] met [Kim]'],
    ['accented Latin (no key: checked in full)', 'Ärger und éclair', ['ärger', 'éclair'], '[Ärger] und [éclair]'],
    ['Bengali digits and a number with a separator', '২০১৯ সালে ১,২৫০ টাকা', ['2019', '1250'], '[২০১৯] সালে [১,২৫০] টাকা'],
    ['a clitic joined to a number is marked with it', '২০২৩-এর নির্বাচন', ['2023'], '[২০২৩-এর] নির্বাচন'],
    ['a match at the very end of a long text', `${'কথা '.repeat(30)}পুতিনের`, ['পুতিনের'], `…${'কথা '.repeat(2)}[পুতিনের]`],
    ['a match at the very start of a long text', `পুতিনের ${'কথা '.repeat(30)}`, ['পুতিনের'], `[পুতিনের] ${'কথা '.repeat(7)}কথা…`],
    ['no word matches', 'রাশিয়ার প্রেসিডেন্ট', ['পুতিনের'], undefined],
    ['a word longer than the window is still marked', 'ভ্লাদিভোস্টক', ['ভ্লাদিভোস্টক'], '[ভ্লাদিভোস্টক]'],
  ]
  it.each(CASES)('%s', (_case, text, terms, expected) => {
    const set = new Set(terms)
    expect(makeSnippet(text, set, marked)).toBe(expected)
    expect(makeSnippet(text, { has: (term) => set.has(term) }, marked)).toBe(expected)
    expect(referenceSnippet(text, set, marked)).toBe(expected)
  })

  it('gives the same snippet as the reference (every word normalised) on random text, terms and options', () => {
    fc.assert(
      fc.property(
        fc.oneof(fuzzText(30), oracleText).chain((text) => fc.tuple(fc.constant(text), termsFor(text), highlight)),
        ([text, terms, options]) => {
          const resolved = resolveHighlight(options)
          const expected = referenceSnippet(text, terms, resolved)
          expect(makeSnippet(text, terms, resolved)).toBe(expected)
          expect(makeSnippet(text, { has: (term) => terms.has(term) }, resolved)).toBe(expected)
        },
      ),
      { numRuns: 700 },
    )
  })

  it('gives the same snippet as the reference past the hit limit (long texts of few words)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ORACLE_WORDS), { minLength: 40, maxLength: 140 }).map((words) => words.join(' ')),
        fc.subarray([...ORACLE_WORDS], { minLength: 1 }),
        highlight,
        (text, words, options) => {
          const terms = new Set(words.map((word) => tokenize(word)[0]?.term ?? ''))
          const resolved = resolveHighlight(options)
          expect(makeSnippet(text, terms, resolved)).toBe(referenceSnippet(text, terms, resolved))
        },
      ),
      { numRuns: 200 },
    )
  })
})
