import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forEachWord, type TokenScript } from '../../src/analysis/tokenize.js'
import { forEachSnippetWord } from '../../src/highlight/word-walk.js'
import { anyInput, fuzzText, oracleText } from '../helpers/fuzz-arbitraries.js'

type Word = [start: number, termEnd: number, end: number, script: TokenScript]
type Walk = typeof forEachWord

/** The words a walk reports, stopping after `limit` of them (the callback returns true). */
function words(walk: Walk, text: string, limit = Number.POSITIVE_INFINITY): Word[] {
  const found: Word[] = []
  walk(text, (start, termEnd, end, script) => {
    found.push([start, termEnd, end, script])
    return found.length >= limit
  })
  return found
}

describe('forEachSnippetWord', () => {
  // [case, text]
  const CASES: Array<[string, string]> = [
    ['plain words and punctuation', 'রাশিয়ার প্রেসিডেন্ট, “পুতিনের” সঙ্গে বৈঠক। তারপর?'],
    ['connectors around and inside words', "-এর বিএনপি'র দু:খ ক'রে শেষ. ইউএন-এর Putin’এর"],
    ['numbers and their clitics', '২০২৩-এর ১২টি ১,২৫০.৫০ টাকা ২৫শে 2019 সালে'],
    ['marks after a space, a quote and a newline', 'ক \u09bfখ “\u09be গ\n\u09bfঘ\r\n\u09cdঙ'],
    ['joiners inside and after words', 'র\u200d্যাব উত\u09cd\u200dসব পুতি\u200cনের \u200cক \u200b\u200dখ'],
    ['Latin and digits next to Bengali', 'G20 covid19 রাশিয়াg20 ক১২ ১২ক'],
    ['a text that the cluster table does not cover', 'পুতিনের 👍🏽 সফর e\u0301 ক'],
    ['Bengali signs that separate', 'দাম ৳৫০ ৷ কথা\u09fdশেষ ৼ'],
  ]
  it.each(CASES)('%s: the tokenizer’s words', (_case, text) => {
    expect(words(forEachSnippetWord, text)).toEqual(words(forEachWord, text))
  })

  it('finds the tokenizer’s words on random text, and stops where it stops', () => {
    fc.assert(
      fc.property(fc.oneof(fuzzText(30), oracleText, anyInput(20)), fc.nat(12), (text, limit) => {
        expect(words(forEachSnippetWord, text)).toEqual(words(forEachWord, text))
        expect(words(forEachSnippetWord, text, limit + 1)).toEqual(words(forEachWord, text, limit + 1))
      }),
      { numRuns: 1500 },
    )
  })
})
