/**
 * Bulk intake: addAll / addAllAsync with onInvalid 'skip' index exactly the valid documents of a
 * mix and report exactly the rest; the default (all or nothing) adds nothing on any failure; the
 * legacy option rejects, converts or skips Bijoy fields.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError, SearchIndex, type AddAllReport, type ErrorCode } from '../../src/index.js'
import { BIJOY_PARAGRAPH } from '../robustness/bijoy-samples.js'
import { wordText } from '../helpers/arbitraries.js'

/** One entry of a random batch: the document, and the code it must be refused with (or none). */
type Entry = { readonly document: unknown; readonly problem?: ErrorCode }

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'] } as const
const INDEXED = [1000, 1001] // ids put in the index before the batch

/** A document of one kind; the id is chosen by the batch so that duplicates are known. */
const kinds = fc.constantFrom('valid', 'valid', 'valid', 'not-object', 'no-id', 'bad-id', 'bad-field', 'bijoy', 'indexed', 'twice')
const batchArb = fc.array(fc.tuple(kinds, wordText), { maxLength: 25 }).map((rows) => {
  const entries: Entry[] = []
  const ids: number[] = []
  rows.forEach(([kind, text], i) => {
    const doc = { id: i, title: text, text }
    switch (kind) {
      case 'not-object':
        return entries.push({ document: text, problem: 'INVALID_DOCUMENT' })
      case 'no-id':
        return entries.push({ document: { title: text }, problem: 'MISSING_ID' })
      case 'bad-id':
        return entries.push({ document: { id: '', title: text }, problem: 'INVALID_ID' })
      case 'bad-field':
        return entries.push({ document: { ...doc, text: 42 }, problem: 'INVALID_FIELD_VALUE' })
      case 'bijoy':
        return entries.push({ document: { ...doc, text: BIJOY_PARAGRAPH }, problem: 'LEGACY_ENCODING' })
      case 'indexed':
        return entries.push({ document: { ...doc, id: INDEXED[i % 2] }, problem: 'DUPLICATE_ID' })
      case 'twice': {
        const earlier = ids[0]
        if (earlier === undefined) break // nothing valid before: a plain valid document
        return entries.push({ document: { ...doc, id: earlier }, problem: 'DUPLICATE_ID' })
      }
    }
    ids.push(i)
    return entries.push({ document: doc })
  })
  return entries
})

function freshIndex(): SearchIndex {
  const index = new SearchIndex(OPTIONS)
  for (const id of INDEXED) index.add({ id, title: 'আগের', text: 'আগের লেখা' })
  return index
}

function expectReport(report: AddAllReport, entries: readonly Entry[], index: SearchIndex): void {
  const valid = entries.filter((entry) => entry.problem === undefined)
  expect(report.added).toBe(valid.length)
  expect(index.size).toBe(INDEXED.length + valid.length)
  for (const entry of valid) expect(index.has((entry.document as { id: number }).id)).toBe(true)
  const refused = entries.flatMap((entry, position) => (entry.problem === undefined ? [] : [{ position, code: entry.problem }]))
  expect(report.skipped.count).toBe(refused.length)
  expect(report.skipped.entries.map(({ position, code }) => ({ position, code }))).toEqual(refused)
  for (const skipped of report.skipped.entries) expect(skipped.message.length).toBeGreaterThan(10)
}

describe('addAll with onInvalid: skip', () => {
  it('indexes exactly the valid documents of a random mix and reports exactly the rest', () => {
    fc.assert(
      fc.property(batchArb, (entries) => {
        const index = freshIndex()
        expectReport(index.addAll(entries.map((entry) => entry.document) as object[], { onInvalid: 'skip', maxReported: 1000 }), entries, index)
      }),
      { numRuns: 150 },
    )
  })

  it('does the same in addAllAsync, in chunks', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb, async (entries) => {
        const index = freshIndex()
        const report = await index.addAllAsync(entries.map((entry) => entry.document) as object[], { onInvalid: 'skip', maxReported: 1000, chunkSize: 3 })
        expectReport(report, entries, index)
      }),
      { numRuns: 40 },
    )
  })

  it('lists the first maxReported skipped documents and counts them all', () => {
    const documents = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? { id: i, text: 'ঢাকা' } : { text: 'নেই' }))
    const report = new SearchIndex({ fields: ['text'] }).addAll(documents, { onInvalid: 'skip', maxReported: 5 })
    expect(report.added).toBe(10)
    expect(report.skipped.count).toBe(20)
    expect(report.skipped.entries.map((entry) => entry.position)).toEqual([1, 2, 4, 5, 7])
    expect(report.skipped.entries[0]).toEqual({ position: 1, code: 'MISSING_ID', message: expect.stringMatching(/^The document has no "id" field/u) })
  })

  it('gives the id of a skipped document when it has a valid one, and keeps the first of two equal ids', () => {
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    const report = index.addAll(
      [
        { id: 'a', text: 'প্রথম' },
        { id: 'a', text: 'দ্বিতীয়' },
        { id: 'b', text: 7 },
      ],
      { onInvalid: 'skip' },
    )
    expect(report.skipped.entries.map(({ position, id, code }) => [position, id, code])).toEqual([
      [1, 'a', 'DUPLICATE_ID'],
      [2, 'b', 'INVALID_FIELD_VALUE'],
    ])
    expect(index.getStoredFields('a')).toEqual({ text: 'প্রথম' })
  })

  it('refuses bad options and a non-iterable with typed errors', () => {
    const index = new SearchIndex({ fields: ['text'] })
    const code = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return (error as BanglaSearchError).code
      }
      return undefined
    }
    expect(code(() => index.addAll([], { onInvalid: 'ignore' as 'skip' }))).toBe('INVALID_OPTION')
    expect(code(() => index.addAll([], { maxReported: 10_001 }))).toBe('INVALID_OPTION')
    expect(code(() => index.addAll([], { maxReported: -1 }))).toBe('INVALID_OPTION')
    expect(code(() => index.addAll(42 as unknown as object[], { onInvalid: 'skip' }))).toBe('INVALID_ARGUMENT')
  })
})

describe('addAll by default: all or nothing', () => {
  it('adds nothing when any document is bad, throwing the first problem; adds all otherwise', () => {
    fc.assert(
      fc.property(batchArb, (entries) => {
        const index = freshIndex()
        const before = JSON.stringify(index.toJSON())
        const first = entries.find((entry) => entry.problem !== undefined)
        const documents = entries.map((entry) => entry.document) as object[]
        if (first === undefined) {
          expect(index.addAll(documents)).toEqual({ added: entries.length, skipped: { count: 0, entries: [] } })
          return
        }
        expect(() => index.addAll(documents)).toThrow(expect.objectContaining({ code: first.problem }))
        expect(JSON.stringify(index.toJSON())).toBe(before)
      }),
      { numRuns: 150 },
    )
  })
})

describe('the legacy option', () => {
  const bijoy = { id: 'b', title: 'wZwb e‡jb', text: BIJOY_PARAGRAPH }
  const unicode = { id: 'u', title: 'ঢাকা', text: 'ঢাকার খবর' }

  it("'reject' (the default) refuses a Bijoy field with LEGACY_ENCODING and says how to convert", () => {
    const index = new SearchIndex({ fields: ['title', 'text'] })
    expect(() => index.add(bijoy)).toThrow(/LEGACY_ENCODING: Field "title" of document "b" is legacy Bijoy\/SutonnyMJ text .*legacy: 'convert'/u)
    expect(index.addAll([unicode, bijoy], { onInvalid: 'skip' }).skipped.entries.map((entry) => entry.code)).toEqual(['LEGACY_ENCODING'])
  })

  it("'convert' indexes and stores the Unicode text, so it is found and shown in Bengali", () => {
    const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'], legacy: 'convert' })
    expect(index.addAll([unicode, bijoy])).toEqual({ added: 2, skipped: { count: 0, entries: [] } })
    const hit = index.search('সরকার', { highlight: true })[0]
    expect(hit?.id).toBe('b')
    expect(hit?.['title']).toBe('তিনি বলেন')
    expect(hit?.snippet).toContain('<mark>সরকার</mark>')
    expect(index.search('বিদ্যালয়').map((h) => h.id)).toEqual(['b'])
  })

  it("'skip' leaves Bijoy documents out even in the default mode, reporting them; add() still throws", () => {
    const index = new SearchIndex({ fields: ['title', 'text'], legacy: 'skip' })
    const report = index.addAll([unicode, bijoy])
    expect(report.added).toBe(1)
    expect(report.skipped.entries).toEqual([{ position: 1, id: 'b', code: 'LEGACY_ENCODING', message: expect.stringMatching(/left out \(legacy: skip\)/u) }])
    expect(() => index.addAll([{ id: 'x', text: 5 }])).toThrow(/INVALID_FIELD_VALUE/u)
    expect(() => index.add({ ...bijoy, id: 'c' })).toThrow(/LEGACY_ENCODING/u)
  })

  it('is kept by a saved index, and refused when unknown', () => {
    const saved = new SearchIndex({ fields: ['text'], legacy: 'convert' }).toJSON()
    const loaded = SearchIndex.fromJSON(JSON.parse(JSON.stringify(saved)))
    loaded.add({ id: 1, text: BIJOY_PARAGRAPH })
    expect(loaded.search('সরকার').map((hit) => hit.id)).toEqual([1])
    expect(() => new SearchIndex({ fields: ['text'], legacy: 'fix' as 'skip' })).toThrow(/INVALID_OPTION: legacy must be 'reject' or 'convert' or 'skip'/u)
  })
})
