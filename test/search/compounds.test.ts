import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../src/analysis/tokenize.js'
import { foldedStems } from '../../src/analysis/analyze.js'
import { SearchIndex } from '../../src/index.js'
import { COMPOUNDS, findJoin, findSplit, type CompoundVocabulary } from '../../src/search/compounds.js'
import { expandWord, inflectedTerms, type ExpansionContext } from '../../src/search/expand.js'

/** A vocabulary of words with document counts; stems through the library's stemmer. */
function vocabularyOf(counts: Record<string, number>): CompoundVocabulary {
  const words = Object.keys(counts)
  const stems = [...new Set(words.flatMap((word) => foldedStems(word)))]
  return {
    termId: (term) => words.indexOf(term),
    termFrequency: (termId) => counts[words[termId] as string] ?? 0,
    stemId: (stem) => stems.indexOf(stem),
    stemFrequency: (stemId) => words.filter((word) => foldedStems(word).includes(stems[stemId] as string)).reduce((sum, word) => sum + (counts[word] ?? 0), 0),
  }
}

const vocabulary = vocabularyOf({
  স্বর্ণমন্দিরের: 4,
  স্বর্ণমন্দির: 9,
  মুখোশগুলো: 5,
  ছবিও: 300,
  একাকিত্ব: 1,
  প্রতিরক্ষা: 150,
  মন্ত্রী: 900,
  প্রতিরক্ষামন্ত্রী: 3,
  প্রধানমন্ত্রী: 2000,
  প্রধান: 3000,
  রা: 40,
})

describe('findJoin', () => {
  it.each([
    // left, right, closed form found (or undefined), its stem kept as a compound stem?
    ['স্বর্ণ', 'মন্দিরের', 'স্বর্ণমন্দিরের', true], // a compound: its other inflections (স্বর্ণমন্দির) count too
    ['মুখোশ', 'গুলো', 'মুখোশগুলো', false], // a suffix typed apart: only the closed form
    ['ছবি', 'ও', undefined, false], // a function word is a word of its own: ছবি ও গান is not ছবিও
    ['একা', 'কিত্ব', undefined, false], // the closed form is in too few documents
    ['রবি', 'শঙ্কর', undefined, false], // not in the index at all
  ])('%s + %s → %s', (left, right, closed, compoundStem) => {
    const join = findJoin(left, right, vocabulary)
    expect(join?.term).toBe(closed)
    if (join !== undefined) expect(join.stemId >= 0).toBe(compoundStem)
  })

  it('takes only Bengali words', () => {
    expect(findJoin('e', 'mail', vocabularyOf({ email: 50 }))).toBeUndefined()
  })
})

describe('findSplit', () => {
  it.each([
    ['প্রতিরক্ষামন্ত্রী', 'প্রতিরক্ষা মন্ত্রী'], // rare closed, two frequent parts
    ['প্রধানমন্ত্রী', undefined], // the closed form is common: its writers close it
    ['মন্ত্রীরা', undefined], // a one-cluster part (রা) is not a word of the split
    ['স্বর্ণমন্দির', undefined], // the parts are not indexed words
  ])('%s → %s', (word, parts) => {
    const split = findSplit(word, vocabulary)
    expect(split === undefined ? undefined : `${split.left} ${split.right}`).toBe(parts)
  })

  it('needs both parts in enough documents', () => {
    expect(findSplit('প্রতিরক্ষামন্ত্রী', vocabulary, { ...COMPOUNDS, splitMinDocuments: 200 })).toBeUndefined()
  })
})

describe('compounds in search', () => {
  const filler = (word: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${word}-${i}`, text: `${word} নিয়ে কথা ${i}` }))
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll([
    { id: 'closed', text: 'অমৃতসরের স্বর্ণমন্দিরের ছবি' },
    { id: 'closed2', text: 'সোনালি স্বর্ণমন্দিরের আলো' },
    { id: 'masks', text: 'মুখোশগুলো খুলে গেল' },
    { id: 'masks2', text: 'রঙিন মুখোশগুলো দেয়ালে' },
    { id: 'apart', text: 'দেশের প্রতিরক্ষা মন্ত্রী বললেন' },
    { id: 'also', text: 'ছবিও আছে, ছবিও দেখুন' },
    { id: 'also2', text: 'গানের সঙ্গে ছবিও' },
    ...filler('প্রতিরক্ষা', 20),
    ...filler('মন্ত্রী', 20),
  ])

  it('finds the closed compound of words typed apart, suffixes included', () => {
    expect(index.search('স্বর্ণ মন্দিরের').map((hit) => hit.id).sort()).toEqual(['closed', 'closed2'])
    const masks = index.search('মুখোশ গুলো')
    expect(masks.map((hit) => hit.id).sort()).toEqual(['masks', 'masks2'])
    expect(masks[0]?.match.map((m) => m.kind)).toContain('compound')
  })

  it('finds the words written apart for a closed compound', () => {
    expect(index.search('প্রতিরক্ষামন্ত্রী')[0]?.id).toBe('apart')
  })

  it('does not join a function word to the word before it', () => {
    const ids = index.search('ছবি ও').map((hit) => hit.id)
    expect(ids).toContain('closed')
    expect(ids).not.toContain('also')
    expect(ids).not.toContain('also2')
  })

  it('needs every word, or its closed compound, when all words are asked', () => {
    expect(index.search('স্বর্ণ মন্দিরের', { combineWith: 'and' }).map((hit) => hit.id).sort()).toEqual(['closed', 'closed2'])
  })
})

describe('compound readings kept between queries', () => {
  const filler = (word: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${word}-${i}`, text: `${word} নিয়ে কথা ${i}` }))
  const base = [{ id: 'apart', text: 'দেশের প্রতিরক্ষা মন্ত্রী বললেন' }, ...filler('প্রতিরক্ষা', 20), ...filler('মন্ত্রী', 20)]
  const shown = (index: SearchIndex, query: string) => index.search(query, { limit: 50 }).map((hit) => `${hit.id} ${hit.score}`)
  const queries = ['প্রতিরক্ষামন্ত্রী', 'প্রতিরক্ষা মন্ত্রী', 'স্বর্ণ মন্দিরের']

  it('follow every add and remove: hits and scores equal those of an index built afresh', () => {
    // the look-ups, join terms and split phrase matches are kept per index generation: each
    // change must start afresh, or a query would miss a new document or keep a removed one
    const steps: ({ add: { id: string; text: string } } | { remove: string })[] = [
      { add: { id: 'closed', text: 'স্বর্ণমন্দিরের প্রতিরক্ষামন্ত্রী' } },
      { add: { id: 'apart2', text: 'নতুন প্রতিরক্ষা মন্ত্রী এলেন, স্বর্ণ মন্দিরের পথে' } },
      { add: { id: 'closed2', text: 'স্বর্ণমন্দিরের আলো' } },
      { remove: 'apart' },
    ]
    const index = new SearchIndex({ fields: ['text'] })
    let docs = [...base]
    index.addAll(docs)
    for (const query of queries) shown(index, query)
    for (const step of steps) {
      if ('add' in step) {
        index.add(step.add)
        docs = [...docs, step.add]
      } else {
        index.remove(step.remove)
        docs = docs.filter((doc) => doc.id !== step.remove)
      }
      const fresh = new SearchIndex({ fields: ['text'] })
      fresh.addAll(docs)
      for (const query of queries) expect(shown(index, query), `${JSON.stringify(step)}: ${query}`).toEqual(shown(fresh, query))
    }
  })
})

describe('the terms of a split part', () => {
  it("are the exact and stem terms of the part's full expansion, with the same weights, in the same order", () => {
    const dir = path.resolve(__dirname, '../../corpus/seeds')
    const texts = fs.readdirSync(dir).map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll(texts.flatMap((text, i) => text.split(/\n\s*\n/).map((part, j) => ({ id: `${i}.${j}`, text: part }))))
    const inner = index as unknown as Record<'inverted' | 'documents' | 'options' | 'prefixes' | 'fuzzy' | 'synonyms', never>
    const context = { index: inner.inverted, documents: inner.documents, options: inner.options, prefixes: inner.prefixes, fuzzy: inner.fuzzy, synonyms: inner.synonyms } as ExpansionContext
    const indexed = [...new Set(texts.flatMap((text) => tokenize(text)).filter((token) => token.script === 'bengali').map((token) => token.term))]
    expect(indexed.length).toBeGreaterThan(500)
    // and forms the index may not hold
    const words = [...indexed, ...indexed.map((word) => `${word}দের`)]
    let withStems = 0
    for (const word of words) {
      const own = inflectedTerms(word, context)
      expect(own).toEqual(expandWord(word, 'bengali', context, { prefix: false, fuzzy: false }).filter((term) => term.kind === 'exact' || term.kind === 'stem'))
      if (own.some((term) => term.kind === 'stem')) withStems++
    }
    expect(withStems).toBeGreaterThan(100)
  })
})
