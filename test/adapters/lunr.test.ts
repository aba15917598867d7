import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { lunrBengali, normalize, registerLunrBengali } from 'bangla-search/lunr'
import { DISTRACTORS, MEET_CASES, label, sentenceWith } from './cases.js'

function indexOf(docs: ReadonlyArray<{ id: string; text: string }>): lunr.Index {
  return lunr(function () {
    this.use(lunrBengali)
    this.ref('id')
    this.field('text')
    this.metadataWhitelist = ['position']
    for (const doc of docs) this.add(doc)
  })
}

const withDistractors = (docs: ReadonlyArray<{ id: string; text: string }>) => [
  ...DISTRACTORS.map((text, i) => ({ id: `other-${i}`, text })),
  ...docs,
]

const refs = (hits: lunr.Index.Result[]) => hits.map((hit) => hit.ref)

describe('bangla-search/lunr with Lunr', () => {
  it.each(MEET_CASES.map((c) => [label(c), c] as const))('%s', (_label, testCase) => {
    const index = indexOf(withDistractors([{ id: 'target', text: sentenceWith(testCase.inDocument) }]))
    expect(refs(index.search(testCase.inQuery))).toEqual(['target'])
  })

  it('indexes Bengali at all: Lunr alone empties every word', () => {
    const plain = lunr(function () {
      this.ref('id')
      this.field('text')
      this.add({ id: '1', text: 'পুতিনের সঙ্গে বৈঠক' })
    })
    expect(plain.search('পুতিনের')).toEqual([])
    expect(refs(indexOf([{ id: '1', text: 'পুতিনের সঙ্গে বৈঠক' }]).search('পুতিনের'))).toEqual(['1'])
  })

  it('records positions in the original text, whatever its normal form', () => {
    const text = `ঢাকা ও ${'রাশিয়ার'.normalize('NFD')} সম্পর্ক`
    const [hit] = indexOf([{ id: '1', text }]).search('রাশিয়া')
    const metadata = hit!.matchData.metadata as Record<string, Record<string, { position: Array<[number, number]> }>>
    const positions = metadata['রাশিয়া'.normalize('NFC')]!.text!.position
    expect(positions.map(([start, length]) => text.slice(start, start + length))).toEqual(['রাশিয়ার'.normalize('NFD')])
  })

  it('ranks the form typed above other forms of the word', () => {
    const index = indexOf([
      { id: 'base', text: 'পুতিন বললেন' },
      { id: 'genitive', text: 'পুতিনের কথা' },
    ])
    expect(refs(index.search('পুতিনের'))).toEqual(['genitive', 'base'])
  })

  it('keeps Lunr query syntax: wildcards, required words', () => {
    const index = indexOf(withDistractors([
      { id: 'peskov', text: 'পেসকভ বলেছেন' },
      { id: 'both', text: 'পেসকভ ও পুতিনের বৈঠক' },
    ]))
    expect(refs(index.search('পেস*')).sort()).toEqual(['both', 'peskov'])
    expect(refs(index.search('+পেসকভ +পুতিন'))).toEqual(['both'])
  })

  it('matches a wildcard prefix typed in another Unicode form once normalised', () => {
    const index = indexOf(withDistractors([{ id: 'russia', text: 'রাশিয়ার প্রেসিডেন্ট' }]))
    const typed = 'রাশি\u09DF' // precomposed য়, which NFC splits in two
    expect(index.search(`${typed}*`)).toEqual([]) // Lunr skips the pipeline for wildcard terms
    expect(refs(index.search(`${normalize(typed)}*`))).toEqual(['russia'])
  })

  it('loads a saved index once the function is registered', () => {
    const saved = JSON.stringify(indexOf(withDistractors([{ id: 'target', text: 'সরকারী সফর ২০১৯ সালে' }])))
    registerLunrBengali(lunr)
    const again = lunr.Index.load(JSON.parse(saved) as object)
    expect(refs(again.search('সরকারি 2019'))).toEqual(['target'])
  })
})
