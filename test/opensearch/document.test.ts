import { describe, expect, it } from 'vitest'
import {
  ALTERNATIVE_SEPARATOR,
  BanglaSearchError,
  indexBody,
  indexTemplate,
  MAX_TOKEN_LENGTH,
  stackedText,
  stemToken,
  toOpenSearchDocument,
  vocabularyIndexBody,
  vocabularyUpdates,
  vowelDeletions,
  type OpenSearchOptions,
} from '../../src/opensearch/index.js'

const options: OpenSearchOptions = { index: 'articles', fields: ['title', 'text'], boost: { title: 2 } }

function codeOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    return error instanceof BanglaSearchError ? error.code : `not typed: ${String(error)}`
  }
  return undefined
}

describe('stacked text: each word as exact|~stem at one position', () => {
  it.each([
    ['পুতিনের সফর', 'পুতিনের|~পুতিন সফর|~সফর'],
    ['Putin-এর সফর', 'putin সফর|~সফর'], // a Latin word is its own stem; the clitic joins it
    ['২০১৯ সালে', '2019 সালে|~সাল|~সালে'], // digits folded; two stem candidates
    ['সরকারী', 'সরকারী|~সরকারি'], // the stem is folded (ী → ি), the exact form is not
    ['রাশিয়া', 'রাশিয়া|~রাশিয়া'], // U+09DF typed: NFC, as the query side does it
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(stackedText(text)).toBe(expected)
  })

  it('puts one group per word, so positions match the library tokenizer', () => {
    const text = 'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে কিম জং উনের বৈঠক হয়েছে।'
    expect(stackedText(text).split(' ')).toHaveLength(10)
  })

  it('cuts very long words to MAX_TOKEN_LENGTH in every part', () => {
    const long = 'ক'.repeat(MAX_TOKEN_LENGTH * 3)
    for (const part of stackedText(long).split(ALTERNATIVE_SEPARATOR)) expect(part.replace('~', '').length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH)
  })

  it('marks Bengali stems only', () => {
    expect(stemToken('পুতিন')).toBe('~পুতিন')
    expect(stemToken('putin')).toBe('putin')
    expect(stemToken('2019')).toBe('2019')
  })
})

describe('toOpenSearchDocument', () => {
  it('keeps the id and stored fields as given and adds the pre-analysed fields', () => {
    const doc = toOpenSearchDocument({ id: 7, title: 'পুতিনের সফর', text: 'ঢাকায় সফর', extra: 1 }, options)
    expect(doc.id).toBe('7')
    expect(doc.documentId).toBe(7)
    expect({ ...doc.body }).toEqual({
      id: 7,
      title: 'পুতিনের সফর',
      text: 'ঢাকায় সফর',
      bangla: { title: 'পুতিনের|~পুতিন সফর|~সফর', text: 'ঢাকায়|~ঢাকা|~ঢাকায় সফর|~সফর' },
    })
    expect([...doc.stems].sort()).toEqual(['ঢাকা', 'ঢাকায়', 'পুতিন', 'সফর'].sort())
  })

  it('stores only storeFields, and leaves absent fields out', () => {
    const doc = toOpenSearchDocument({ id: 'a', text: 'ঢাকা' }, { ...options, storeFields: [] })
    expect({ ...doc.body }).toEqual({ id: 'a', bangla: { text: 'ঢাকা|~ঢাকা' } })
  })

  it('keeps a field named __proto__ as data', () => {
    const doc = toOpenSearchDocument(JSON.parse('{"id":1,"__proto__":"ঢাকা"}'), { index: 'x', fields: ['__proto__'] })
    expect(Object.getPrototypeOf(doc.body)).toBe(null)
    expect(JSON.parse(JSON.stringify(doc.body))).toEqual(JSON.parse('{"id":1,"__proto__":"ঢাকা","bangla":{"__proto__":"ঢাকা|~ঢাকা"}}'))
  })

  it.each([
    ['not an object', 'text', 'INVALID_DOCUMENT'],
    ['no id', { text: 'ঢাকা' }, 'MISSING_ID'],
    ['a bad id', { id: {}, text: 'ঢাকা' }, 'INVALID_ID'],
    ['a number in a text field', { id: 1, text: 5 }, 'INVALID_FIELD_VALUE'],
    ['legacy Bijoy text', { id: 1, text: 'Avwg evsjvq Mvb MvB| evsjv‡`k' }, 'LEGACY_ENCODING'],
  ])('refuses %s with the same error as SearchIndex.add', (_what, document, code) => {
    expect(codeOf(() => toOpenSearchDocument(document as object, options))).toBe(code)
  })

  it.each([
    ['no index', { fields: ['text'] }],
    ['an index name with capitals', { index: 'Articles', fields: ['text'] }],
    ['no fields', { index: 'a', fields: [] }],
    ['the vocabulary index equal to the index', { index: 'a', vocabularyIndex: 'a', fields: ['text'] }],
    ['analyzedField that is a document field', { index: 'a', fields: ['text'], analyzedField: 'text' }],
    ['analyzedField with a dot', { index: 'a', fields: ['text'], analyzedField: 'a.b' }],
  ])('refuses options with %s (INVALID_OPTION)', (_what, bad) => {
    expect(codeOf(() => toOpenSearchDocument({ id: 1, text: 'ঢাকা' }, bad as unknown as OpenSearchOptions))).toBe('INVALID_OPTION')
  })
})

describe('index bodies', () => {
  it('maps each field as pre-analysed text under analyzedField, with BM25 from the options', () => {
    const body = indexBody({ ...options, analyzedField: 'bn', bm25: { k1: 1.5 } })
    expect(body.mappings.properties).toEqual({
      id: { type: 'keyword' },
      bn: {
        properties: {
          title: { type: 'text', analyzer: 'bangla_search', similarity: 'bangla_search_bm25', index_options: 'positions' },
          text: { type: 'text', analyzer: 'bangla_search', similarity: 'bangla_search_bm25', index_options: 'positions' },
        },
      },
    })
    expect(body.settings.index?.similarity).toEqual({ bangla_search_bm25: { type: 'BM25', k1: 1.5, b: 0.75 } })
    expect(body.settings.analysis?.filter).toEqual({ bangla_search_alternatives: { type: 'pattern_capture', preserve_original: false, patterns: ['([^|]+)'] } })
  })

  it('wraps the body in an index template for the given patterns', () => {
    expect(indexTemplate(options, ['articles-*'])).toEqual({ index_patterns: ['articles-*'], template: indexBody(options) })
    expect(() => indexTemplate(options, [])).toThrow(BanglaSearchError)
  })

  it('keeps the vocabulary on one shard with the alias keys as keywords', () => {
    expect(Object.keys(vocabularyIndexBody().mappings.properties)).toEqual(['stem', 'k0', 'k1', 'k1v', 'df'])
  })
})

describe('vocabulary updates', () => {
  it('counts each stem once per document, as scripted upserts', () => {
    const docs = [
      toOpenSearchDocument({ id: 1, text: 'পুতিন পুতিনের সফর' }, options),
      toOpenSearchDocument({ id: 2, text: 'পুতিনকে putin' }, options),
    ]
    const lines = vocabularyUpdates(docs, options)
    const counts = new Map<string, number>()
    for (let i = 0; i < lines.length; i += 2) {
      const action = lines[i] as { update: { _index: string; _id: string } }
      const body = lines[i + 1] as { script: { source: string; params: { n: number } }; upsert: Record<string, unknown> }
      expect(action.update._index).toBe('articles-vocabulary')
      expect(body.script.source).toBe('ctx._source.df += params.n')
      expect(body.upsert['df']).toBe(body.script.params.n)
      counts.set(action.update._id, body.script.params.n)
    }
    // পুতিনকে has two stem candidates, পুতিন and পুতিনক: each counted once for document 2
    expect(Object.fromEntries(counts)).toEqual({ পুতিন: 2, পুতিনক: 1, সফর: 1, putin: 1 })
    const putin = lines.find((line) => (line as { upsert?: { stem: string } }).upsert?.stem === 'পুতিন') as { upsert: Record<string, unknown> }
    expect(putin.upsert).toEqual({ stem: 'পুতিন', k0: 'PTN', k1: 'PUTIN', k1v: ['PUTIN', 'PTIN', 'PUTN', 'PTN'], df: 2 })
    const latin = lines.find((line) => (line as { upsert?: { stem: string } }).upsert?.stem === 'putin') as { upsert: Record<string, unknown> }
    expect(latin.upsert).toEqual({ stem: 'putin', df: 1 })
  })

  it.each([
    ['PUTIN', 0, ['PUTIN']],
    ['PUTIN', 1, ['PUTIN', 'PTIN', 'PUTN']],
    ['KT', 2, ['KT']],
    ['VIE', 1, ['VIE', 'VE', 'VI']], // V (an initial vowel) is not a vowel class: never deleted
  ])('vowelDeletions(%s, %i)', (key, max, expected) => {
    expect(vowelDeletions(key, max)).toEqual(expected)
  })
})
