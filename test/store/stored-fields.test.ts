import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError } from '../../src/errors.js'
import { StoredFieldStore } from '../../src/store/stored-fields.js'
import { anyText, bengaliText, WORDS } from '../helpers/arbitraries.js'
import { expected, run } from '../helpers/stored-fields.js'

const LONG = 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে উত্তর কোরিয়ার নেতা কিমের বৈঠক হয়েছে ভ্লাদিভোস্টকে। '.repeat(20)

function refusal(action: () => unknown): BanglaSearchError {
  try {
    action()
  } catch (error) {
    if (error instanceof BanglaSearchError) return error
    throw error
  }
  throw new Error('expected a BanglaSearchError')
}

describe('StoredFieldStore: values', () => {
  it('gives back every kind of JSON value, short and long, in the order given, as a fresh plain object', () => {
    const fields = {
      title: 'ঢাকা',
      text: LONG,
      year: 2019,
      price: -0,
      ratio: 0.1 + 0.2,
      draft: false,
      editor: null,
      tags: ['রাজনীতি', 'বিশ্ব', 1, null],
      meta: { source: 'প্রথম আলো', pages: [1, 2], nested: { deep: true } },
      longTags: Array.from({ length: 40 }, (_, i) => `ট্যাগ ${i}`),
      '': 'empty name',
      'নাম': 'a Bengali field name',
      odd: '\ud800 lone surrogate \u0000 and NUL',
    }
    const store = new StoredFieldStore({ blockSize: 256 })
    store.add(0, fields)
    store.add(1, { text: LONG + 'x' })
    const got = store.get(0) as Record<string, unknown>
    expect(got).toEqual(expected(fields))
    expect(Object.keys(got)).toEqual(Object.keys(fields))
    expect(Object.is(got['price'], -0)).toBe(true)
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype)
    expect(store.get(0)).not.toBe(got)
    ;(got['tags'] as unknown[]).push('changed')
    expect(store.get(0)?.['tags']).toEqual(['রাজনীতি', 'বিশ্ব', 1, null])
  })

  it('keeps __proto__ and constructor as plain data fields, nested too', () => {
    const fields = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c", "nested": {"__proto__": 1}}') as Record<string, unknown>
    const store = new StoredFieldStore()
    store.add(0, fields)
    const got = store.get(0) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual({ polluted: true })
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(got['nested'], '__proto__')?.value).toBe(1)
    expect(got['constructor']).toBe('c')
  })

  it('gives {} for a document without fields, undefined for one never added or removed, and leaves undefined fields out', () => {
    const store = new StoredFieldStore()
    store.add(0, undefined)
    store.add(1, {})
    store.add(2, { title: undefined, text: 'কিম' })
    expect(store.get(0)).toEqual({})
    expect(store.get(1)).toEqual({})
    expect(Object.keys(store.get(2) as object)).toEqual(['text'])
    expect(store.get(3)).toBeUndefined()
    expect(store.get(-1)).toBeUndefined()
    expect(store.get(0.5)).toBeUndefined()
    expect(store.remove(1)).toBe(true)
    expect(store.remove(1)).toBe(false)
    expect(store.get(1)).toBeUndefined()
    expect(store.size).toBe(2)
  })

  class Point {
    constructor(readonly x = 1) {}
  }
  const cycle: Record<string, unknown> = { a: 1 }
  cycle['self'] = cycle
  const deep = JSON.parse('['.repeat(70) + ']'.repeat(70)) as unknown

  it.each([
    ['a function', { title: () => 1 }, /"title".*got a function/],
    ['a bigint', { n: 10n }, /"n".*got 10.*String\(value\)/],
    ['a symbol', { s: Symbol('x') }, /"s".*got a symbol/],
    ['NaN', { n: Number.NaN }, /"n".*got NaN/],
    ['Infinity inside an array', { list: [1, Infinity] }, /"list".*got Infinity at list\[1\]/],
    ['undefined inside an array', { list: [1, undefined] }, /at list\[1\].*use null/],
    ['a hole in an array', { list: [1, , 3] }, /at list\[1\]/],
    ['undefined inside an object', { meta: { a: undefined } }, /at meta\.a/],
    ['a cycle', { meta: cycle }, /at meta\.self.*contains itself/],
    ['a Date', { published: new Date(0) }, /"published".*got a Date.*toISOString/],
    ['a Map', { meta: new Map() }, /got a Map/],
    ['a class instance inside an array', { points: [new Point()] }, /got a Point at points\[0\]/],
    ['a symbol key', { meta: { [Symbol('k')]: 1 } }, /symbol keys/],
    ['nesting too deep', { deep }, /at most 64 deep/],
  ])('refuses %s with INVALID_FIELD_VALUE, naming the field, and changes nothing', (_what, fields, message) => {
    const store = new StoredFieldStore()
    store.add(0, { title: 'ঢাকা' })
    const error = refusal(() => store.add(1, fields as Record<string, unknown>, 'document "7"'))
    expect(error.code).toBe('INVALID_FIELD_VALUE')
    expect(error.message).toMatch(message)
    expect(error.message).toContain('document "7"')
    expect(store.size).toBe(1)
    expect(store.has(1)).toBe(false)
    store.add(1, { title: 'কিম' })
    expect(store.get(1)).toEqual({ title: 'কিম' })
  })

  it.each([
    ['an array', ['x']],
    ['a string', 'x'],
    ['a Date', new Date(0)],
  ])('refuses %s as the fields object', (_what, fields) => {
    expect(refusal(() => new StoredFieldStore().add(0, fields as unknown as Record<string, unknown>)).code).toBe('INVALID_FIELD_VALUE')
  })

  it('takes increasing document numbers with gaps, and refuses others', () => {
    const store = new StoredFieldStore()
    store.add(3, { title: 'ক' })
    store.add(10, { title: 'খ', text: LONG })
    expect(store.get(10)).toEqual({ title: 'খ', text: LONG })
    expect(store.has(5)).toBe(false)
    for (const doc of [10, 2, -1, 1.5, Number.NaN, 2 ** 40]) expect(refusal(() => store.add(doc, {})).code).toBe('INVALID_ARGUMENT')
  })

  it.each([
    ['blockSize', { blockSize: 0 }],
    ['level', { level: 10 }],
    ['cacheBlocks', { cacheBlocks: -1 }],
    ['hotLength', { hotLength: 1.5 }],
  ])('refuses a bad %s option', (name, options) => {
    const error = refusal(() => new StoredFieldStore(options))
    expect(error.code).toBe('INVALID_OPTION')
    expect(error.message).toContain(name)
  })
})

describe('StoredFieldStore: blocks, cache, lazy reads', () => {
  /** 40 documents with a short title and a long text; blocks of ~3 documents. */
  function filled(cacheBlocks = 8): StoredFieldStore {
    const store = new StoredFieldStore({ blockSize: 2 * LONG.length, cacheBlocks })
    for (let doc = 0; doc < 40; doc++) store.add(doc, { title: `শিরোনাম ${doc}`, text: `${doc} ${LONG}` })
    return store
  }

  it('compresses long values into blocks and keeps short ones out of them', () => {
    const store = filled()
    const stats = store.stats()
    expect(stats.blocks).toBeGreaterThan(10)
    expect(stats.compressedBytes).toBeLessThan(stats.blockBytes / 4)
    expect(stats.hotBytes).toBeLessThan(40 * 30)
  })

  it('reads a hot field without decompressing, and a cold one by decompressing one block', () => {
    const store = filled()
    const before = store.stats().decompressions
    expect(store.getLazy(5)?.['title']).toBe('শিরোনাম 5')
    expect(store.stats().decompressions).toBe(before)
    expect(store.get(5)?.['text']).toBe(`5 ${LONG}`)
    expect(store.stats().decompressions).toBe(before + 1)
  })

  it('keeps the most recently used blocks (LRU)', () => {
    const store = filled(2)
    const misses = (): number => store.stats().decompressions
    // documents 0, 12, 24, 36 are in four different blocks
    store.get(0)
    store.get(12)
    store.get(0) // hit
    expect(misses()).toBe(2)
    store.get(24) // evicts 12, the least recently used
    store.get(0) // hit
    expect(misses()).toBe(3)
    store.get(12) // miss again
    expect(misses()).toBe(4)
    expect(store.stats().cacheHits).toBe(2)
  })

  it('gives lazy objects: hot fields as data, cold ones decompressed on first read, then data', () => {
    const store = filled()
    const lazy = store.getLazy(7) as Record<string, unknown>
    expect(Object.keys(lazy)).toEqual(['title', 'text'])
    expect('text' in lazy).toBe(true)
    expect(Object.getOwnPropertyDescriptor(lazy, 'title')?.value).toBe('শিরোনাম 7')
    expect(Object.getOwnPropertyDescriptor(lazy, 'text')?.get).toBeTypeOf('function')
    const before = store.stats().decompressions
    expect(lazy['text']).toBe(`7 ${LONG}`)
    expect(lazy['text']).toBe(`7 ${LONG}`)
    expect(store.stats().decompressions).toBe(before + 1)
    expect(Object.getOwnPropertyDescriptor(lazy, 'text')?.value).toBe(`7 ${LONG}`)
    expect({ ...store.getLazy(8) }).toEqual(store.get(8))
    const assigned = store.getLazy(9) as Record<string, unknown>
    assigned['text'] = 'replaced'
    expect(assigned['text']).toBe('replaced')
  })

  it('keeps a lazy object as it was after remove() and compact(), open block included', () => {
    const store = filled()
    store.add(40, { text: `40 ${LONG.slice(0, 200)}` }) // stays in the open block
    const sealed = store.getLazy(3) as Record<string, unknown>
    const open = store.getLazy(40) as Record<string, unknown>
    for (let doc = 0; doc <= 40; doc += 2) store.remove(doc)
    store.remove(3)
    store.compact()
    store.add(41, { text: LONG })
    expect(sealed['text']).toBe(`3 ${LONG}`)
    expect(open['text']).toBe(`40 ${LONG.slice(0, 200)}`)
  })
})

/** Fields of random shape: long and short Bengali text, any text, JSON values, odd names. */
const fieldsArb = fc.dictionary(
  fc.oneof(fc.constantFrom('title', 'text', 'year', 'tags', '__proto__', 'constructor', 'নাম', '0', ''), fc.string({ maxLength: 4 })),
  fc.oneof(
    { weight: 3, arbitrary: bengaliText(120) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 10, maxLength: 80 }).map((words) => words.join(' ')) },
    { weight: 1, arbitrary: anyText(100) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  ),
  { maxKeys: 5 },
)

const operationsArb = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), fields: fieldsArb, skip: fc.constantFrom(0, 0, 0, 1, 3) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
  ),
  { maxLength: 60 },
)

describe('StoredFieldStore: against a Map (properties)', () => {
  it('answers like a Map after adds, removes and compactions, eagerly and lazily', () => {
    fc.assert(
      fc.property(operationsArb, fc.constantFrom(256, 1024, 16_384), fc.constantFrom(0, 16), fc.constantFrom(0, 2), (operations, blockSize, hotLength, cacheBlocks) => {
        const { store, oracle, next } = run(operations, { blockSize, hotLength, cacheBlocks })
        for (let doc = 0; doc < next; doc++) {
          expect(store.get(doc)).toEqual(oracle.get(doc))
          const lazy = store.getLazy(doc)
          expect(lazy === undefined ? undefined : { ...lazy }).toEqual(oracle.get(doc))
          if (oracle.has(doc)) expect(Object.keys(store.get(doc) as object)).toEqual(Object.keys(oracle.get(doc) as object))
        }
        expect(store.size).toBe(oracle.size)
        store.compact()
        expect(store.stats().removedUncompacted).toBe(0)
        for (const [doc, fields] of oracle) expect(store.get(doc)).toEqual(fields)
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})
