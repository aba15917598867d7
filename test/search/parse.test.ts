import { describe, expect, it } from 'vitest'
import { parseQuery, showQuery } from '../../src/query/parse.js'

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
]

describe('parseQuery', () => {
  it.each(CASES)('%j → %j', (query, printed, warnings) => {
    const parsed = parseQuery(query)
    expect(showQuery(parsed)).toBe(printed)
    expect(parsed.warnings).toHaveLength(warnings)
  })

  it('marks prefix and exclusion on word clauses', () => {
    expect(parseQuery('-ভারত পেস*').clauses).toEqual([
      { type: 'word', text: 'ভারত', prefix: false, exclude: true },
      { type: 'word', text: 'পেস', prefix: true, exclude: false },
    ])
  })
})
