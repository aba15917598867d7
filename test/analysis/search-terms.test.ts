import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError } from '../../src/errors.js'
import { canonicalTerm, canonicalTerms, forEachWordTerms, prefixTerms, type WordTerms } from '../../src/analysis/search-terms.js'
import { foldedStems } from '../../src/analysis/analyze.js'
import { tokenize } from '../../src/analysis/tokenize.js'
import { bengaliText, wordText } from '../helpers/arbitraries.js'

const nfc = (text: string) => text.normalize('NFC')

// [what, word as tokenize returns it, canonical term]
const CANONICAL: Array<[string, string, string]> = [
  ['genitive stripped', 'পুতিনের', 'পুতিন'],
  ['a base form is its own term', 'পুতিন', 'পুতিন'],
  ['plural and genitive stripped', 'দেশগুলোর', 'দেশ'],
  ['ambiguous strip: the more stripped candidate', 'রাশিয়ার', 'রাশিয়া'],
  ['folded after stemming', 'সরকারী', 'সরকারি'],
  ['folded and stemmed', 'শ্রেণীর', 'শ্রেনি'],
  ['numbers unchanged', '2019', '2019'],
  ['Latin words unchanged', 'putin', 'putin'],
]

describe('canonicalTerm: one term per word', () => {
  it.each(CANONICAL)('%s: %s → %s', (_what, word, expected) => {
    expect(canonicalTerm(nfc(word))).toBe(nfc(expected))
  })

  it('is the first folded stem candidate of a Bengali word (no rule of its own)', () => {
    for (const word of ['বৈঠকে', 'মস্কোর', 'নেতারা', 'সঙ্গীতের', 'কার্য্যের']) {
      expect(canonicalTerm(nfc(word))).toBe(foldedStems(nfc(word))[0])
    }
  })

  it('refuses a non-string with a typed error', () => {
    expect(() => canonicalTerm(42 as unknown as string)).toThrow(BanglaSearchError)
  })
})

describe('canonicalTerms: a text to terms', () => {
  it('gives one term per word, in order, digits folded', () => {
    expect(canonicalTerms('পুতিনের সঙ্গে ২০১৯ সালে')).toEqual(['পুতিন', 'সংগ', '2019', 'সাল'].map(nfc))
  })

  it('drops stopwords on request, never by default', () => {
    expect(canonicalTerms('পুতিন এবং কিম')).toHaveLength(3)
    expect(canonicalTerms('পুতিন এবং কিম', { stopwords: 'drop' })).toEqual(['পুতিন', 'কিম'].map(nfc))
  })

  it('keeps the stopwords of a text made of nothing else', () => {
    expect(canonicalTerms('এবং থেকে', { stopwords: 'drop' })).toEqual(canonicalTerms('এবং থেকে'))
    expect(canonicalTerms('এবং থেকে', { stopwords: 'drop' })).toHaveLength(2)
  })

  it('does not depend on the Unicode normal form of the text', () => {
    fc.assert(
      fc.property(fc.oneof(bengaliText(40), wordText), (text) => {
        expect(canonicalTerms(text.normalize('NFD'))).toEqual(canonicalTerms(text))
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same terms for Bengali and ASCII digits', () => {
    expect(canonicalTerms('১২ বছর, ২০১৯ সালে')).toEqual(canonicalTerms('12 বছর, 2019 সালে'))
  })

  it('gives a term for every word of a text, and a term is never empty', () => {
    fc.assert(
      fc.property(bengaliText(40), (text) => {
        const terms = canonicalTerms(text)
        expect(terms).toHaveLength(tokenize(text).length)
        for (const term of terms) expect(term.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})

describe('forEachWordTerms and prefixTerms', () => {
  const words = (text: string) => {
    const found: Array<[WordTerms, number, number]> = []
    forEachWordTerms(text, (word, start, end) => found.push([word, start, end]))
    return found
  }

  it('gives each word, then its canonical term when that differs, with offsets in the text', () => {
    const text = `ঢাকায় ${'পুতিনের'.normalize('NFD')} ২০১৯`
    expect(words(text).map(([word, start, end]) => [word.exactAndCanonical, text.slice(start, end)])).toEqual([
      [['ঢাকায়', 'ঢাকা'].map(nfc), 'ঢাকায়'],
      [['পুতিনের', 'পুতিন'].map(nfc), 'পুতিনের'.normalize('NFD')],
      [['2019'], '২০১৯'],
    ])
  })

  it('agrees with tokenize on every word and offset', () => {
    fc.assert(
      fc.property(fc.oneof(bengaliText(40), wordText), (text) => {
        const ours = words(text).map(([word, start, end]) => [word.term, start, end, word.canonical])
        const theirs = tokenize(text).map((token) => [token.term, token.start, token.end, canonicalTerm(token.term, token.script)])
        expect(ours).toEqual(theirs)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses a non-string with a typed error', () => {
    expect(() => forEachWordTerms(undefined as unknown as string, () => {})).toThrow(/INVALID_ARGUMENT/)
  })

  it('folds a prefix but never stems it', () => {
    expect(prefixTerms(nfc('সরকারী'))).toEqual(['সরকারী', 'সরকারি'].map(nfc))
    expect(prefixTerms(nfc('পুতিনে'))).toEqual([nfc('পুতিনে')])
  })
})
