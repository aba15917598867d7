import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'
import { MAX_QUERY_CLAUSES, parseQuery, showQuery } from '../../src/query/parse.js'

// [query, printed clauses, number of warnings]
const CASES: Array<[string, string, number]> = [
  ['পুতিন সফর', 'পুতিন সফর', 0],
  ['"নিরাপত্তা পরিষদ" পুতিন', '"নিরাপত্তা পরিষদ" পুতিন', 0],
  ['পুতিন -ভারত', 'পুতিন -ভারত', 0],
  ['ক্রেম*', 'ক্রেম*', 0],
  ['-"কিম জং উন" সফর', '-"কিম জং উন" সফর', 0],
  ['“বাঁকা উদ্ধৃতি” চিহ্ন', '"বাঁকা উদ্ধৃতি" চিহ্ন', 0],
  ['"খোলা উদ্ধৃতি', 'খোলা উদ্ধৃতি', 1],
  ['- একা', '- একা', 0],
  ['*', '*', 0],
  ['a.*+?^${}()|[]\\ b', 'a.*+?^${}()|[]\\ b', 0],
  ['   ', '', 0],
  ['“সংশপ্তক”-এর নতুন গল্প', '"সংশপ্তক" -এর নতুন গল্প', 0], // a case ending after a quote is a word, not an exclusion
]

describe('parseQuery', () => {
  it.each(CASES)('%j → %j', (query, printed, warnings) => {
    const parsed = parseQuery(query)
    expect(showQuery(parsed)).toBe(printed)
    expect(parsed.warnings).toHaveLength(warnings)
  })

  it('reads a hyphen as an exclusion only at the start or after a space', () => {
    expect(parseQuery('“সংশপ্তক”-এর').clauses[1]).toEqual({ type: 'word', text: '-এর', prefix: false, exclude: false })
    expect(parseQuery('পর্ব -ভারত').clauses[1]).toEqual({ type: 'word', text: 'ভারত', prefix: false, exclude: true })
    expect(parseQuery('-ভারত').clauses[0]).toEqual({ type: 'word', text: 'ভারত', prefix: false, exclude: true })
  })

  it('marks prefix and exclusion on word clauses', () => {
    expect(parseQuery('-ভারত পেস*').clauses).toEqual([
      { type: 'word', text: 'ভারত', prefix: false, exclude: true },
      { type: 'word', text: 'পেস', prefix: true, exclude: false },
    ])
  })
})

describe('the clause limit', () => {
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll([
    { id: 'dhaka', text: 'ঢাকা' },
    { id: 'kolkata', text: 'কলকাতা' },
  ])
  const query = (before: number) => `${'কলকাতা '.repeat(before)}ঢাকা`

  it('search reads the first 64 clauses and ignores the rest', () => {
    expect(MAX_QUERY_CLAUSES).toBe(64)
    expect(index.search(query(63)).map((hit) => hit.id)).toContain('dhaka')
    expect(index.search(query(64)).map((hit) => hit.id)).toEqual(['kolkata'])
  })

  it('parseQuery keeps every clause, and showQuery says how many search ignores', () => {
    expect(parseQuery(query(70)).clauses).toHaveLength(71)
    const [clauses, note] = showQuery(parseQuery(query(70))).split('\n')
    expect(clauses).toBe(query(70))
    expect(note).toBe('(search reads the first 64 clauses and ignores the other 7)')
    expect(showQuery(parseQuery(query(63)))).toBe(query(63))
  })
})
