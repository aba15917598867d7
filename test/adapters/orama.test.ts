import { create, insert, insertMultiple, load, remove, save, search } from '@orama/orama'
import { describe, expect, it } from 'vitest'
import { oramaTokenizer, type OramaTokenizerOptions } from 'bangla-search/orama'
import { BanglaSearchError } from '../../src/errors.js'
import { DISTRACTORS, MEET_CASES, label, sentenceWith } from './cases.js'

const schema = { text: 'string' } as const

function dbOf(docs: ReadonlyArray<{ id: string; text: string }>, options?: OramaTokenizerOptions) {
  const db = create({ schema, components: { tokenizer: oramaTokenizer(options) } })
  insertMultiple(db, [...docs])
  return db
}

const withDistractors = (docs: ReadonlyArray<{ id: string; text: string }>) => [
  ...DISTRACTORS.map((text, i) => ({ id: `other-${i}`, text })),
  ...docs,
]

function ids(db: ReturnType<typeof dbOf>, term: string, tolerance = 0): string[] {
  const result = search(db, { term, tolerance })
  if (result instanceof Promise) throw new Error('Orama answered asynchronously')
  return result.hits.map((hit) => hit.id)
}

describe('bangla-search/orama with Orama', () => {
  it.each(MEET_CASES.map((c) => [label(c), c] as const))('%s', (_label, testCase) => {
    const db = dbOf(withDistractors([{ id: 'target', text: sentenceWith(testCase.inDocument) }]))
    expect(ids(db, testCase.inQuery)).toEqual(['target'])
  })

  it('matches whole words, and a prefix when the query word ends in *', () => {
    const db = dbOf(withDistractors([
      { id: 'peskov', text: 'পেসকভ বলেছেন' },
      { id: 'twelve-hundred', text: '১২০০ টাকা' },
    ]))
    expect(ids(db, 'পেস')).toEqual([])
    expect(ids(db, 'পেস*')).toEqual(['peskov'])
    expect(ids(db, '12')).toEqual([])
    expect(ids(db, '12*')).toEqual(['twelve-hundred'])
  })

  it("keeps Orama's own prefix matching with prefix: 'always'", () => {
    const db = dbOf(withDistractors([{ id: 'peskov', text: 'পেসকভ বলেছেন' }]), { prefix: 'always' })
    expect(ids(db, 'পেস')).toEqual(['peskov'])
  })

  it('ranks the form typed above other forms of the word', () => {
    const db = dbOf([
      { id: 'base', text: 'পুতিন বললেন' },
      { id: 'genitive', text: 'পুতিনের কথা' },
    ])
    expect(ids(db, 'পুতিনের')).toEqual(['genitive', 'base'])
  })

  it('applies typo tolerance to the terms', () => {
    const db = dbOf(withDistractors([{ id: 'target', text: 'ওয়াশিংটন থেকে খবর' }]))
    expect(ids(db, 'ওয়াশিংটম')).toEqual([])
    expect(ids(db, 'ওয়াশিংটম', 1)).toEqual(['target'])
  })

  it('removes documents, and loads a saved database', () => {
    const db = dbOf(withDistractors([{ id: 'target', text: 'রাশিয়ার সরকারী সফর ২০১৯ সালে' }]))
    const again = create({ schema, components: { tokenizer: oramaTokenizer() } })
    load(again, save(db))
    expect(ids(again, 'সরকারি 2019')).toEqual(['target'])
    remove(db, 'target')
    expect(ids(db, 'রাশিয়া')).toEqual([])
    insert(db, { id: 'back', text: 'রাশিয়া' })
    expect(ids(db, 'রাশিয়ার')).toEqual(['back'])
  })

  it('refuses bad options and non-string input with typed errors', () => {
    expect(() => oramaTokenizer({ prefix: 'never' as 'always' })).toThrow(BanglaSearchError)
    expect(() => oramaTokenizer('always' as unknown as OramaTokenizerOptions)).toThrow(/INVALID_OPTION/)
    expect(() => oramaTokenizer().tokenize(1 as unknown as string)).toThrow(/INVALID_ARGUMENT/)
  })
})
