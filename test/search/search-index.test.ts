import { describe, expect, it } from 'vitest'
import { BanglaSearchError, SearchIndex } from '../../src/index.js'

const docs = [
  { id: 1, title: 'ভ্লাদিভোস্টকে বৈঠক', text: 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে কিম জং উনের বৈঠক হয়েছে।', tag: 'russia' },
  { id: 2, title: 'ওয়াশিংটনের প্রতিক্রিয়া', text: 'ওয়াশিংটন বলেছে পুতিন ও কিমের বৈঠক উদ্বেগের।', tag: 'usa' },
  { id: 'x-3', title: 'ঢাকার খবর', text: 'ঢাকায় বৃষ্টি হয়েছে। বাংলাদেশের রাজধানী ঢাকা।', tag: 'bd' },
]

function makeIndex(): SearchIndex {
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'tag'], boost: { title: 2 } })
  index.addAll(docs)
  return index
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    return error instanceof BanglaSearchError ? error.code : `not typed: ${String(error)}`
  }
  return undefined
}

describe('SearchIndex: documents', () => {
  it('adds, counts, has and removes documents with string and number ids', () => {
    const index = makeIndex()
    expect(index.size).toBe(3)
    expect(index.has(1)).toBe(true)
    expect(index.has('1')).toBe(false)
    expect(index.has('x-3')).toBe(true)
    index.remove('x-3')
    expect(index.has('x-3')).toBe(false)
    expect(index.search('ঢাকা')).toEqual([])
  })

  it('returns stored fields on hits and from getStoredFields', () => {
    const index = makeIndex()
    const [hit] = index.search('ঢাকা')
    expect(hit).toMatchObject({ id: 'x-3', title: 'ঢাকার খবর', tag: 'bd' })
    expect(index.getStoredFields(2)).toEqual({ title: 'ওয়াশিংটনের প্রতিক্রিয়া', tag: 'usa' })
  })

  it('replaces a document in place', () => {
    const index = makeIndex()
    index.replace({ id: 2, title: 'নতুন শিরোনাম', text: 'সিউলে বৈঠক' })
    expect(index.size).toBe(3)
    expect(index.search('ওয়াশিংটন').map((hit) => hit.id)).not.toContain(2)
    expect(index.search('সিউল').map((hit) => hit.id)).toEqual([2])
  })

  it.each([
    ['a duplicate id', () => makeIndex().add({ id: 1, text: 'x' }), 'DUPLICATE_ID'],
    ['a duplicate inside one batch', () => new SearchIndex({ fields: ['text'] }).addAll([{ id: 1, text: 'ক' }, { id: 1, text: 'খ' }]), 'DUPLICATE_ID'],
    ['a missing id', () => makeIndex().add({ text: 'x' }), 'MISSING_ID'],
    ['an empty id', () => makeIndex().add({ id: '', text: 'x' }), 'INVALID_ID'],
    ['an object id', () => makeIndex().add({ id: {}, text: 'x' }), 'INVALID_ID'],
    ['a NaN id', () => makeIndex().add({ id: Number.NaN, text: 'x' }), 'INVALID_ID'],
    ['a number field', () => makeIndex().add({ id: 9, text: 42 }), 'INVALID_FIELD_VALUE'],
    ['an array field', () => makeIndex().add({ id: 9, text: ['ক'] }), 'INVALID_FIELD_VALUE'],
    ['a non-object document', () => makeIndex().add('ঢাকা' as never), 'INVALID_DOCUMENT'],
    ['null as a document', () => makeIndex().add(null as never), 'INVALID_DOCUMENT'],
    ['removing an unknown id', () => makeIndex().remove(99), 'UNKNOWN_ID'],
    ['replacing an unknown id', () => makeIndex().replace({ id: 99, text: 'x' }), 'UNKNOWN_ID'],
    ['a non-string query', () => makeIndex().search(5 as never), 'INVALID_QUERY'],
    ['a bad limit', () => makeIndex().search('ক', { limit: 0 }), 'INVALID_OPTION'],
    ['an unknown search field', () => makeIndex().search('ক', { fields: ['body'] }), 'INVALID_OPTION'],
    ['no fields', () => new SearchIndex({ fields: [] }), 'INVALID_OPTION'],
    ['a bad boost', () => new SearchIndex({ fields: ['text'], boost: { text: -1 } }), 'INVALID_OPTION'],
  ])('rejects %s with a typed error', (_case, action, code) => {
    expect(codeOf(action)).toBe(code)
  })

  it('leaves the index unchanged when one document of a batch is bad', () => {
    const index = makeIndex()
    expect(codeOf(() => index.addAll([{ id: 10, text: 'সিউল' }, { id: 11, text: 3 }]))).toBe('INVALID_FIELD_VALUE')
    expect(index.size).toBe(3)
    expect(index.has(10)).toBe(false)
  })

  it('says what to fix in its messages', () => {
    expect(() => makeIndex().add({ id: 1, text: 'x' })).toThrow(/replace\(\)/)
    expect(() => makeIndex().add({ id: 5, text: 42 })).toThrow(/"text".*must be a string/)
  })

  it('accepts absent and null fields', () => {
    const index = new SearchIndex({ fields: ['title', 'text'] })
    index.add({ id: 1, title: null, text: 'ঢাকা' })
    index.add({ id: 2 })
    expect(index.search('ঢাকা').map((hit) => hit.id)).toEqual([1])
  })
})

describe('SearchIndex: search options', () => {
  it('ranks documents with more query words first (or) and requires all words (and)', () => {
    const index = makeIndex()
    expect(index.search('ভ্লাদিমির পুতিন')[0]?.id).toBe(1)
    const both = index.search('পুতিন ঢাকা', { combineWith: 'and' })
    expect(both).toEqual([])
    expect(index.search('পুতিন ঢাকা').length).toBe(3)
  })

  it('pages with limit and offset', () => {
    const index = makeIndex()
    const all = index.search('বৈঠক').map((hit) => hit.id)
    expect(index.search('বৈঠক', { limit: 1 }).map((hit) => hit.id)).toEqual(all.slice(0, 1))
    expect(index.search('বৈঠক', { limit: 1, offset: 1 }).map((hit) => hit.id)).toEqual(all.slice(1, 2))
  })

  it('filters on stored fields', () => {
    const hits = makeIndex().search('বৈঠক', { filter: (stored) => stored['tag'] === 'usa' })
    expect(hits.map((hit) => hit.id)).toEqual([2])
  })

  it('restricts to fields and applies boosts', () => {
    const index = makeIndex()
    expect(index.search('ওয়াশিংটন', { fields: ['title'] }).map((hit) => hit.id)).toEqual([2])
    const text = index.search('বৈঠক', { fields: ['text'] })
    const title = index.search('বৈঠক', { boost: { title: 10 } })
    expect(text.length).toBeGreaterThan(0)
    expect(title[0]?.id).toBe(1)
  })

  it('turns typo tolerance off on request', () => {
    const index = makeIndex()
    expect(index.search('ওয়াশিংটম').map((hit) => hit.id)).toContain(2)
    expect(index.search('ওয়াশিংটম', { fuzzy: false })).toEqual([])
  })

  it('ranks an exact match above a stem match above an alias match', () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll([
      { id: 'alias', text: 'ভ্লাদিভস্তক শহর' },
      { id: 'stem', text: 'ভ্লাদিভোস্টকের শহর' },
      { id: 'exact', text: 'ভ্লাদিভোস্টক শহর' },
    ])
    const hits = index.search('ভ্লাদিভোস্টক')
    expect(hits.map((hit) => hit.id)).toEqual(['exact', 'stem', 'alias'])
    expect(hits.map((hit) => hit.match[0]?.kind)).toEqual(['exact', 'stem', 'alias'])
  })

  it('highlights the original characters with <mark>, HTML-escaped, configurable', () => {
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    index.add({ id: 1, text: '<b>উত্‍সব</b> ও ২০১৯ সালের পুতিনের সফর' })
    const [hit] = index.search('উৎসব 2019 পুতিন', { highlight: true })
    expect(hit?.snippet).toBe('&lt;b&gt;<mark>উত্‍সব</mark>&lt;/b&gt; ও <mark>২০১৯</mark> সালের <mark>পুতিনের</mark> সফর')
    const [plain] = index.search('পুতিন', { highlight: { open: '[', close: ']', escapeHtml: false } })
    expect(plain?.snippet).toContain('[পুতিনের]')
    expect(plain?.snippet).toContain('<b>')
  })

  it('cuts long texts to a window around the matches', () => {
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    index.add({ id: 1, text: `${'অন্য কথা '.repeat(100)}পুতিনের সফর${' আরও কথা'.repeat(100)}` })
    const [hit] = index.search('পুতিন', { highlight: true })
    expect(hit?.snippet?.startsWith('…')).toBe(true)
    expect(hit?.snippet?.endsWith('…')).toBe(true)
    expect(hit?.snippet).toContain('<mark>পুতিনের</mark>')
    expect(hit?.snippet?.length).toBeLessThan(260)
  })

  it('explains scores on request', () => {
    const [hit] = makeIndex().search('পুতিন', { explain: true })
    const parts = hit?.explanation ?? []
    expect(parts.length).toBeGreaterThan(0)
    expect(parts.reduce((sum, part) => sum + part.score, 0)).toBeCloseTo(hit?.score ?? 0, 6)
  })

  it('suggests completions of the last word, most frequent first', () => {
    const index = makeIndex()
    const suggestions = index.suggest('রুশ ভ্লাদি')
    expect(suggestions.map((s) => s.term)).toEqual(expect.arrayContaining(['ভ্লাদিমির', 'ভ্লাদিভোস্টকে']))
    expect(suggestions[0]?.suggestion.startsWith('রুশ ভ্লাদি')).toBe(true)
  })

  it('supports user synonym groups', () => {
    const index = new SearchIndex({ fields: ['text'], aliases: [['চট্টগ্রাম', 'chittagong']] })
    index.add({ id: 1, text: 'চট্টগ্রামের বন্দর' })
    const [hit] = index.search('chittagong')
    expect(hit?.id).toBe(1)
    expect(hit?.match[0]?.kind).toBe('synonym')
  })

  it('returns nothing for empty, blank and punctuation-only queries', () => {
    const index = makeIndex()
    for (const query of ['', '   ', '।,.!?', '-', '""']) expect(index.search(query)).toEqual([])
  })
})

describe('SearchIndex: async adding', () => {
  it('reports progress and can be cancelled', async () => {
    const index = new SearchIndex({ fields: ['text'] })
    const many = Array.from({ length: 50 }, (_, i) => ({ id: i, text: `নথি ${i} ঢাকা` }))
    const progress: number[] = []
    await index.addAllAsync(many, { chunkSize: 20, onProgress: ({ done }) => progress.push(done) })
    expect(progress).toEqual([20, 40, 50])
    expect(index.size).toBe(50)
    const controller = new AbortController()
    controller.abort()
    const other = new SearchIndex({ fields: ['text'] })
    await expect(other.addAllAsync(many, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' })
  })
})

describe('SearchIndex: prefix on the last word', () => {
  it("completes only the last word with prefix: 'last'", () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll([
      { id: 1, text: 'ক্রেমলিনের মুখপাত্র পেসকভ' },
      { id: 2, text: 'পেসকভ বলেছেন' },
    ])
    expect(index.search('পেসকভ ক্রেম', { prefix: 'last' })[0]?.id).toBe(1)
    expect(index.search('পেস ক্রেমলিন', { prefix: 'last' }).map((hit) => hit.id)).toEqual([1])
    expect(index.search('পেস ক্রেমলিন', { prefix: true }).map((hit) => hit.id).sort()).toEqual([1, 2])
  })
})

describe('SearchIndex: stored fields', () => {
  const LONG = 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে ভ্লাদিভোস্টকে বৈঠক করেছেন উত্তর কোরিয়ার নেতা কিম জং উন। '.repeat(40)

  it('keeps long texts compressed and gives them back whole, to hits, filters and getStoredFields', () => {
    const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text', 'year', 'tags'], storeCompression: { blockSize: 1024, level: 5 } })
    index.addAll(Array.from({ length: 30 }, (_, i) => ({ id: i, title: `শিরোনাম ${i}`, text: `${i} ${LONG}`, year: 2000 + i, tags: ['রাজনীতি', { n: i }] })))
    expect(index.getStoredFields(7)).toEqual({ title: 'শিরোনাম 7', text: `7 ${LONG}`, year: 2007, tags: ['রাজনীতি', { n: 7 }] })
    const hits = index.search('পুতিন', { limit: 30, filter: (stored) => (stored['year'] as number) % 2 === 0, highlight: true })
    expect(hits.map((hit) => hit.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 15 }, (_, i) => 2 * i))
    for (const hit of hits) {
      expect(hit['text']).toBe(`${String(hit.id)} ${LONG}`)
      expect(hit.snippet).toContain('<mark>')
    }
    const loaded = SearchIndex.fromBytes(index.toBytes())
    expect(loaded.getStoredFields(29)).toEqual(index.getStoredFields(29))
  })

  it.each([
    ['a Date', { when: new Date(0) }],
    ['a function', { when: () => 1 }],
    ['NaN', { when: Number.NaN }],
    ['a cycle', (() => { const value: Record<string, unknown> = {}; value['self'] = value; return { when: value } })()],
  ])('refuses %s in a stored field, adding nothing', (_label, extra) => {
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text', 'when'] })
    const docs = [{ id: 1, text: 'ঢাকা' }, { id: 2, text: 'খুলনা', ...extra }]
    expect(() => index.addAll(docs)).toThrow(expect.objectContaining({ code: 'INVALID_FIELD_VALUE' }))
    expect(index.size).toBe(0)
  })
})

describe('SearchIndex: pasted titles', () => {
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll([
    { id: 'a', text: 'জুলাইয়ের পয়লা দিনে আমার জন্মদিন, সংশপ্তক এর গল্প' },
    { id: 'b', text: 'জন্মদিন জন্মদিন উৎসব' },
  ])

  it('reads a quoted phrase no document holds as its words, while the other words keep their meaning', () => {
    expect(index.search('"পয়লা জুলাই" জন্মদিন').map((hit) => hit.id)).toEqual(['a', 'b'])
    expect(index.search('"পয়লা জুলাই" জন্মদিন -উৎসব').map((hit) => hit.id)).toEqual(['a'])
  })

  it('keeps a phrase some document holds as a phrase', () => {
    // b holds «জন্মদিন উৎসব» side by side; a holds জন্মদিন only, so it does not match the phrase
    expect(index.search('"জন্মদিন উৎসব"').map((hit) => hit.id)).toEqual(['b'])
    // beside a phrase no document holds (read as its two words, both in a), the held one stays a phrase
    expect(index.search('"জন্মদিন উৎসব" "পয়লা জুলাই"').map((hit) => hit.id)).toEqual(['a', 'b'])
    expect(index.search('"জন্মদিন উৎসব" "পয়লা জুলাই"', { combineWith: 'and' }).map((hit) => hit.id)).toEqual([])
  })

  it('does not read a case ending after a closing quote as an exclusion', () => {
    expect(index.search('“সংশপ্তক”-এর গল্প').map((hit) => hit.id)).toEqual(['a'])
  })
})
