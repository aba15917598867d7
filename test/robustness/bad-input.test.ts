/**
 * Bad input, one table row per case: each row either expects a typed error (its code, and a
 * message that says what to fix) or a documented safe behaviour (checked by the row). Extends
 * test/search/search-index.test.ts and test/search/saved-format.test.ts, which it does not repeat.
 * Cases that found a bug are kept as named tests, each saying what was wrong.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { detectLegacyBengali } from '../../src/analysis/legacy-encoding.js'
import {
  aliasKey,
  analyze,
  BanglaSearchError,
  normalize,
  parseQuery,
  SearchIndex,
  stem,
  stemCandidates,
  tokenize,
  type ErrorCode,
  type SearchHit,
} from '../../src/index.js'
import { HOSTILE_IDS } from '../helpers/fuzz-arbitraries.js'
import { BIJOY_PARAGRAPH, NOT_BIJOY } from './bijoy-samples.js'
import { Figures, timed } from './timing.js'


const ROOT = path.resolve(__dirname, '../..')
const figures = new Figures()

/** A row: what is tried, and either the typed error it must raise or a check of its safe result. */
interface Row {
  readonly input: string
  readonly run: () => unknown
  readonly code?: ErrorCode
  /** What the message must point the caller to (besides starting with the code). */
  readonly fix?: RegExp
  /** The documented safe behaviour, checked on the result. */
  readonly safe?: (result: unknown) => void
}

function sample(): SearchIndex {
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title'] })
  index.addAll([
    { id: 1, title: 'পুতিনের সফর', text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে কিমের বৈঠক এবং আলোচনা' },
    { id: 'b', title: 'ঢাকার খবর', text: 'ঢাকায় বৃষ্টি' },
  ])
  return index
}

const ids = (result: unknown): unknown[] => (result as SearchHit[]).map((hit) => hit.id)
const none = (result: unknown): void => expect(result).toEqual([])
const only = (...expected: unknown[]) => (result: unknown) => expect(ids(result)).toEqual(expected)

/** Runs `action` and returns what it threw (awaiting a promise), or undefined. */
async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  return undefined
}

const DOCUMENT_ROWS: Row[] = [
  { input: 'a number as a document', run: () => sample().add(42 as never), code: 'INVALID_DOCUMENT', fix: /plain object/ },
  { input: 'a boolean as a document', run: () => sample().add(true as never), code: 'INVALID_DOCUMENT' },
  { input: 'undefined as a document', run: () => sample().add(undefined as never), code: 'INVALID_DOCUMENT' },
  { input: 'an array as a document', run: () => sample().add([{ id: 9, text: 'ক' }] as never), code: 'INVALID_DOCUMENT' },
  { input: 'a function as a document', run: () => sample().add((() => 1) as never), code: 'INVALID_DOCUMENT' },
  { input: 'a symbol as a document', run: () => sample().add(Symbol('doc') as never), code: 'INVALID_DOCUMENT' },
  { input: 'a bigint as a document', run: () => sample().add(10n as never), code: 'INVALID_DOCUMENT' },
  { input: 'a Date as a document (an object without an id field)', run: () => sample().add(new Date() as never), code: 'MISSING_ID', fix: /"id" field/ },
  { input: 'an id only on the prototype (own fields only are read)', run: () => sample().add(Object.create({ id: 9, text: 'ক' }) as object), code: 'MISSING_ID' },
  { input: 'id: undefined', run: () => sample().add({ id: undefined, text: 'ক' }), code: 'MISSING_ID' },
  { input: 'id: null', run: () => sample().add({ id: null, text: 'ক' }), code: 'MISSING_ID' },
  { input: 'a custom idField missing', run: () => new SearchIndex({ fields: ['text'], idField: 'key' }).add({ id: 1, text: 'ক' }), code: 'MISSING_ID', fix: /"key"/ },
  { input: 'id: true', run: () => sample().add({ id: true, text: 'ক' }), code: 'INVALID_ID', fix: /non-empty string or a finite number/ },
  { input: 'id: Infinity', run: () => sample().add({ id: Number.POSITIVE_INFINITY, text: 'ক' }), code: 'INVALID_ID' },
  { input: 'id: a bigint', run: () => sample().add({ id: 9n, text: 'ক' }), code: 'INVALID_ID' },
  { input: 'id: an array', run: () => sample().add({ id: [9], text: 'ক' }), code: 'INVALID_ID' },
  { input: 'id: a symbol', run: () => sample().add({ id: Symbol('x'), text: 'ক' }), code: 'INVALID_ID' },
  { input: 'id -0 after id 0 (the same number)', run: () => { const index = sample(); index.add({ id: 0, text: 'ক' }); index.add({ id: -0, text: 'খ' }) }, code: 'DUPLICATE_ID', fix: /replace\(\)/ },
  { input: 'a batch holding an id already indexed', run: () => sample().addAll([{ id: 7, text: 'ক' }, { id: 1, text: 'খ' }]), code: 'DUPLICATE_ID' },
  {
    input: 'a batch with a duplicate leaves the index unchanged',
    run: () => { const index = sample(); try { index.addAll([{ id: 7, text: 'ক' }, { id: 7, text: 'খ' }]) } catch { /* expected */ } return index },
    safe: (index) => { expect((index as SearchIndex).size).toBe(2); expect((index as SearchIndex).has(7)).toBe(false) },
  },
  { input: 'id 1 and id "1" are two documents', run: () => { const index = sample(); index.add({ id: '1', text: 'ঢাকা' }); return index.search('ঢাকা') }, safe: (hits) => expect(new Set(ids(hits))).toEqual(new Set(['b', '1'])) },
  { input: 'a field holding a nested object', run: () => sample().add({ id: 9, text: { bn: 'ঢাকা' } }), code: 'INVALID_FIELD_VALUE', fix: /"text".*must be a string/ },
  { input: 'a field holding a boolean', run: () => sample().add({ id: 9, title: false }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding NaN', run: () => sample().add({ id: 9, text: Number.NaN }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding a bigint', run: () => sample().add({ id: 9, text: 1n }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding a symbol', run: () => sample().add({ id: 9, text: Symbol('x') }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding a function', run: () => sample().add({ id: 9, text: () => 'ঢাকা' }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding a Date', run: () => sample().add({ id: 9, text: new Date() }), code: 'INVALID_FIELD_VALUE' },
  { input: 'a field holding a String object', run: () => sample().add({ id: 9, text: new String('ঢাকা') }), code: 'INVALID_FIELD_VALUE', fix: /String\(value\)/ },
  { input: 'a field holding an empty string', run: () => { const index = sample(); index.add({ id: 9, text: '' }); return index.size }, safe: (size) => expect(size).toBe(3) },
  {
    input: 'a getter that throws: the host error passes through, the batch adds nothing',
    run: () => { const index = sample(); const error = (() => { try { index.addAll([{ id: 7, text: 'ক' }, { id: 8, get text(): string { throw new Error('host') } }]) } catch (e) { return e } })(); return { index, error } },
    safe: (result) => { const { index, error } = result as { index: SearchIndex; error: Error }; expect(error.message).toBe('host'); expect(index.size).toBe(2) },
  },
  { input: 'a Bijoy/SutonnyMJ (legacy ASCII Bengali) field', run: () => sample().add({ id: 'bijoy', text: BIJOY_PARAGRAPH }), code: 'LEGACY_ENCODING', fix: /convert it to Unicode Bengali/ },
  { input: 'a Bijoy title of two words', run: () => sample().add({ id: 'bijoy', title: 'evsjv‡`k miKvi' }), code: 'LEGACY_ENCODING', fix: /Field "title"/ },
  {
    input: 'a Bijoy document in a batch: nothing of the batch is added',
    run: () => { const index = sample(); try { index.addAll([{ id: 7, text: 'ঢাকা' }, { id: 8, text: BIJOY_PARAGRAPH }]) } catch { /* expected */ } return index.size },
    safe: (size) => expect(size).toBe(2),
  },
  { input: 'English, code and romanised Bengali are not refused as legacy text', run: () => { const index = sample(); index.addAll(NOT_BIJOY.map(([text], i) => ({ id: `plain-${i}`, text }))); return index.size }, safe: (size) => expect(size).toBe(2 + NOT_BIJOY.length) },
  { input: 'addAll(42)', run: () => sample().addAll(42 as never), code: 'INVALID_ARGUMENT', fix: /array \(or iterable\)/ },
  { input: 'addAll(null)', run: () => sample().addAll(null as never), code: 'INVALID_ARGUMENT' },
  { input: "addAll('text') (a string is iterable, but not of documents)", run: () => sample().addAll('ঢাকা' as never), code: 'INVALID_ARGUMENT' },
  { input: 'addAllAsync(null)', run: () => sample().addAllAsync(null as never), code: 'INVALID_ARGUMENT' },
  { input: 'addAllAsync with chunkSize 0', run: () => sample().addAllAsync([{ id: 9, text: 'ক' }], { chunkSize: 0 }), code: 'INVALID_OPTION', fix: /chunkSize/ },
]

const ID_ROWS: Row[] = [
  ...HOSTILE_IDS.map((id): Row => ({
    input: `the id ${JSON.stringify(id)} works as an ordinary id everywhere`,
    run: () => {
      const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
      index.add({ id, text: `ঢাকা ${id}` })
      const found = index.search('ঢাকা').map((hit) => hit.id)
      const stored = index.getStoredFields(id)
      index.replace({ id, text: 'খুলনা' })
      const again = SearchIndex.fromJSON(JSON.stringify(index.toJSON()))
      const reloaded = again.search('খুলনা').map((hit) => hit.id)
      again.remove(id)
      return { found, stored, has: index.has(id), reloaded, after: again.size, unknown: index.has('__proto__') && id !== '__proto__' }
    },
    safe: (result) => expect(result).toEqual({ found: [id], stored: { text: `ঢাকা ${id}` }, has: true, reloaded: [id], after: 0, unknown: false }),
  })),
  { input: "remove('__proto__') when absent", run: () => sample().remove('__proto__'), code: 'UNKNOWN_ID', fix: /has\(id\)/ },
  { input: "replace({ id: 'constructor' }) when absent", run: () => sample().replace({ id: 'constructor', text: 'ক' }), code: 'UNKNOWN_ID', fix: /add\(\)/ },
  { input: 'remove(NaN)', run: () => sample().remove(Number.NaN), code: 'INVALID_ID' },
  { input: 'remove(undefined)', run: () => sample().remove(undefined as never), code: 'INVALID_ARGUMENT' },
  { input: 'has() of odd values is false, never a throw', run: () => [Number.NaN, {}, null, '__proto__', 'constructor'].map((id) => sample().has(id as never)), safe: (result) => expect(result).toEqual([false, false, false, false, false]) },
  {
    input: 'a stored field named __proto__ holding an object is kept as data, not as a prototype',
    run: () => {
      const index = new SearchIndex({ fields: ['text'], storeFields: ['__proto__', 'text'] })
      index.add(JSON.parse('{"id": 1, "text": "ঢাকা", "__proto__": {"polluted": true}}') as object)
      const [hit] = SearchIndex.fromJSON(JSON.stringify(index.toJSON())).search('ঢাকা')
      return { own: Object.getOwnPropertyDescriptor(hit, '__proto__')?.value, polluted: (hit as Record<string, unknown>)['polluted'] }
    },
    safe: (result) => expect(result).toEqual({ own: { polluted: true }, polluted: undefined }),
  },
]

const TEN_THOUSAND_WORDS = Array.from({ length: 10_000 }, (_, i) => ['পুতিন', 'বৈঠক', `শব্দ${i}`, `w${i}`][i % 4]).join(' ')

const QUERY_ROWS: Row[] = [
  { input: "search('')", run: () => sample().search(''), safe: none },
  { input: 'search of spaces, tabs, NBSP and ideographic space', run: () => sample().search(' \t\n\u00a0\u3000'), safe: none },
  { input: 'search of zero-width characters only', run: () => sample().search('\u200b\u200c\u200d\ufeff'), safe: none },
  { input: 'search of punctuation only', run: () => sample().search('।॥,.!?;:()[]{}…—–"\'`'), safe: none },
  { input: 'search of stopwords only: documents holding them, ranked low', run: () => sample().search('এবং ও'), safe: only(1) },
  { input: 'search of regular-expression characters', run: () => sample().search('.* (?: [ \\ $^ | +? {2} /x/g'), safe: none },
  { input: 'regular-expression characters around a word', run: () => sample().search('.*পুতিন.*'), safe: only(1) },
  { input: 'an unclosed quote: the rest is read as plain words', run: () => [parseQuery('"পুতিন বৈঠক').warnings.length, ids(sample().search('"পুতিন বৈঠক'))], safe: (result) => expect(result).toEqual([1, [1]]) },
  { input: 'an unclosed quote after a minus: the exclusion is kept (only a word excluded: no hits)', run: () => sample().search('-"পুতিন'), safe: none },
  { input: 'a lone high surrogate', run: () => sample().search('\ud800'), safe: none },
  { input: 'a word next to lone surrogates', run: () => sample().search('\udc00পুতিন\ud800'), safe: only(1) },
  { input: 'a NUL byte between two words', run: () => sample().search('পুতিন\u0000ঢাকা'), safe: (hits) => expect(new Set(ids(hits))).toEqual(new Set([1, 'b'])) },
  { input: 'a 10,000-word query: cut to 64 clauses, answered fast', run: () => timed(() => sample().search(TEN_THOUSAND_WORDS)), safe: (result) => { const { ms, result: hits } = result as { ms: number; result: SearchHit[] }; figures.add(`10,000-word query: ${ms.toFixed(0)} ms`); expect(ids(hits)).toEqual([1]); expect(ms).toBeLessThan(1000) } },
  { input: 'a 10,000-word phrase', run: () => sample().search(`"${TEN_THOUSAND_WORDS}"`), safe: only(1) },
  { input: 'a 10,000-word suggest()', run: () => sample().suggest(`${TEN_THOUSAND_WORDS} পুতি`), safe: (result) => expect(Array.isArray(result)).toBe(true) },
  { input: 'search(5)', run: () => sample().search(5 as never), code: 'INVALID_QUERY', fix: /query string/ },
  { input: 'search(null)', run: () => sample().search(null as never), code: 'INVALID_QUERY' },
  { input: "search(['ঢাকা'])", run: () => sample().search(['ঢাকা'] as never), code: 'INVALID_QUERY' },
  { input: 'suggest(undefined)', run: () => sample().suggest(undefined as never), code: 'INVALID_QUERY' },
]

const OPTION_ROWS: Row[] = [
  { input: "limit: '5'", run: () => sample().search('পুতিন', { limit: '5' as never }), code: 'INVALID_OPTION', fix: /limit must be a whole number/ },
  { input: 'limit: 1.5', run: () => sample().search('পুতিন', { limit: 1.5 }), code: 'INVALID_OPTION' },
  { input: 'limit: Infinity', run: () => sample().search('পুতিন', { limit: Number.POSITIVE_INFINITY }), code: 'INVALID_OPTION' },
  { input: 'offset: -1', run: () => sample().search('পুতিন', { offset: -1 }), code: 'INVALID_OPTION', fix: /offset/ },
  { input: "prefix: 'yes'", run: () => sample().search('পুতিন', { prefix: 'yes' as never }), code: 'INVALID_OPTION' },
  { input: "combineWith: 'xor'", run: () => sample().search('পুতিন', { combineWith: 'xor' as never }), code: 'INVALID_OPTION', fix: /'or' or 'and'/ },
  { input: "fields: 'title' (not an array)", run: () => sample().search('পুতিন', { fields: 'title' as never }), code: 'INVALID_OPTION' },
  { input: "filter: 'x'", run: () => sample().search('পুতিন', { filter: 'x' as never }), code: 'INVALID_OPTION', fix: /function/ },
  { input: 'boost: { text: NaN }', run: () => sample().search('পুতিন', { boost: { text: Number.NaN } }), code: 'INVALID_OPTION' },
  { input: "explain: 'true'", run: () => sample().search('পুতিন', { explain: 'true' as never }), code: 'INVALID_OPTION' },
  { input: 'options: 5', run: () => sample().search('পুতিন', 5 as never), code: 'INVALID_OPTION' },
  { input: 'limit: 1e9 is capped, not an allocation', run: () => sample().search('পুতিন', { limit: 1e9 }), safe: only(1) },
  { input: 'offset: 1e15 returns nothing', run: () => sample().search('পুতিন', { offset: 1e15 }), safe: none },
  { input: 'a filter that throws: the host error passes through, the index stays usable', run: () => { const index = sample(); const error = (() => { try { index.search('পুতিন', { filter: () => { throw new Error('host') } }) } catch (e) { return e } })(); return [(error as Error).message, ids(index.search('পুতিন'))] }, safe: (result) => expect(result).toEqual(['host', [1]]) },
  { input: 'new SearchIndex(null)', run: () => new SearchIndex(null as never), code: 'INVALID_OPTION', fix: /fields: \['text'\]/ },
  { input: "fields: 'text'", run: () => new SearchIndex({ fields: 'text' as never }), code: 'INVALID_OPTION' },
  { input: '256 fields', run: () => new SearchIndex({ fields: Array.from({ length: 256 }, (_, i) => `f${i}`) }), code: 'INVALID_OPTION', fix: /at most 255/ },
  { input: "idField: ''", run: () => new SearchIndex({ fields: ['text'], idField: '' }), code: 'INVALID_OPTION' },
  { input: "aliases: 'x'", run: () => new SearchIndex({ fields: ['text'], aliases: 'x' as never }), code: 'INVALID_OPTION', fix: /\[\['ঢাকা', 'dhaka'\]\]/ },
  { input: 'bm25: { b: 2 }', run: () => new SearchIndex({ fields: ['text'], bm25: { b: 2 } }), code: 'INVALID_OPTION', fix: /between 0 and 1/ },
  { input: 'suggest limit 0', run: () => sample().suggest('পু', { limit: 0 }), code: 'INVALID_OPTION' },
]

const ANALYSIS_ROWS: Row[] = [
  { input: 'normalize(undefined)', run: () => normalize(undefined as never), code: 'INVALID_ARGUMENT', fix: /takes a string/ },
  { input: 'tokenize(null)', run: () => tokenize(null as never), code: 'INVALID_ARGUMENT' },
  { input: 'analyze({})', run: () => analyze({} as never), code: 'INVALID_ARGUMENT' },
  { input: 'stemCandidates(1)', run: () => stemCandidates(1 as never), code: 'INVALID_ARGUMENT' },
  { input: 'stem(undefined)', run: () => stem(undefined as never), code: 'INVALID_ARGUMENT' },
  { input: 'aliasKey(null)', run: () => aliasKey(null as never), code: 'INVALID_ARGUMENT' },
  { input: 'detectLegacyBengali(5)', run: () => detectLegacyBengali(5 as never), code: 'INVALID_ARGUMENT' },
]

const SAVED_ROWS: Row[] = [
  { input: 'fromJSON(null)', run: () => SearchIndex.fromJSON(null as never), code: 'MALFORMED_INDEX', fix: /toJSON\(\)/ },
  { input: "fromJSON('')", run: () => SearchIndex.fromJSON(''), code: 'MALFORMED_INDEX', fix: /cut short/ },
  { input: 'fromJSON of version 0', run: () => SearchIndex.fromJSON({ ...sample().toJSON(), version: 0 }), code: 'UNSUPPORTED_INDEX_VERSION', fix: /Rebuild/ },
  { input: 'fromJSONAsync(null)', run: () => SearchIndex.fromJSONAsync(null as never), code: 'MALFORMED_INDEX' },
  { input: 'fromJSONAsync with an aborted signal', run: () => SearchIndex.fromJSONAsync(sample().toJSON(), { signal: AbortSignal.abort() }), code: 'ABORTED' },
  {
    input: 'addAllAsync aborted midway: documents added before stay, the index is consistent',
    run: async () => {
      const index = new SearchIndex({ fields: ['text'] })
      const controller = new AbortController()
      const docs = Array.from({ length: 50 }, (_, i) => ({ id: i, text: `ঢাকা ${i}` }))
      const error = await thrown(() => index.addAllAsync(docs, { chunkSize: 10, signal: controller.signal, onProgress: ({ done }) => done >= 20 && controller.abort() }))
      return { code: (error as BanglaSearchError).code, size: index.size, found: index.search('ঢাকা', { limit: 100 }).length }
    },
    safe: (result) => expect(result).toEqual({ code: 'ABORTED', size: 20, found: 20 }),
  },
]

/** Seeded bytes (xorshift32), so binary garbage is the same on every run. */
function randomBytes(length: number, seed = 0x2545f491): Buffer {
  const bytes = Buffer.alloc(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes[i] = x & 0xff
  }
  return bytes
}

const GARBAGE_ROWS: Row[] = (['latin1', 'utf8', 'utf16le'] as const).map((encoding) => ({
  input: `256 KB of random bytes decoded as ${encoding}: indexed, searchable by its own words, saved and loaded`,
  run: () => {
    const text = randomBytes(1 << 18).toString(encoding)
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    index.addAll([{ id: 'garbage', text }, { id: 'word', text: 'ঢাকা' }])
    const word = tokenize(text).find((token) => token.term.length > 1)?.term ?? ''
    const again = SearchIndex.fromJSON(JSON.stringify(index.toJSON()))
    return { own: ids(index.search(word, { highlight: true })).includes('garbage'), reloaded: ids(again.search(word)).includes('garbage'), other: ids(again.search('ঢাকা')) }
  },
  safe: (result: unknown) => expect(result).toEqual({ own: true, reloaded: true, other: ['word'] }),
}))

const ROWS: ReadonlyArray<readonly [group: string, rows: readonly Row[]]> = [
  ['documents', DOCUMENT_ROWS],
  ['ids', ID_ROWS],
  ['queries', QUERY_ROWS],
  ['options', OPTION_ROWS],
  ['analysis functions', ANALYSIS_ROWS],
  ['saved indexes and cancellation', SAVED_ROWS],
  ['binary garbage', GARBAGE_ROWS],
]

/** Checks one row: the typed error and its message, or the safe result. */
async function checkRow(row: Row): Promise<void> {
  if (row.code === undefined) {
    row.safe?.(await row.run())
    return
  }
  const error = await thrown(row.run)
  expect(error, 'a typed error').toBeInstanceOf(BanglaSearchError)
  const typed = error as BanglaSearchError
  expect(typed.code).toBe(row.code)
  expect(typed.message.startsWith(`${row.code}: `)).toBe(true)
  expect(typed.message.length, 'a message that says what to fix').toBeGreaterThan(row.code.length + 30)
  if (row.fix !== undefined) expect(typed.message).toMatch(row.fix)
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()

describe.each(ROWS)('bad input: %s', (_group, rows) => {
  it.each(rows)('$input', async (row) => {
    await checkRow(row)
  })
})

describe('bad input: a 10 MB document', () => {
  it('is indexed, searchable, highlighted, saved, loaded and removed in reasonable time', () => {
    const dir = path.join(ROOT, 'corpus/seeds')
    const seeds = readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n')
    const text = seeds.repeat(Math.ceil(10_000_000 / seeds.length)).slice(0, 10_000_000)
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    const add = timed(() => index.add({ id: 'big', text }))
    index.add({ id: 'small', text: 'ভ্লাদিভোস্টকে পুতিন' })
    const word = timed(() => index.search('ভ্লাদিভোস্টক'))
    const phrase = timed(() => index.search('"কিম জং উন"'))
    const highlight = timed(() => index.search('পুতিন', { highlight: true }))
    const save = timed(() => JSON.stringify(index.toJSON()))
    const load = timed(() => SearchIndex.fromJSON(save.result))
    const remove = timed(() => index.remove('big'))
    figures.add(
      `10 MB document: add ${add.ms.toFixed(0)} ms, word search ${word.ms.toFixed(0)} ms, phrase ${phrase.ms.toFixed(0)} ms, ` +
        `highlight ${highlight.ms.toFixed(0)} ms, save ${save.ms.toFixed(0)} ms, load ${load.ms.toFixed(0)} ms, remove ${remove.ms.toFixed(0)} ms`,
    )
    expect(ids(word.result)).toEqual(['big', 'small'])
    expect(ids(phrase.result)).toEqual(['big'])
    expect(highlight.result[0]?.snippet).toContain('<mark>')
    expect(ids(load.result.search('ভ্লাদিভোস্টক'))).toEqual(['big', 'small'])
    expect(ids(index.search('ভ্লাদিভোস্টক'))).toEqual(['small'])
    expect(add.ms).toBeLessThan(5000)
    for (const ms of [word.ms, highlight.ms, remove.ms]) expect(ms).toBeLessThan(1000)
    expect(phrase.ms + save.ms + load.ms).toBeLessThan(5000)
  })
})

/** English prose (4 MB of it below): "The" starts sentences, "the" fills them. */
const ENGLISH = 'The talks ended late, and the leaders left the hall. The press waited for the statement. '
/** The smallest trigger found: one spelling once, another spelling of the same term 200,000 times. */
const TWO_SPELLINGS = `A ${'a '.repeat(200_000)}`

describe('bad input: bugs found by this suite, now fixed and kept as tests', () => {
  // BUG: InvertedIndex.indexField merges the positions of a second spelling of a term with
  // `into.push(...extra)`; past ~120,000 positions the spread overflows the call stack, and add()
  // throws an untyped RangeError. Any English text past ~3 MB does it ("The" … "the").
  it('a 4 MB English document is indexed', () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.add({ id: 'en', text: ENGLISH.repeat(Math.ceil(4_000_000 / ENGLISH.length)) })
    expect(index.search('leaders').map((hit) => hit.id)).toEqual(['en'])
  })

  it("minimal: add({ text: 'A ' + 'a '.repeat(200000) }) succeeds or throws a BanglaSearchError", () => {
    const error = (() => {
      try {
        new SearchIndex({ fields: ['text'] }).add({ id: 1, text: TWO_SPELLINGS })
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error === undefined || error instanceof BanglaSearchError).toBe(true)
  })

  // Was a bug: a document whose words came in 200,000 spellings made add() throw a RangeError
  // half-way, leaving a ghost hit with id undefined. Now it is added whole, and nothing is lost.
  it('a document with a huge number of spellings of one word is added whole, nothing lost', () => {
    const index = new SearchIndex({ fields: ['title', 'text'] })
    index.add({ id: 'ok', title: 'ঢাকা খবর', text: 'কিছু' })
    index.add({ id: 'big', title: 'ঢাকা শহর', text: TWO_SPELLINGS })
    expect(new Set(index.search('ঢাকা').map((hit) => hit.id))).toEqual(new Set(['ok', 'big']))
    expect(index.search('শহর').map((hit) => hit.id)).toEqual(['big'])
    expect(index.search('ঢাকা').every((hit) => hit.id !== undefined)).toBe(true)
  })

  // BUG: phrase matching appends a second term's positions with `positions.push(...positions)`:
  // a document holding two forms of a phrase word (পুতিন, পুতিনের) 150,000 times each makes
  // search() throw an untyped RangeError.
  it('a phrase over a document with 150,000 occurrences of two forms of a word', () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.add({ id: 1, text: 'পুতিন পুতিনের '.repeat(150_000) })
    expect(index.search('"পুতিন পুতিন"').map((hit) => hit.id)).toEqual([1])
  })

  // BUG: a field named after an Object.prototype member (constructor, toString, valueOf,
  // hasOwnProperty, __proto__) reads its boost from `{}[field]`: a function or an object, so every
  // score is NaN and results come back in insertion order instead of by relevance.
  it.each(['constructor', 'toString', '__proto__'])('a field named %s gives finite scores, best first', (field) => {
    const index = new SearchIndex({ fields: [field] })
    index.addAll([{ id: 1, [field]: 'ঢাকা শহর নদী' }, { id: 2, [field]: 'ঢাকা ঢাকা' }, { id: 3, [field]: 'খুলনা' }])
    const hits = index.search('ঢাকা')
    expect(hits.every((hit) => Number.isFinite(hit.score))).toBe(true)
    expect(hits.map((hit) => hit.id)).toEqual([2, 1])
  })

  // BUG: addAllAsync() checks ids once, before its first chunk; an add() of a pending id while it
  // yields puts the id in twice: search returns it twice, remove() leaves a ghost, and the saved
  // index no longer loads (MALFORMED_INDEX: "documents.ids holds 2 twice").
  it('an add() while addAllAsync() yields never duplicates an id', async () => {
    const index = new SearchIndex({ fields: ['text'] })
    const pending = index.addAllAsync([{ id: 1, text: 'ক' }, { id: 2, text: 'খ' }], { chunkSize: 1 })
    await Promise.resolve()
    const concurrent = await thrown(() => index.add({ id: 2, text: 'গ' }))
    await thrown(() => pending)
    const ids = index.search('খ গ').map((hit) => hit.id)
    expect(concurrent instanceof BanglaSearchError || ids.filter((id) => id === 2).length === 1).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(index.size).toBe(2)
    expect(() => SearchIndex.fromJSON(JSON.stringify(index.toJSON()))).not.toThrow()
  })

  // BUG: parseQuery() is the one public function that does not check its argument: null throws
  // an untyped TypeError, a number silently parses to nothing.
  it('parseQuery(null) throws a BanglaSearchError', () => {
    expect(() => parseQuery(null as never)).toThrow(BanglaSearchError)
  })

  it('parseQuery(5) throws a BanglaSearchError', () => {
    expect(() => parseQuery(5 as never)).toThrow(BanglaSearchError)
  })
})

/** Codes with no row in ROWS, and the file (from the repository root) whose tests name them. Empty: every code has a row. */
const COVERED_ELSEWHERE: Partial<Record<ErrorCode, string>> = {}

/** Every code, listed by hand: the type check fails when a code is added to ErrorCode and not here. */
const EVERY_CODE = {
  INVALID_OPTION: true,
  INVALID_DOCUMENT: true,
  MISSING_ID: true,
  INVALID_ID: true,
  DUPLICATE_ID: true,
  UNKNOWN_ID: true,
  INVALID_FIELD_VALUE: true,
  INVALID_QUERY: true,
  INVALID_ARGUMENT: true,
  MALFORMED_INDEX: true,
  UNSUPPORTED_INDEX_VERSION: true,
  LEGACY_ENCODING: true,
  ABORTED: true,
} as const satisfies Record<ErrorCode, true>

describe('bad input: completeness', () => {
  it('every ErrorCode is described, in a sentence, in the docs table and in its doc comment', () => {
    const docs = readFileSync(path.join(ROOT, 'docs/reliability.md'), 'utf8')
    const table = [...docs.matchAll(/^\| `([A-Z_]+)` \| (.*) \|$/gmu)].map(([, code, meaning]) => [code, meaning] as const)
    expect(table.map(([code]) => code).sort()).toEqual(Object.keys(EVERY_CODE).sort())
    for (const [, meaning] of table) expect(meaning).toMatch(/^[A-Z].{20,}\.$/)
    const comment = readFileSync(path.join(ROOT, 'src/errors.ts'), 'utf8')
    const listed = [...comment.matchAll(/^ \* - `([A-Z_]+)`: (.*)$/gmu)].map(([, code, meaning]) => [code, meaning] as const)
    expect(listed.map(([code]) => code).sort()).toEqual(Object.keys(EVERY_CODE).sort())
    for (const [, meaning] of listed) expect(meaning).toMatch(/^[a-z].{20,}\.$/)
  })

  it('every ErrorCode has a row in this table, or is named as covered elsewhere', () => {
    const tested = new Set(ROWS.flatMap(([, rows]) => rows.map((row) => row.code)))
    for (const code of Object.keys(EVERY_CODE) as ErrorCode[]) {
      const elsewhere = COVERED_ELSEWHERE[code]
      if (elsewhere === undefined) expect(tested.has(code), code).toBe(true)
      else expect(existsSync(path.join(ROOT, elsewhere)) && readFileSync(path.join(ROOT, elsewhere), 'utf8').includes(`'${code}'`), elsewhere).toBe(true)
    }
  })

  it('nothing was added to Object.prototype by any row', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

afterAll(() => figures.print('robustness: bad input'))
