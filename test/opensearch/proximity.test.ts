import { describe, expect, it } from 'vitest'
import { PROXIMITY_RESCORE, toOpenSearchQuery, type OpenSearchOptions, type QueryDsl, type VocabularyEntry } from '../../src/opensearch/index.js'

const options: OpenSearchOptions = { index: 'articles', fields: ['text'] }
const two: OpenSearchOptions = { index: 'articles', fields: ['title', 'text'], boost: { title: 2 } }

/** The sloppy phrases of a rescore query: field → phrase text, slop and boost, in order. */
function phrases(query: QueryDsl | undefined): { field: string; query: string; slop?: number; boost?: number }[] {
  if (query === undefined) return []
  const leaves = 'bool' in query ? (query.bool.should ?? []) : [query]
  return leaves.map((leaf) => {
    if (!('match_phrase' in leaf)) throw new Error(`expected a match_phrase, got ${JSON.stringify(leaf)}`)
    const [field, body] = Object.entries(leaf.match_phrase)[0] as [string, { query: string; slop?: number; boost?: number }]
    return { field, ...body }
  })
}

describe('toOpenSearchQuery: a rescore section rewards the query words standing close together', () => {
  it('two words: one sloppy phrase over their stacked forms, added to the best max(size + from, 100) hits', () => {
    const body = toOpenSearchQuery('পুতিনের সফর', options)
    expect(body.rescore).toEqual({
      window_size: PROXIMITY_RESCORE.windowSize,
      query: {
        rescore_query: { match_phrase: { 'bangla.text': { query: 'পুতিনের|~পুতিন সফর|~সফর', slop: PROXIMITY_RESCORE.slop } } },
        query_weight: 1,
        rescore_query_weight: PROXIMITY_RESCORE.weight,
        score_mode: 'total',
      },
    })
  })

  it('the window covers the page asked for', () => {
    expect(toOpenSearchQuery('পুতিনের সফর', options, { limit: 80, offset: 40 }).rescore?.window_size).toBe(120)
    expect(toOpenSearchQuery('পুতিনের সফর', options, { limit: 10, offset: 20 }).rescore?.window_size).toBe(PROXIMITY_RESCORE.windowSize)
  })

  it('content words pair up in query order up to `reach` apart, with more slop for the words between; stopwords are skipped', () => {
    const found = phrases(toOpenSearchQuery('ঢাকা এবং খুলনা রাজশাহী সিলেট', options).rescore?.query.rescore_query)
    const { slop, reach } = PROXIMITY_RESCORE
    expect(reach).toBe(2)
    expect(found.map((p) => [p.query, p.slop])).toEqual([
      ['ঢাকা|~ঢাকা খুলনা|~খুলনা', slop],
      ['ঢাকা|~ঢাকা রাজশাহী|~রাজশাহি', slop + 1],
      ['খুলনা|~খুলনা রাজশাহী|~রাজশাহি', slop],
      ['খুলনা|~খুলনা সিলেট|~সিলেট', slop + 1],
      ['রাজশাহী|~রাজশাহি সিলেট|~সিলেট', slop],
    ])
  })

  it('one phrase per pair and field, boosted by the field boost', () => {
    const found = phrases(toOpenSearchQuery('ঢাকা খুলনা', two).rescore?.query.rescore_query)
    expect(found.map((p) => [p.field, p.boost])).toEqual([
      ['bangla.title', 2],
      ['bangla.text', undefined],
    ])
  })

  it('romanised and typo matches stand in for the word; spelling variants and completions do not', () => {
    const vocabulary: VocabularyEntry[] = [
      { stem: 'পুতিন', k0: 'PTN', k1: 'PUTIN', df: 5 },
      { stem: 'পুটিন', k0: 'PTN', k1: 'PUTIN', df: 2 },
      { stem: 'সফর', k0: 'SFR', k1: 'SFR', df: 3 },
    ]
    const roman = phrases(toOpenSearchQuery('putin সফর', options, { vocabulary }).rescore?.query.rescore_query)[0]?.query ?? ''
    expect(roman.split(' ')[0]?.split('|')).toContain('~পুতিন')
    const bengali = phrases(toOpenSearchQuery('পুতিন সফর*', options, { vocabulary }).rescore?.query.rescore_query)[0]?.query ?? ''
    expect(bengali).toBe('পুতিন|~পুতিন সফর|~সফর') // no ~পুটিন (an alias), no prefix
  })

  it.each([
    ['a single word', 'পুতিনের'],
    ['a word and a stopword', 'পুতিনের এবং'],
    ['a word and an exclusion', 'পুতিনের -সফর'],
    ['a phrase', '"পুতিনের সফর"'],
    ['a phrase and a word', '"পুতিনের সফর" ঢাকা'],
    ['the same word twice', 'ঢাকা ঢাকা'],
    ['no word', ''],
  ])('no rescore for %s', (_what, query) => {
    expect(toOpenSearchQuery(query, options).rescore).toBeUndefined()
  })

  it('a long query: pairs among its first 64 words only (the clause limit), per field', () => {
    const letters = ['ক', 'খ', 'গ', 'ঘ', 'চ', 'ছ', 'জ', 'ঝ', 'ট', 'ঠ']
    const words = Array.from({ length: 80 }, (_, i) => `${letters[Math.floor(i / 10)]}${letters[i % 10]}ম`).join(' ')
    expect(phrases(toOpenSearchQuery(words, two).rescore?.query.rescore_query)).toHaveLength(2 * (63 + 62))
  })

  it('no rescore with weight 0 (proximity off)', () => {
    const saved = PROXIMITY_RESCORE.weight
    Object.assign(PROXIMITY_RESCORE, { weight: 0 })
    const before = toOpenSearchQuery('পুতিনের সফর', options)
    try {
      const after = toOpenSearchQuery('পুতিনের সফর', options)
      expect(after.rescore).toBeUndefined()
      expect(after.query).toEqual(before.query) // the first pass does not change
    } finally {
      Object.assign(PROXIMITY_RESCORE, { weight: saved })
    }
  })
})
