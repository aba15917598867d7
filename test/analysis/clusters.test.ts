/**
 * The fast cluster cutter agrees with unicode-segmenter on every text it covers: random strings
 * over every covered character, weighted towards the hard cases (viramas, joiners, marks after
 * spaces and controls, CR LF, pictographs left to the segmenter).
 */

import fc from 'fast-check'
import { graphemeSegments } from 'unicode-segmenter/grapheme'
import { describe, expect, it } from 'vitest'
import { coveredText, forEachClusterStart, joiningOf16, Joining } from '../../src/analysis/clusters.js'
import { forEachWord, forEachWordBySegmenter } from '../../src/analysis/tokenize.js'

const covered = [
  ...Array.from({ length: 0x100 }, (_, i) => i),
  0x0964,
  0x0965,
  ...Array.from({ length: 0x80 }, (_, i) => 0x0980 + i),
  ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i),
  0xfeff,
].map((code) => String.fromCharCode(code))
const hard = ['\u09cd', '\u200c', '\u200d', '\u0995', '\u09b7', '\u09bc', '\u09be', '\u09bf', '\u0981', '\u0982', ' ', '\r', '\n', '\t', '\u00a9', '\u203c', '\u0301', '\u0964']
const text = fc.string({ unit: fc.oneof({ arbitrary: fc.constantFrom(...covered), weight: 1 }, { arbitrary: fc.constantFrom(...hard), weight: 3 }), maxLength: 40 })

function segmenterStarts(input: string): number[] {
  return [...graphemeSegments(input)].map((segment) => segment.index)
}

describe('fast grapheme-cluster starts', () => {
  it('agree with unicode-segmenter on covered text', () => {
    fc.assert(
      fc.property(text, (input) => {
        if (!coveredText(input)) return
        const starts: number[] = []
        forEachClusterStart(input, (start) => starts.push(start))
        expect(starts).toEqual(segmenterStarts(input))
      }),
      { numRuns: 20_000 },
    )
  })

  it.each([
    ['\u0995\u09cd\u09b7', Joining.Consonant, 'a conjunct is one cluster'],
    ['\u200d', Joining.Mark, 'ZWJ joins'],
    ['\u200c', Joining.Breaker, 'ZWNJ joins but ends a conjunct'],
    ['\u09cd', Joining.Linker, 'the virama links'],
    ['\u09bf', Joining.Breaker, 'a spacing vowel sign joins, but no conjunct continues after it'],
    ['\r', Joining.Control, 'CR stands alone (but for CR LF)'],
    ['\u00a9', Joining.Other, '© is a pictograph: left to the segmenter'],
    ['\u0d4e', Joining.Other, 'outside the covered ranges'],
  ])('%j reads as %s: %s', (chars, joining) => {
    expect(joiningOf16(chars.charCodeAt(chars.length - 1))).toBe(joining)
  })
})

describe('forEachWord on the fast path', () => {
  const words = (walk: typeof forEachWord, input: string): number[][] => {
    const found: number[][] = []
    walk(input, (start, termEnd, end) => {
      found.push([start, termEnd, end])
    })
    return found
  }

  it('finds the same words, with the same offsets, as on unicode-segmenter clusters', () => {
    const bengaliish = fc.string({ unit: fc.oneof(fc.constantFrom(...covered), fc.constantFrom(...hard, '-', "'", '.', ',', ':', '\u2019', '\u2010', '১', '2', 'এর', 'টি', 'গুলো', ' ', ' ')), maxLength: 60 })
    fc.assert(
      fc.property(bengaliish, (input) => {
        expect(words(forEachWord, input)).toEqual(words(forEachWordBySegmenter, input))
      }),
      { numRuns: 20_000 },
    )
  })
})
