import { describe, expect, it } from 'vitest'
import { BanglaSearchError, bulkIndex, searchOpenSearch, toSearchHits, type BulkHelperParams, type OpenSearchOptions } from '../../src/opensearch/index.js'

const options: OpenSearchOptions = { index: 'articles', fields: ['title', 'text'], storeFields: ['title', 'text', 'tag'] }
const text = 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে ভ্লাদিভোস্টকে বৈঠক করেছেন কিম জং উন।'

/** A search response the way a cluster sends it. */
function response(hits: object[]): object {
  return { took: 3, hits: { total: { value: hits.length, relation: 'eq' }, hits } }
}

describe('toSearchHits', () => {
  it('gives the library’s hit shape: id as indexed, score, stored fields, match kinds from the named queries', () => {
    const raw = {
      _id: '7',
      _score: 4.5,
      _source: { id: 7, title: 'বৈঠক', text, tag: 'russia' },
      matched_queries: ['1:1:stem:~পুতিন', '0:1:alias:~ভ্লাদিভোস্টক', '0:0:exact:ভ্লাদিভস্তক'],
    }
    const [hit] = toSearchHits(response([raw]), 'ভ্লাদিভস্তক পুতিন', options)
    expect(hit).toMatchObject({ id: 7, score: 4.5, title: 'বৈঠক', tag: 'russia' })
    // best kind per clause, best kind first; the term is the word as it stands in the text
    expect(hit?.match).toEqual([
      { query: 'ভ্লাদিভস্তক', term: 'ভ্লাদিভস্তক', field: 'title', kind: 'exact' },
      { query: 'পুতিন', term: 'পুতিনের', field: 'text', kind: 'stem' },
    ])
  })

  it('cuts snippets from _source with the library’s highlighter, marking the user’s own characters', () => {
    const raw = { _id: '7', _score: 1, _source: { id: 7, text }, matched_queries: ['0:1:alias:~ভ্লাদিভোস্টক', '1:1:roman:~পুতিন'] }
    const [hit] = toSearchHits(response([raw]), 'ভ্লাদিভস্তক putin', options, { highlight: true })
    expect(hit?.snippetField).toBe('text')
    expect(hit?.snippet).toBe('রুশ প্রেসিডেন্ট ভ্লাদিমির <mark>পুতিনের</mark> সঙ্গে <mark>ভ্লাদিভোস্টকে</mark> বৈঠক করেছেন কিম জং উন।')
    expect(hit?.match.map((m) => m.kind)).toEqual(['roman', 'alias'])
  })

  it('marks prefix and phrase matches', () => {
    const raw = { _id: '7', _score: 1, _source: { id: 7, text }, matched_queries: ['0:1:prefix:ভ্লাদি', '1:1:exact:কিম জং'] }
    const [hit] = toSearchHits(response([raw]), 'ভ্লাদি* "কিম জং"', options, { highlight: { open: '[', close: ']' } })
    expect(hit?.snippet).toBe('রুশ প্রেসিডেন্ট [ভ্লাদিমির] পুতিনের সঙ্গে [ভ্লাদিভোস্টকে] বৈঠক করেছেন [কিম] [জং] উন।')
  })

  it('reports every word of a matched phrase, as the text has it, as in memory', () => {
    const exact = { _id: '7', _score: 1, _source: { id: 7, text }, matched_queries: ['0:1:exact:কিম জং'] }
    expect(toSearchHits(response([exact]), '"কিম জং"', options)[0]?.match).toEqual([
      { query: 'কিম জং', term: 'কিম', field: 'text', kind: 'exact' },
      { query: 'কিম জং', term: 'জং', field: 'text', kind: 'exact' },
    ])
    // the weaker phrase of variants: a word written as in the query stays exact, an inflected one is a stem match
    const variants = { _id: '7', _score: 1, _source: { id: 7, text }, matched_queries: ['0:1:stem:ভ্লাদিমির|~ভ্লাদিমির পুতিন|~পুতিন'] }
    expect(toSearchHits(response([variants]), '"ভ্লাদিমির পুতিন"', options)[0]?.match).toEqual([
      { query: 'ভ্লাদিমির পুতিন', term: 'ভ্লাদিমির', field: 'text', kind: 'exact' },
      { query: 'ভ্লাদিমির পুতিন', term: 'পুতিনের', field: 'text', kind: 'stem' },
    ])
  })

  it('reads the id from doc values, else from _id; ignores names it did not make', () => {
    const hits = toSearchHits(
      { body: response([{ _id: 'a', _score: 2, fields: { id: ['x'] } }, { _id: 'b', _score: 1, matched_queries: { 'other-name': 1, '0:0:exact:ঢাকা': 1 } }]), statusCode: 200 },
      'ঢাকা',
      { ...options, storeFields: [] },
    )
    expect(hits.map((hit) => hit.id)).toEqual(['x', 'b'])
    expect(hits[1]?.match).toEqual([{ query: 'ঢাকা', term: 'ঢাকা', field: 'title', kind: 'exact' }])
  })

  it('refuses what is not a search response', () => {
    expect(() => toSearchHits({ error: { type: 'search_phase_execution_exception', reason: 'all shards failed' } }, 'ঢাকা', options)).toThrow(BanglaSearchError)
    expect(() => toSearchHits({ hits: 5 }, 'ঢাকা', options)).toThrow(/hits.hits/)
  })
})

/** A fake client: records requests and answers from canned responses. */
class FakeClient {
  readonly requests: { method: string; params: unknown }[] = []
  helperCalls = 0
  readonly indices = {
    refresh: async (params: { index: string }) => {
      this.requests.push({ method: 'refresh', params })
      return {}
    },
  }
  readonly helpers = {
    bulk: async (params: BulkHelperParams) => {
      this.helperCalls++
      for (const document of params.datasource) {
        const [action, body] = params.onDocument(document)
        this.requests.push({ method: 'helpers.bulk', params: { action, body } })
        if (document.id === 'refused') params.onDrop({ status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad' }, document })
      }
      return { total: params.datasource.length }
    },
  }

  constructor(private readonly answers: unknown[] = []) {}

  async bulk(params: { body: unknown[] }): Promise<unknown> {
    this.requests.push({ method: 'bulk', params })
    const items = []
    for (let i = 0; i < params.body.length; i += 2) {
      const id = (params.body[i] as { update: { _id: string } }).update._id
      items.push({ update: id === 'সফর' ? { _id: id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } : { _id: id, status: 200 } })
    }
    return { body: { errors: true, items }, statusCode: 200 }
  }

  async search(params: unknown): Promise<unknown> {
    this.requests.push({ method: 'search', params })
    return this.answers.shift()
  }

  async msearch(params: unknown): Promise<unknown> {
    this.requests.push({ method: 'msearch', params })
    return this.answers.shift()
  }
}

describe('bulkIndex', () => {
  it('indexes in chunks with progress, reports every refused item, and counts the stems the cluster took', async () => {
    const client = new FakeClient()
    const progress: number[] = []
    const errors: string[] = []
    const documents = [
      { id: 1, text: 'পুতিনের সফর' },
      { id: 2, text: 42 }, // refused here: not a string
      { id: 'refused', text: 'কিমের সফর' }, // dropped by the cluster
      { id: 3, text: 'পুতিন' },
    ]
    const report = await bulkIndex(client, documents, options, {
      chunkSize: 2,
      refresh: true,
      onProgress: ({ done }) => progress.push(done),
      onError: (error) => errors.push(`${error.id}:${error.type}`),
    })
    expect(progress).toEqual([2, 4])
    expect(client.helperCalls).toBe(2)
    expect(report).toMatchObject({ indexed: 2, failed: 2 })
    expect(errors).toEqual(['2:INVALID_FIELD_VALUE', 'refused:mapper_parsing_exception', 'সফর:es_rejected_execution_exception'])
    const vocabulary = client.requests.find((r) => r.method === 'bulk')?.params as { body: { update?: { _id: string }; script?: { params: { n: number } } }[] }
    const counts = new Map<string, number>()
    for (let i = 0; i < vocabulary.body.length; i += 2) counts.set(vocabulary.body[i]?.update?._id as string, vocabulary.body[i + 1]?.script?.params.n as number)
    expect(Object.fromEntries(counts)).toEqual({ পুতিন: 2, সফর: 1 }) // কিম of the dropped document is not counted
    expect(client.requests.at(-1)).toEqual({ method: 'refresh', params: { index: 'articles,articles-vocabulary' } })
  })

  it('takes async iterables, and refuses what is not iterable', async () => {
    async function* documents() {
      yield { id: 1, text: 'ঢাকা' }
    }
    expect((await bulkIndex(new FakeClient(), documents(), options)).indexed).toBe(1)
    await expect(bulkIndex(new FakeClient(), 5 as never, options)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})

describe('searchOpenSearch: the two-step flow', () => {
  it('looks up the vocabulary, queries, and reads the hits', async () => {
    const vocabulary = { responses: [{ hits: { hits: [{ fields: { stem: ['ভ্লাদিভোস্টক'], k0: ['BLDBSTK'], k1: ['BLDIBSTK'], df: [2] } }] } }, { hits: { hits: [] } }] }
    const hits = response([{ _id: '7', _score: 3, _source: { id: 7, text }, matched_queries: ['0:1:alias:~ভ্লাদিভোস্টক'] }])
    const client = new FakeClient([vocabulary, hits])
    const found = await searchOpenSearch(client, 'ভ্লাদিভস্তক', options, { highlight: true })
    expect(client.requests.map((r) => r.method)).toEqual(['msearch', 'search'])
    const search = client.requests[1]?.params as { index: string; body: { query: unknown } }
    expect(search.index).toBe('articles')
    expect(JSON.stringify(search.body.query)).toContain('~ভ্লাদিভোস্টক')
    expect(found[0]).toMatchObject({ id: 7, match: [{ kind: 'alias', term: 'ভ্লাদিভোস্টকে' }] })
    expect(found[0]?.snippet).toContain('<mark>ভ্লাদিভোস্টকে</mark>')
  })

  it('runs the typo lookup only when a word matched nothing, and skips lookups on request', async () => {
    const nothing = { responses: [{ hits: { hits: [] } }, { hits: { hits: [] } }] }
    const typos = { responses: [{ hits: { hits: [{ fields: { stem: ['ওয়াশিংটন'], k0: ['VSNTN'], k1: ['VSINTN'], df: [4] } }] } }] }
    const client = new FakeClient([nothing, typos, response([])])
    await searchOpenSearch(client, 'ওয়াশিংটম', options)
    expect(client.requests.map((r) => r.method)).toEqual(['msearch', 'msearch', 'search'])
    expect(JSON.stringify(client.requests[2]?.params)).toContain('"value":"~ওয়াশিংটন"')
    const direct = new FakeClient([response([])])
    await searchOpenSearch(direct, 'ওয়াশিংটম', options, { vocabularyLookup: false })
    expect(direct.requests.map((r) => r.method)).toEqual(['search'])
  })

  it('searches the words of a phrase no document holds, as in memory', async () => {
    const known = (...stems: string[]) => ({ responses: [{ hits: { hits: stems.map((stem) => ({ fields: { stem: [stem], df: [1] } })) } }] })
    const vocabulary = known('ঢাকা', 'ঢাকার', 'খবর')
    const client = new FakeClient([vocabulary, response([]), vocabulary, response([{ _id: '1', _score: 1 }])])
    const found = await searchOpenSearch(client, '"ঢাকার খবর"', { ...options, storeFields: [] })
    expect(found.map((hit) => hit.id)).toEqual(['1'])
    const queryOf = (i: number) => JSON.stringify((client.requests[i]?.params as { body: { query: unknown } }).body.query)
    expect(queryOf(1)).toContain('match_phrase')
    // the words alone: the first pass has no phrase (the rescore then rewards them side by side)
    expect(queryOf(3)).not.toContain('match_phrase')
    expect(JSON.stringify(client.requests[3]?.params)).toContain('"rescore"')
  })
})
