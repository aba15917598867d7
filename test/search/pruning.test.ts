/**
 * Dynamic pruning changes nothing: top-k with pruning equals top-k scoring every candidate (ids,
 * scores to the last bit, matches), over random corpora and queries of every kind, after removals,
 * replacements and vacuums, and over corpora large enough to span many windows and blocks.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SearchIndex, type SearchOptions } from '../../src/index.js'
import { resolveSearchOptions } from '../../src/options.js'
import { parseQuery } from '../../src/query/parse.js'
import { runQuery, type SearchContext } from '../../src/search/run-query.js'
import { WORDS, wordText } from '../helpers/arbitraries.js'

const FIELDS = ['title', 'text']

/** The search context of an index (its private parts, as the search reads them). */
function contextOf(index: SearchIndex): SearchContext {
  const parts = index as unknown as Record<string, unknown>
  return {
    index: parts['inverted'],
    documents: parts['documents'],
    options: parts['options'],
    prefixes: parts['prefixes'],
    fuzzy: parts['fuzzy'],
    synonyms: parts['synonyms'],
  } as SearchContext
}

/** One search run both ways; the results as comparable values. */
function bothWays(index: SearchIndex, query: string, options: SearchOptions): [unknown, unknown] {
  const resolved = resolveSearchOptions(options, FIELDS)
  const parsed = parseQuery(query)
  const run = (prune: boolean) => runQuery(parsed, resolved, options, contextOf(index), prune).map((hit) => [hit.id, hit.score, hit.match])
  return [run(true), run(false)]
}

const word = fc.constantFrom(...WORDS)
const query = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
  fc.tuple(word, word, word).map(([a, b, c]) => `"${a} ${b}" ${c}`),
  fc.tuple(word, word).map(([a, b]) => `${a} -${b}`),
  fc.tuple(word, fc.integer({ min: 1, max: 3 })).map(([w, n]) => `${[...w].slice(0, n + 1).join('')}*`),
  fc.constantFrom('ওয়াশিংটম', 'সামরীক', 'vladivostok', 'ও এবং কিম', 'এবং'),
)
const options = fc.record(
  {
    limit: fc.integer({ min: 1, max: 8 }),
    offset: fc.integer({ min: 0, max: 3 }),
    combineWith: fc.constantFrom('or' as const, 'and' as const),
    fields: fc.constantFrom(['title'], ['text'], FIELDS),
    prefix: fc.constantFrom(false, true, 'last' as const),
    boost: fc.constantFrom<Record<string, number>>({ title: 2 }, { text: 0 }, {}),
    filter: fc.constantFrom(
      (_stored: unknown, id: unknown) => Number(id) % 3 !== 0,
      () => true,
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<SearchOptions>

/** Documents drawn from the shared words, many of them alike (ties are frequent). */
const corpus = fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 2000 }), title: wordText, text: wordText }), { selector: (doc) => doc.id, maxLength: 60 })

describe('pruned top-k equals exhaustive top-k', () => {
  it('on random corpora and queries, before and after removals and replacements', () => {
    fc.assert(
      fc.property(corpus, fc.array(fc.tuple(query, options), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 3 }), (docs, queries, removal) => {
        const index = new SearchIndex({ fields: FIELDS, storeFields: ['title'], boost: { title: 1.5 } })
        index.addAll(docs)
        const check = () => {
          for (const [text, given] of queries) {
            const [pruned, exhaustive] = bothWays(index, text, given)
            expect(pruned).toEqual(exhaustive)
          }
        }
        check()
        if (removal === 0) return
        docs.filter((_, i) => i % (removal + 1) === 0).forEach((doc) => index.remove(doc.id))
        if (removal >= 2) {
          for (const doc of docs.filter((_, i) => i % (removal + 1) === 1)) index.replace({ ...doc, text: `${doc.text} ${doc.title}` })
        }
        check()
        if (removal === 3) {
          index.vacuum()
          check()
        }
      }),
      { numRuns: 120 },
    )
  })

  it('on a corpus of many windows and blocks, with frequent and rare words', () => {
    // a fixed pseudo-random corpus: word frequencies fall like a natural language's
    let seed = 20_261_206
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32)
    const pick = () => WORDS[Math.floor(WORDS.length * random() ** 2.5)] as string
    const docs = Array.from({ length: 12_000 }, (_, id) => ({
      id,
      title: Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join(' '),
      text: Array.from({ length: Math.floor(random() * 30) }, pick).join(' '),
    }))
    const index = new SearchIndex({ fields: FIELDS })
    index.addAll(docs)
    for (let id = 0; id < docs.length; id += 7) index.remove(id)
    const queries = ['পুতিন', 'দেশ সফরে', 'putin Moscow', 'কিম -রাশিয়া', '"উত্তর কোরিয়া" নেতা', 'ও পুতিন', 'ভ্লাদি*', 'ট্রাম্প ওয়াশিংটন সরকারি ২০১৯']
    for (const text of queries) {
      for (const given of [{ limit: 1 }, { limit: 10 }, { limit: 100, combineWith: 'and' as const }, { limit: 5, fields: ['title'] }]) {
        const [pruned, exhaustive] = bothWays(index, text, given)
        expect(pruned, `${text} ${JSON.stringify(given)}`).toEqual(exhaustive)
      }
    }
  })
})
