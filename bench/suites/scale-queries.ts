/**
 * Query sets for the scale suite, drawn reproducibly (fixed seed) from the first 25 % of
 * the blog corpus, so every word query has at least one matching post at every scale
 * (words are taken as written, so engines without Unicode normalisation match them too):
 * - words: single content words (the 200 most frequent words of the sample are left out);
 * - prefixes: the first 3 grapheme clusters of words of 5 or more clusters;
 * - fuzzy: words of 4+ clusters with one typical misspelling (one code point changed:
 *   ি/ী, ু/ূ, ন/ণ, শ/ষ/স, জ/য, or a vowel sign dropped) that is itself not a word of the sample;
 * - titles: the known-item title queries (multi-word), in a shuffled fixed order.
 */
import { countGraphemes, splitGraphemes } from 'unicode-segmenter/grapheme'
import { BENGALI_WORD_SPLIT } from '../engines/util.js'
import type { JudgedQuery } from '../fixtures.js'
import type { Doc } from '../types.js'

export interface ScaleQueries {
  words: string[]
  prefixes: string[]
  fuzzy: string[]
  titles: string[]
  /** The one relevant post of each title query. */
  titleTargets: string[]
}

export interface QueryCounts {
  words: number
  prefixes: number
  fuzzy: number
  titles: number
}

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const BENGALI_LETTER = /[\u0985-\u09B9\u09DC-\u09DF]/
const VOWEL_SIGN = /[\u09BE-\u09CC]/
const STOP_BAND = 200
const SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['ি', 'ী'],
  ['ী', 'ি'],
  ['ু', 'ূ'],
  ['ূ', 'ু'],
  ['ন', 'ণ'],
  ['ণ', 'ন'],
  ['শ', 'ষ'],
  ['ষ', 'শ'],
  ['স', 'শ'],
  ['জ', 'য'],
]

/**
 * Words as they are written in the corpus (not normalised): the speed suite needs queries
 * that every engine can match verbatim, whether or not it normalises Unicode.
 */
function wordsOf(text: string): string[] {
  return text
    .split(BENGALI_WORD_SPLIT)
    .filter((w) => w.length > 1 && BENGALI_LETTER.test(w))
}

/** One code point changed (not the first), or undefined when no rule applies. */
function misspell(word: string, rand: () => number, vocabulary: ReadonlySet<string>): string | undefined {
  const chars = [...word]
  const options: Array<() => string> = []
  chars.forEach((c, i) => {
    if (i === 0) return
    for (const [from, to] of SWAPS) {
      if (c === from) options.push(() => [...chars.slice(0, i), to, ...chars.slice(i + 1)].join(''))
    }
    if (VOWEL_SIGN.test(c)) options.push(() => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''))
  })
  for (let tries = 0; tries < 4 && options.length > 0; tries++) {
    const out = options[Math.floor(rand() * options.length)]!()
    if (out !== word && !vocabulary.has(out)) return out
  }
  return undefined
}

/**
 * Draws the query sets from `sample` (the first 25 % of the corpus) and the known-item set.
 */
export function makeScaleQueries(
  sample: readonly Doc[],
  knownItem: readonly JudgedQuery[],
  counts: QueryCounts,
  seed = 20240917,
): ScaleQueries {
  const rand = random(seed)
  const frequency = new Map<string, number>()
  for (const doc of sample) for (const w of wordsOf(doc.text)) frequency.set(w, (frequency.get(w) ?? 0) + 1)
  const stopBand = new Set(
    [...frequency.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, STOP_BAND)
      .map(([w]) => w),
  )
  const vocabulary = new Set(frequency.keys())
  const words = new Set<string>()
  const prefixes = new Set<string>()
  const fuzzy = new Set<string>()
  const want = counts.words + counts.prefixes + counts.fuzzy
  for (let draws = 0; draws < want * 50; draws++) {
    if (words.size >= counts.words && prefixes.size >= counts.prefixes && fuzzy.size >= counts.fuzzy) break
    const doc = sample[Math.floor(rand() * sample.length)]!
    const list = wordsOf(doc.text)
    if (list.length === 0) continue
    const word = list[Math.floor(rand() * list.length)]!
    if (stopBand.has(word)) continue
    const clusters = countGraphemes(word)
    const kind = rand()
    if (kind < 0.4 && words.size < counts.words) {
      words.add(word)
    } else if (kind < 0.7 && prefixes.size < counts.prefixes && clusters >= 5) {
      prefixes.add([...splitGraphemes(word)].slice(0, 3).join(''))
    } else if (fuzzy.size < counts.fuzzy && clusters >= 4) {
      const typo = misspell(word, rand, vocabulary)
      if (typo) fuzzy.add(typo)
    }
  }
  const order = knownItem.map((q) => ({ q, key: rand() })).sort((a, b) => a.key - b.key)
  const titles = order.slice(0, counts.titles).map(({ q }) => q)
  return {
    words: [...words],
    prefixes: [...prefixes],
    fuzzy: [...fuzzy],
    titles: titles.map((q) => q.text),
    titleTargets: titles.map((q) => [...q.relevant][0]!),
  }
}
