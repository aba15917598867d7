import { Document, Index } from 'flexsearch'
import { describe, expect, it } from 'vitest'
import { flexsearchEncoder } from 'bangla-search/flexsearch'
import { BanglaSearchError } from '../../src/errors.js'
import { DISTRACTORS, MEET_CASES, label, sentenceWith } from './cases.js'

/** An Index holding the distractors (ids 1…) and one document (id 0). */
function indexWith(text: string, encoder = flexsearchEncoder()): Index {
  const index = new Index({ encoder })
  DISTRACTORS.forEach((other, i) => index.add(i + 1, other))
  index.add(0, text)
  return index
}

describe('bangla-search/flexsearch with FlexSearch Index', () => {
  it.each(MEET_CASES.map((c) => [label(c), c] as const))('%s', (_label, testCase) => {
    expect(indexWith(sentenceWith(testCase.inDocument)).search(testCase.inQuery)).toEqual([0])
  })

  it('keeps words whole: FlexSearch alone cuts them at vowel signs', () => {
    const ours = indexWith('আমি বাংলায় গান গাই')
    expect(ours.search('বাংলা')).toEqual([0])
    expect(ours.search('গ')).toEqual([]) // a lone consonant is not a word of the text
  })

  it('needs every query word, as FlexSearch does, and drops stopwords on both sides', () => {
    const index = indexWith('পুতিনের সঙ্গে কিমের বৈঠক')
    expect(index.search('পুতিন কিম')).toEqual([0])
    expect(index.search('পুতিন ট্রাম্প')).toEqual([])
    expect(index.search('পুতিন এবং কিম')).toEqual([0]) // এবং is nowhere in the text
    const keeping = indexWith('পুতিনের সঙ্গে কিমের বৈঠক', flexsearchEncoder({ stopwords: 'keep' }))
    expect(keeping.search('পুতিন এবং কিম')).toEqual([])
  })

  it('finds partial matches in a suggest pass', () => {
    const index = indexWith('পুতিনের সঙ্গে কিমের বৈঠক')
    expect(index.search('পুতিন ট্রাম্প', { suggest: true })).toEqual([0])
  })

  it('works per field in a Document, and after export and import', async () => {
    const encoder = flexsearchEncoder()
    const make = () => new Document({ document: { id: 'id', index: [{ field: 'title', encoder }, { field: 'text', encoder }] } })
    const docs = make()
    docs.add({ id: 1, title: 'সরকারী সফর', text: 'রাশিয়ার প্রেসিডেন্ট ২০১৯ সালে এসেছিলেন' })
    docs.add({ id: 2, title: 'বৃষ্টি', text: 'ঢাকায় আজ বৃষ্টি হয়েছে' })
    expect(docs.search('সরকারি', { merge: true }).map((hit) => hit.id)).toEqual([1])
    const parts: Array<[string, string]> = []
    await docs.export((key, data) => {
      if (data !== undefined && data !== null) parts.push([key, data])
    })
    const again = make()
    for (const [key, data] of parts) await again.import(key, data)
    expect(again.search('রাশিয়া 2019', { merge: true }).map((hit) => hit.id)).toEqual([1])
  })

  it('refuses bad options and non-string input with typed errors', () => {
    expect(() => flexsearchEncoder({ stopwords: 'remove' as 'drop' })).toThrow(BanglaSearchError)
    expect(() => flexsearchEncoder({ split: / / } as object)).toThrow(/INVALID_OPTION/)
    expect(() => flexsearchEncoder()(42 as unknown as string)).toThrow(/INVALID_ARGUMENT/)
  })
})
