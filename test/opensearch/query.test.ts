import { describe, expect, it } from 'vitest'
import {
  BanglaSearchError,
  MAX_LEAF_QUERIES,
  PREFIX_REWRITE,
  readVocabulary,
  TIE_BREAKER,
  toOpenSearchQuery,
  fallbackLookup,
  vocabularyLookup,
  type OpenSearchOptions,
  type QueryDsl,
  type VocabularyEntry,
} from '../../src/opensearch/index.js'
import { MATCH_WEIGHTS, STOPWORD_CLAUSE_WEIGHT } from '../../src/search/weights.js'

const options: OpenSearchOptions = { index: 'articles', fields: ['text'] }
const two: OpenSearchOptions = { index: 'articles', fields: ['title', 'text'], boost: { title: 2 } }

/** A vocabulary entry the way the cluster stores it. */
function entry(stem: string, k0: string, k1: string, df: number): VocabularyEntry {
  return { stem, k0, k1, df }
}

/** The term queries of a word's dis_max: token → boost. */
function weights(query: QueryDsl): Record<string, number> {
  if (!('dis_max' in query)) throw new Error(`expected a dis_max, got ${JSON.stringify(query)}`)
  const out: Record<string, number> = {}
  for (const leaf of query.dis_max.queries) {
    if ('term' in leaf) for (const body of Object.values(leaf.term)) out[body.value] = body.boost ?? 1
    else if ('prefix' in leaf) for (const body of Object.values(leaf.prefix)) out[`${body.value}*`] = body.boost ?? 1
  }
  return out
}

function boolOf(query: QueryDsl): NonNullable<Extract<QueryDsl, { bool: unknown }>['bool']> {
  if (!('bool' in query)) throw new Error(`expected a bool, got ${JSON.stringify(query)}`)
  return query.bool
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    return error instanceof BanglaSearchError ? error.code : `not typed: ${String(error)}`
  }
  return undefined
}

describe('toOpenSearchQuery: one dis_max per word over its forms, weighted by match kind', () => {
  it('a Bengali word: its form as written and its stem', () => {
    const { query } = toOpenSearchQuery('পুতিনের', options)
    expect(weights(query)).toEqual({ পুতিনের: MATCH_WEIGHTS.exact, '~পুতিন': MATCH_WEIGHTS.stem })
  })

  it('names every leaf clause:field:kind:token, to read the match kinds back from the hits', () => {
    const { query } = toOpenSearchQuery('পুতিনের', options)
    const names = 'dis_max' in query ? query.dis_max.queries.map((leaf) => ('term' in leaf ? Object.values(leaf.term)[0]?._name : undefined)) : []
    expect(names).toEqual(['0:0:exact:পুতিনের', '0:0:stem:~পুতিন'])
  })

  it('with a vocabulary: spelling variants, nearest first, at the alias weight scaled by key distance', () => {
    const vocabulary = [entry('ভ্লাদিভোস্টক', 'BLDBSTK', 'BLDIBSTK', 3), entry('ভ্লাদিভস্তক', 'BLDBSTK', 'BLDIBSTK', 0)]
    const { query } = toOpenSearchQuery('ভ্লাদিভস্তক', options, { vocabulary })
    // the query's own stem holds no document (df 0): no stem clause; the variant at distance 0
    expect(weights(query)).toEqual({ ভ্লাদিভস্তক: 1, '~ভ্লাদিভোস্টক': MATCH_WEIGHTS.alias })
  })

  it('without a vocabulary: no variants (the one-step flow)', () => {
    expect(weights(toOpenSearchQuery('ভ্লাদিভস্তক', options).query)).toEqual({ ভ্লাদিভস্তক: 1, '~ভ্লাদিভস্তক': MATCH_WEIGHTS.stem })
  })

  it('a Latin word: romanised onto Bengali stems of the vocabulary', () => {
    const vocabulary = [entry('পুতিন', 'PTN', 'PUTIN', 5), entry('পতন', 'PTN', 'PTN', 9)]
    const found = weights(toOpenSearchQuery('putin', options, { vocabulary }).query)
    expect(found['putin']).toBe(1)
    expect(found['~পুতিন']).toBe(MATCH_WEIGHTS.roman)
    expect(found['~পতন']).toBeUndefined() // one consonant edit away: beyond the slack of the best
  })

  it('typo corrections only for a word that matched nothing else', () => {
    const vocabulary = [entry('ওয়াশিংটন', 'VSNTN', 'VSINTN', 4)]
    const misspelt = weights(toOpenSearchQuery('ওয়াশিংটম', options, { vocabulary }).query)
    expect(misspelt['~ওয়াশিংটন']).toBeCloseTo(MATCH_WEIGHTS.fuzzy / 2)
    const known = [...vocabulary, entry('ওয়াশিংটম', 'VSNTM', 'VSINTM', 1)]
    expect(weights(toOpenSearchQuery('ওয়াশিংটম', options, { vocabulary: known }).query)['~ওয়াশিংটন']).toBeUndefined()
    expect(weights(toOpenSearchQuery('ওয়াশিংটম', options, { vocabulary, fuzzy: false }).query)['~ওয়াশিংটন']).toBeUndefined()
  })

  it('word* and prefix: true add a prefix query on the written forms', () => {
    const found = weights(toOpenSearchQuery('ক্রেম*', options).query)
    expect(found['ক্রেম*']).toBe(MATCH_WEIGHTS.prefix)
    const { query } = toOpenSearchQuery('ক্রেম', options, { prefix: true })
    const leaf = 'dis_max' in query ? query.dis_max.queries.find((q) => 'prefix' in q) : undefined
    expect(leaf).toEqual({ prefix: { 'bangla.text': { value: 'ক্রেম', rewrite: PREFIX_REWRITE, boost: MATCH_WEIGHTS.prefix, _name: '0:0:prefix:ক্রেম' } } })
  })

  it('field boosts multiply each field, summed over the fields', () => {
    const { query } = toOpenSearchQuery('ঢাকা', two)
    const should = boolOf(query).should ?? []
    expect(should.map((q) => ('dis_max' in q ? q.dis_max.boost : undefined))).toEqual([2, 1])
    expect(toOpenSearchQuery('ঢাকা', two, { boost: { text: 3 } }).query).toMatchObject({ bool: { should: [{ dis_max: { boost: 2 } }, { dis_max: { boost: 3 } }] } })
  })

  it('stopwords count a quarter and only add to documents the other words found', () => {
    const bool = boolOf(toOpenSearchQuery('ঢাকা এবং খুলনা', options).query)
    expect(bool.must).toHaveLength(1)
    const content = bool.must?.[0] as QueryDsl
    expect(boolOf(content).should).toHaveLength(2)
    expect(bool.should).toHaveLength(1)
    expect(bool.should?.[0]).toMatchObject({ dis_max: { boost: STOPWORD_CLAUSE_WEIGHT } })
    expect(weights(bool.should?.[0] as QueryDsl)).toEqual({ এবং: 1 }) // a function word needs no variants
  })

  it('a query of stopwords only still finds documents', () => {
    const bool = boolOf(toOpenSearchQuery('এবং', options).query)
    expect(bool.minimum_should_match).toBe(1)
    expect(bool.must).toBeUndefined()
  })

  it("combineWith: 'and' needs every word", () => {
    expect(boolOf(toOpenSearchQuery('ঢাকা এবং খুলনা', options, { combineWith: 'and' }).query).must).toHaveLength(3)
  })

  it('-word excludes its forms as written, its stems and synonyms in every field', () => {
    const bool = boolOf(toOpenSearchQuery('ঢাকা -খুলনার', two).query)
    // খুলনার has two stem candidates, খুলনা and খুলনার
    const tokens = ['খুলনার', '~খুলনা', '~খুলনার']
    expect(bool.must_not).toEqual([{ terms: { 'bangla.title': tokens } }, { terms: { 'bangla.text': tokens } }])
  })

  it('a phrase: the words as written, and weaker, in any of their forms', () => {
    const { query } = toOpenSearchQuery('"নিরাপত্তা পরিষদের"', options)
    expect(query).toEqual({
      dis_max: {
        queries: [
          { match_phrase: { 'bangla.text': { query: 'নিরাপত্তা পরিষদের', boost: 1, _name: '0:0:exact:নিরাপত্তা পরিষদের' } } },
          {
            match_phrase: {
              'bangla.text': {
                query: 'নিরাপত্তা|~নিরাপত্তা পরিষদের|~পরিষ|~পরিষদ',
                boost: MATCH_WEIGHTS.stem,
                _name: '0:0:stem:নিরাপত্তা|~নিরাপত্তা পরিষদের|~পরিষ|~পরিষদ',
              },
            },
          },
        ],
        tie_breaker: TIE_BREAKER,
        boost: 1,
      },
    })
  })

  it('user synonyms (the aliases option) at the synonym weight', () => {
    const vocabulary = [entry('ঢাকা', 'DK', 'DK', 3), entry('dhaka', '', '', 1)]
    const found = weights(toOpenSearchQuery('dhaka', { ...options, aliases: [['ঢাকা', 'dhaka']] }, { vocabulary }).query)
    expect(found['~ঢাকা']).toBe(MATCH_WEIGHTS.synonym)
  })

  it('adds the caller filters as bool.filter, and pages with size and from', () => {
    const body = toOpenSearchQuery('ঢাকা', options, { filter: [{ term: { lang: 'bn' } }], limit: 5, offset: 10 })
    expect(body).toMatchObject({ size: 5, from: 10, query: { bool: { must: [{ dis_max: {} }], filter: [{ term: { lang: 'bn' } }] } } })
  })

  it('asks only for the stored fields, or for the id from doc values when none are stored', () => {
    expect(toOpenSearchQuery('ঢাকা', options)._source).toEqual(['id', 'text'])
    expect(toOpenSearchQuery('ঢাকা', { ...options, storeFields: [] })).toMatchObject({ _source: false, stored_fields: ['_none_'], docvalue_fields: ['id'] })
  })

  it('matches nothing for a query without words, or with exclusions only', () => {
    expect(toOpenSearchQuery('', options).query).toEqual({ match_none: {} })
    expect(toOpenSearchQuery('-ঢাকা', options).query).toEqual({ match_none: {} })
  })

  it(`keeps a long query under ${MAX_LEAF_QUERIES} leaf queries (the cluster's clause limit)`, () => {
    const query = Array.from({ length: 64 }, (_, i) => `শব্দ${'ক'.repeat(i % 7)}*`).join(' ')
    const text = JSON.stringify(toOpenSearchQuery(query, two).query)
    const leaves = (text.match(/"term":|"prefix":/g) ?? []).length + 63 * (text.match(/"prefix":/g) ?? []).length
    expect(leaves).toBeLessThanOrEqual(MAX_LEAF_QUERIES)
  })

  it.each([
    ['a query that is not a string', () => toOpenSearchQuery(5 as unknown as string, options), 'INVALID_QUERY'],
    ['a filter that is a function', () => toOpenSearchQuery('ঢাকা', options, { filter: (() => true) as never }), 'INVALID_OPTION'],
    ['a field that is not indexed', () => toOpenSearchQuery('ঢাকা', options, { fields: ['title'] }), 'INVALID_OPTION'],
    ['a malformed vocabulary', () => toOpenSearchQuery('ঢাকা', options, { vocabulary: [{ stem: 1 }] as never }), 'INVALID_OPTION'],
    ['limit 0', () => toOpenSearchQuery('ঢাকা', options, { limit: 0 }), 'INVALID_OPTION'],
  ])('refuses %s', (_what, action, code) => {
    expect(codeOf(action)).toBe(code)
  })
})

describe('vocabulary lookups', () => {
  it('step one: the stems, and each Bengali stem’s alias key with its K1 forms', () => {
    const lookup = vocabularyLookup('পুতিনের সফর', options)
    expect(lookup[0]).toEqual({ index: 'articles-vocabulary' })
    expect(lookup[1]).toMatchObject({ query: { terms: { stem: ['পুতিন', 'সফর'] } }, size: 2 })
    expect(lookup[3]).toMatchObject({
      query: { bool: { filter: [{ term: { k0: { value: 'PTN' } } }, { terms: { k1v: ['PUTIN', 'PTIN', 'PUTN'] } }] } },
      sort: [{ df: { order: 'desc' } }],
      _source: false,
      docvalue_fields: ['stem', 'k0', 'k1', 'df'],
    })
    expect(lookup).toHaveLength(6)
  })

  it('Latin words look up each reading of the word and of its forms without a suffix', () => {
    expect(vocabularyLookup('সফর', options)).toHaveLength(4)
    const lookup = JSON.stringify(vocabularyLookup('putiner', options))
    expect(lookup).toContain('"k0":{"value":"PTN"}')
    expect(lookup).toContain('"k0":{"value":"PTNR"}')
  })

  it('short keys wait for step two, and then need an equal K1', () => {
    expect(vocabularyLookup('ঢাকা', options)).toHaveLength(2) // only: does the stem exist?
    expect(fallbackLookup('ঢাকা', options, { vocabulary: [entry('ঢাকা', 'DK', 'DK', 3)] })).toEqual([])
    expect(fallbackLookup('ঢাকা', options, { vocabulary: [] })[1]).toMatchObject({ query: { bool: { filter: [{ term: { k0: { value: 'DK' } } }, { term: { k1: { value: 'DK' } } }] } } })
  })

  it('nothing to look up for an empty query', () => {
    expect(vocabularyLookup('', options)).toEqual([])
  })

  it('step two only for a word that matched nothing: its typo corrections', () => {
    const vocabulary = [entry('ঢাকা', 'DK', 'DK', 3)]
    expect(fallbackLookup('ঢাকা', options, { vocabulary })).toEqual([])
    const typos = fallbackLookup('ওয়াশিংটম ঢাকা', options, { vocabulary })
    expect(typos).toHaveLength(2) // nothing for ঢাকা, which exists
    expect(typos[1]).toMatchObject({ query: { fuzzy: { stem: { value: 'ওয়াশিংটম', fuzziness: 2 } } } })
    expect(fallbackLookup('ওয়াশিংটম', options, { vocabulary, fuzzy: false })).toEqual([])
    expect(JSON.stringify(fallbackLookup('ঢাকা', options, { vocabulary: [] }))).not.toContain('fuzzy') // short: no typo budget
  })

  it('reads entries from doc values or _source, from either client’s response shape', () => {
    const hit = (fields: Record<string, unknown>) => ({ fields })
    const response = { responses: [{ hits: { hits: [hit({ stem: ['পুতিন'], k0: ['PTN'], k1: ['PUTIN'], df: [3] })] } }, { hits: { hits: [{ _source: { stem: 'putin', df: 1 } }] } }] }
    const expected = [entry('পুতিন', 'PTN', 'PUTIN', 3), entry('putin', '', '', 1)]
    expect(readVocabulary(response)).toEqual(expected)
    expect(readVocabulary({ body: response, statusCode: 200 })).toEqual(expected)
  })

  it('refuses a response that is not a multi-search, or a failed search, with the cluster’s reason', () => {
    expect(codeOf(() => readVocabulary({ hits: {} }))).toBe('INVALID_ARGUMENT')
    expect(() => readVocabulary({ responses: [{ error: { type: 'index_not_found_exception', reason: 'no such index [x]' } }] })).toThrow(/index_not_found_exception: no such index/)
  })
})
