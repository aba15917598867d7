import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { minisearchOptions } from 'bangla-search/minisearch'
import { BanglaSearchError } from '../../src/errors.js'
import { DISTRACTORS, MEET_CASES, label, sentenceWith } from './cases.js'

interface Doc {
  id: string
  text: string
}

function indexOf(docs: readonly Doc[]): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['text'], ...minisearchOptions() })
  index.addAll(docs)
  return index
}

const ids = (hits: ReadonlyArray<{ id: unknown }>) => hits.map((hit) => hit.id)

describe('bangla-search/minisearch with MiniSearch', () => {
  it.each(MEET_CASES.map((c) => [label(c), c] as const))('%s', (_label, testCase) => {
    const index = indexOf([
      ...DISTRACTORS.map((text, i) => ({ id: `other-${i}`, text })),
      { id: 'target', text: sentenceWith(testCase.inDocument) },
    ])
    expect(ids(index.search(testCase.inQuery))).toEqual(['target'])
  })

  it('ranks the form typed above other forms of the word', () => {
    const index = indexOf([
      { id: 'base', text: 'পুতিন বললেন' },
      { id: 'genitive', text: 'পুতিনের কথা' },
    ])
    expect(ids(index.search('পুতিনের'))).toEqual(['genitive', 'base'])
    expect(ids(index.search('পুতিন'))).toEqual(['base', 'genitive'])
  })

  it('weighs function words down: the content word decides the ranking', () => {
    const index = indexOf([
      { id: 'function-words', text: 'কি কি কি হবে' },
      { id: 'content', text: 'পুতিন বললেন' },
    ])
    expect(ids(index.search('পুতিন কি'))[0]).toBe('content')
  })

  it('keeps prefix search: পেস finds পেসকভ', () => {
    const index = indexOf([{ id: 'peskov', text: 'পেসকভ বলেছেন' }, ...DISTRACTORS.map((text, i) => ({ id: `other-${i}`, text }))])
    expect(ids(index.search('পেস', { prefix: true }))).toEqual(['peskov'])
    expect(ids(index.search('পেস'))).toEqual([])
  })

  it('keeps your own search options when ours are spread into them', () => {
    const options = minisearchOptions()
    const index = new MiniSearch<Doc>({
      fields: ['text'],
      ...options,
      searchOptions: { ...options.searchOptions, combineWith: 'AND' },
    })
    index.addAll([
      { id: 'both', text: 'পুতিনের সঙ্গে কিমের বৈঠক' },
      { id: 'one', text: 'পুতিন একা' },
    ])
    expect(ids(index.search('পুতিন কিম'))).toEqual(['both'])
  })

  it('removes documents cleanly and survives a JSON round trip', () => {
    const docs = [
      { id: 'a', text: 'রাশিয়ার প্রেসিডেন্ট পুতিনের সফর' },
      { id: 'b', text: '২০১৯ সালে সরকারী সফর' },
    ]
    const index = indexOf(docs)
    index.remove(docs[0]!)
    expect(ids(index.search('সফর'))).toEqual(['b'])
    const again = MiniSearch.loadJSON<Doc>(JSON.stringify(index), { fields: ['text'], ...minisearchOptions() })
    expect(ids(again.search('সরকারি 2019'))).toEqual(['b'])
    expect(ids(again.search('পুতিন'))).toEqual([])
  })

  it('refuses non-string input with a typed error', () => {
    const { tokenize, processTerm } = minisearchOptions()
    expect(() => tokenize(7 as unknown as string)).toThrow(BanglaSearchError)
    expect(() => processTerm(null as unknown as string)).toThrow(/INVALID_ARGUMENT/)
  })
})
