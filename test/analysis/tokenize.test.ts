import fc from 'fast-check'
import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../src/analysis/tokenize.js'
import { anyText, bengaliText } from '../helpers/arbitraries.js'

const terms = (text: string) => tokenize(text).map((token) => token.term)

// One row per rule: [rule, input, expected terms].
const RULES: Array<[string, string, string[]]> = [
  ['words split at spaces and the danda, never at vowel signs or virama', 'রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে বৈঠকে।', ['রাশিয়ার', 'প্রেসিডেন্ট', 'ভ্লাদিমির', 'পুতিনের', 'সঙ্গে', 'বৈঠকে']],
  ['৷ used as a danda separates, abbreviation point separates', 'ড. মুহাম্মদ ইউনূস বলেন, “আমরা প্রস্তুত”৷ তারপর', ['ড', 'মুহাম্মদ', 'ইউনূস', 'বলেন', 'আমরা', 'প্রস্তুত', 'তারপর']],
  ['numbers keep . and , between digits (thousands separators dropped)', '২০২৪ সালে ১,২৫০.৫০ টাকা', ['2024', 'সালে', '1250.50', 'টাকা']],
  ['hyphens split; a danda without a space splits', 'কিম-জং-উন ও উত্তর কোরিয়া।পরের', ['কিম', 'জং', 'উন', 'ও', 'উত্তর', 'কোরিয়া', 'পরের']],
  ['a clitic after a hyphen joins the word', 'ইউএন-এর Putin-এর ১৯৭১-এর', ['ইউএন', 'putin', '1971']],
  ['apostrophes between letters and : inside a word stay in the word', "বিএনপি'র ক'রে দু:খ", ['বিএনপির', 'করে', 'দুঃখ']],
  ['a colon before digits separates', 'ঢাকা:১২', ['ঢাকা', '12']],
  ['a number and a Bengali suffix: the suffix joins the number', '২৫শে মার্চ ১২টি দেশ', ['25', 'মার্চ', '12', 'দেশ']],
  ['a number and a Bengali word that is not a suffix split', '১২কোটি', ['12', 'কোটি']],
  ['Latin letters and digits stay together', 'G20 covid19', ['g20', 'covid19']],
  ['signs such as ৺ and ৳ are separators', '৺রবীন্দ্রনাথ ৳৫০০', ['রবীন্দ্রনাথ', '500']],
  ['joiners inside words do not split them', 'র\u200d্যাব উত\u09cd\u200dসব ক\u09cd\u200cক', ['র্যাব', 'উৎসব', 'ক্ক']],
  ['an orphan vowel sign after a space is its own cluster, not a word start', 'ক \u09bfখ', ['ক', 'খ']],
]

describe('tokenize: one row per rule', () => {
  it.each(RULES)('%s', (_rule, input, expected) => {
    expect(terms(input)).toEqual(expected.map((term) => term.normalize('NFC')))
  })

  it('gives offsets into the original text, clitics included', () => {
    const text = 'ইউএন-এর বৈঠক'
    const [first, second] = tokenize(text)
    expect(text.slice(first?.start, first?.end)).toBe('ইউএন-এর')
    expect(text.slice(second?.start, second?.end)).toBe('বৈঠক')
    expect([first?.position, second?.position]).toEqual([0, 1])
  })

  it('gives offsets into the unnormalised text', () => {
    const text = 'উত\u09cd\u200dসব ২০১৯'
    const tokens = tokenize(text)
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['উত\u09cd\u200dসব', '২০১৯'])
    expect(tokens.map((token) => token.term)).toEqual(['উৎসব', '2019'])
  })
})

function clusterBoundaries(text: string): Set<number> {
  const boundaries = new Set([0])
  let offset = 0
  for (const cluster of collectGraphemes(text)) {
    offset += cluster.length
    boundaries.add(offset)
  }
  return boundaries
}

describe('tokenize: properties', () => {
  const offsetsOnClusterBoundaries = (text: string) => {
    const boundaries = clusterBoundaries(text)
    let previousEnd = 0
    return tokenize(text).every((token, i) => {
      const ok = token.start >= previousEnd && token.start < token.end && token.end <= text.length
      previousEnd = token.end
      return ok && boundaries.has(token.start) && boundaries.has(token.end) && token.position === i
    })
  }

  it('keeps offsets inside the text, in order, on grapheme-cluster boundaries (Bengali-heavy)', () => {
    fc.assert(fc.property(bengaliText(80), offsetsOnClusterBoundaries), { numRuns: 3000 })
  })

  it('keeps offsets on cluster boundaries for any string, lone surrogates included', () => {
    fc.assert(fc.property(anyText(80), offsetsOnClusterBoundaries), { numRuns: 3000 })
  })

  it('never splits a grapheme cluster: every cluster is inside one token or outside all', () => {
    fc.assert(
      fc.property(bengaliText(80), (text) => {
        const tokens = tokenize(text)
        let offset = 0
        for (const cluster of collectGraphemes(text)) {
          const start = offset
          const end = offset + cluster.length
          offset = end
          const cut = tokens.some((token) => (token.start > start && token.start < end) || (token.end > start && token.end < end))
          if (cut) return false
        }
        return true
      }),
      { numRuns: 3000 },
    )
  })

  it('tokenises a 5 MB string in linear time', () => {
    const line = 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে ১২টি বৈঠকে, Putin-এর ২০১৯ সালে।\n'
    const time = (text: string) => {
      const start = performance.now()
      const count = tokenize(text).length
      return [performance.now() - start, count] as const
    }
    const [small] = time(line.repeat(5_000))
    const [big, count] = time(line.repeat(80_000))
    expect(count).toBe(80_000 * 9)
    expect(big / Math.max(small, 1)).toBeLessThan(16 * 4)
  })
})
