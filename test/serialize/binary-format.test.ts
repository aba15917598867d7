/**
 * Saved format version 2: a loaded index answers exactly like the saved one (also after
 * removals, replacements and vacuums), saving is canonical, the API takes what browsers and Node
 * hand over, and damage is refused with a typed error.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError, SearchIndex } from '../../src/index.js'
import { documents, WORDS } from '../helpers/arbitraries.js'

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], boost: { title: 2 } }
const QUERIES = [...WORDS, 'পুতিন কিম', '"উত্তর কোরিয়া"', 'vladivostok', 'ভ্লাদি*', 'ওয়াশিংটম', '-পুতিন সফর']

function results(index: SearchIndex): unknown[] {
  return QUERIES.map((query) => index.search(query, { limit: 20 }).map((hit) => [hit.id, hit.score, hit.match, hit['title']]))
}

function codeOf(load: () => unknown): string | undefined {
  try {
    load()
  } catch (error) {
    return error instanceof BanglaSearchError ? error.code : `not typed: ${String(error)}`
  }
  return undefined
}

const seeds = [
  { id: 1, title: 'পুতিন-কিম বৈঠক', text: 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে ভ্লাদিভোস্টকে বৈঠক করেছেন কিম জং উন।' },
  { id: 'b', title: 'ঢাকার আবহাওয়া', text: '২০১৯ সালের এপ্রিলে ঢাকায় রেকর্ড বৃষ্টি হয়েছিল।' },
]

describe('saved format version 2', () => {
  it('a loaded index answers exactly like the saved one, and saves to the same bytes', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 3 }), (docs, changes) => {
        const index = new SearchIndex(OPTIONS)
        index.addAll(docs)
        if (changes >= 1) docs.filter((_, i) => i % 3 === 0).forEach((doc) => index.remove(doc.id))
        if (changes >= 2) for (const doc of docs.filter((_, i) => i % 3 === 1)) index.replace({ ...doc, text: `${doc.text} পুতিন` })
        if (changes === 3) index.vacuum()
        const bytes = index.toBytes()
        const loaded = SearchIndex.fromBytes(bytes)
        expect(results(loaded)).toEqual(results(index))
        expect(loaded.size).toBe(index.size)
        expect(loaded.toBytes()).toEqual(bytes)
        // and it keeps working: adds and removes after a load
        loaded.add({ id: 'new', title: 'পুতিন', text: 'নতুন' })
        expect(loaded.search('পুতিন', { limit: 50 }).some((hit) => hit.id === 'new')).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('is canonical: the same documents give the same bytes, however they got there', () => {
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
        expect(index.toBytes()).toEqual(fresh.toBytes())
      }),
      { numRuns: 40 },
    )
  })

  it('loads from a Uint8Array, an ArrayBuffer and a view into a larger buffer, and asynchronously', async () => {
    const index = new SearchIndex(OPTIONS)
    index.addAll(seeds)
    const bytes = index.toBytes()
    const padded = new Uint8Array(bytes.length + 13)
    padded.set(bytes, 5)
    for (const input of [bytes, bytes.slice().buffer, padded.subarray(5, 5 + bytes.length)]) {
      expect(SearchIndex.fromBytes(input).search('putin')[0]?.id).toBe(1)
    }
    expect((await SearchIndex.fromBytesAsync(bytes)).search('2019')[0]?.id).toBe('b')
    const controller = new AbortController()
    controller.abort()
    await expect(SearchIndex.fromBytesAsync(bytes, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' })
  })

  it('refuses what is not a saved index, with a typed error that says so', () => {
    const index = new SearchIndex(OPTIONS)
    index.addAll(seeds)
    const bytes = index.toBytes()
    const future = bytes.slice()
    new DataView(future.buffer).setUint32(8, 3, true)
    expect(codeOf(() => SearchIndex.fromBytes(future))).toBe('UNSUPPORTED_INDEX_VERSION')
    for (const input of [new Uint8Array(0), new TextEncoder().encode(JSON.stringify(index.toJSON())), bytes.slice(0, 40), 'text', null]) {
      expect(codeOf(() => SearchIndex.fromBytes(input as never))).toBe('MALFORMED_INDEX')
    }
  })

  // string ids are read back as UTF-16 code units, a chunk at a time: lone surrogates, astral
  // characters and ids longer than one chunk (4,096 units) come back as they were
  it.each([
    ['a Bengali id', 'প্রতিবেদন-১'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate at the end', 'id\udc00'],
    ['an astral character', 'x😀y'],
    ['an id of 4,096 units', 'ক'.repeat(4096)],
    ['an id of 10,001 units', `${'ab'.repeat(5000)}\ud83d`],
  ])('keeps %s exactly', (_name, id) => {
    const index = new SearchIndex(OPTIONS)
    index.add({ id, title: 'পুতিন', text: 'কিম' })
    index.add({ id: 7, title: 'কিম', text: 'পুতিন' })
    const loaded = SearchIndex.fromBytes(index.toBytes())
    expect(loaded.has(id)).toBe(true)
    expect(loaded.search('পুতিন').map((hit) => hit.id).sort()).toEqual([7, id].sort())
  })

  it('an empty index saves and loads', () => {
    const empty = new SearchIndex(OPTIONS)
    const loaded = SearchIndex.fromBytes(empty.toBytes())
    expect(loaded.size).toBe(0)
    expect(loaded.search('পুতিন')).toEqual([])
  })
})
