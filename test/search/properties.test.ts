import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'
import { documents, WORDS, wordText } from '../helpers/arbitraries.js'

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'] }
const QUERIES = [...WORDS, 'পুতিন কিম', '"উত্তর কোরিয়া"', 'vladivostok', 'ভ্লাদি*', 'ওয়াশিংটম', '-পুতিন সফর']

function results(index: SearchIndex): unknown[] {
  return QUERIES.map((query) => index.search(query, { limit: 20 }).map((hit) => [hit.id, Number(hit.score.toFixed(9)), hit.match]))
}

describe('SearchIndex: invariants', () => {
  it('add then remove everything leaves an index equal to a new one', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const index = new SearchIndex(OPTIONS)
        index.addAll(docs)
        for (const doc of docs) index.remove(doc.id)
        expect(index.toJSON()).toEqual(new SearchIndex(OPTIONS).toJSON())
      }),
      { numRuns: 60 },
    )
  })

  it('adding and removing extra documents leaves the saved index as if they were never added', () => {
    fc.assert(
      fc.property(documents, documents, (kept, extra) => {
        const keptIds = new Set(kept.map((doc) => doc.id))
        const others = extra.filter((doc) => !keptIds.has(doc.id))
        const index = new SearchIndex(OPTIONS)
        index.addAll(others)
        index.addAll(kept)
        for (const doc of others) index.remove(doc.id)
        const fresh = new SearchIndex(OPTIONS)
        fresh.addAll(kept)
        expect(index.toJSON()).toEqual(fresh.toJSON())
        expect(results(index)).toEqual(results(fresh))
      }),
      { numRuns: 40 },
    )
  })

  it('incremental building equals bulk building', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const bulk = new SearchIndex(OPTIONS)
        bulk.addAll(docs)
        const incremental = new SearchIndex(OPTIONS)
        for (const doc of docs) incremental.add(doc)
        expect(incremental.toJSON()).toEqual(bulk.toJSON())
      }),
      { numRuns: 40 },
    )
  })

  it('save then load gives identical results', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const index = new SearchIndex(OPTIONS)
        index.addAll(docs)
        const again = SearchIndex.fromJSON(JSON.stringify(index.toJSON()))
        expect(results(again)).toEqual(results(index))
        expect(again.toJSON()).toEqual(index.toJSON())
      }),
      { numRuns: 40 },
    )
  })

  it('replace never leaves a stale posting', () => {
    fc.assert(
      fc.property(documents, wordText, (docs, replacement) => {
        fc.pre(docs.length > 0)
        const index = new SearchIndex(OPTIONS)
        index.addAll(docs)
        const target = docs[Math.floor(docs.length / 2)]!
        index.replace({ id: target.id, title: '', text: replacement })
        const fresh = new SearchIndex(OPTIONS)
        fresh.addAll(docs.map((doc) => (doc.id === target.id ? { id: doc.id, title: '', text: replacement } : doc)))
        expect(results(index)).toEqual(results(fresh))
        // saving keeps the replaced document in its place: the same saved index, and it loads
        expect(index.toJSON()).toEqual(fresh.toJSON())
        expect(results(SearchIndex.fromJSON(JSON.stringify(index.toJSON())))).toEqual(results(fresh))
      }),
      { numRuns: 40 },
    )
  })

  it('every hit really contains a matching word (brute-force oracle over exact words)', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(...WORDS), (docs, word) => {
        const index = new SearchIndex(OPTIONS)
        index.addAll(docs)
        const hits = index.search(word, { limit: 100, fuzzy: false })
        const found = new Set(hits.map((hit) => hit.id))
        for (const doc of docs) {
          const hasExact = `${doc.title} ${doc.text}`.split(' ').includes(word)
          if (hasExact) expect(found.has(doc.id)).toBe(true)
        }
        for (const hit of hits) expect(hit.match.length).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })
})

describe('SearchIndex: vacuum', () => {
  it('reclaims the postings of removed documents', () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: `পুতিন ${i} কিম সফর ঢাকা` })))
    const before = JSON.stringify(index.toJSON()).length
    for (let i = 0; i < 2500; i++) index.remove(i)
    expect(index.search('পুতিন', { limit: 10_000 }).length).toBe(500)
    index.vacuum()
    expect(index.search('পুতিন', { limit: 10_000 }).length).toBe(500)
    expect(JSON.stringify(index.toJSON()).length).toBeLessThan(before / 3)
  })
})
