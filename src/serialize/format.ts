/**
 * The saved index format, version 1: a JSON object whose bulky parts (postings, offsets) are
 * base64 strings, so that saving and loading stay fast. Saving compacts: removed documents are
 * dropped, documents are renumbered in order, terms are sorted, so two indexes with the same
 * documents save to the same object. Loading checks every part and every posting.
 *
 * Layout (see `docs/saved-format.md`):
 * `{ format, version, options, documents: { ids, stored, lengths }, terms, scripts,
 *    postings: [{ offsets, counts, data }] }` — one postings entry per indexed field.
 *
 * @module
 */

import { checkId, DocumentTable } from '../documents.js'
import { BanglaSearchError } from '../errors.js'
import { InvertedIndex } from '../index/inverted-index.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from '../options.js'
import { compareCodeUnits } from '../search/prefix.js'
import type { DocumentId, SearchIndexOptions, StoredFields } from '../types.js'
import { decodeBase64, decodeInt32s, encodeBase64, encodeInt32s } from './base64.js'

/** The format marker of a saved index. */
export const FORMAT_NAME = 'bangla-search-index'
/** The format version this release writes and reads. */
export const FORMAT_VERSION = 1

/** One field's postings in a saved index. */
export interface SavedPostings {
  /** base64 Int32 LE, terms + 1 entries: term i's entries are `data[offsets[i] .. offsets[i+1])`. */
  readonly offsets: string
  /** base64 Int32 LE: documents per term. */
  readonly counts: string
  /** base64 bytes: entries `docDelta, tf, positionBytes, positionDeltas…` as unsigned LEB128. */
  readonly data: string
}

/** A saved index, as {@link SearchIndex.toJSON} returns it. */
export interface SavedIndex {
  /** Always `'bangla-search-index'`. */
  readonly format: typeof FORMAT_NAME
  /** The format version ({@link FORMAT_VERSION}). */
  readonly version: number
  /** The options the index was made with. */
  readonly options: SearchIndexOptions
  /** The documents, in index order. */
  readonly documents: {
    /** Their ids. */
    readonly ids: DocumentId[]
    /** Their stored fields (null when none). */
    readonly stored: (StoredFields | null)[]
    /** Per field, the length in words of every document. */
    readonly lengths: number[][]
  }
  /** Every indexed term, sorted by code unit. */
  readonly terms: string[]
  /** One letter per term: `b` Bengali, `n` number, `o` other. */
  readonly scripts: string
  /** One entry per indexed field, in the order of `options.fields`. */
  readonly postings: SavedPostings[]
}

/** What {@link loadIndex} rebuilds. */
export interface LoadedIndex {
  readonly options: ResolvedIndexOptions
  readonly inverted: InvertedIndex
  readonly documents: DocumentTable
}

const SCRIPT_LETTERS = ['b', 'n', 'o'] as const
const SCRIPT_NAMES = { b: 'bengali', n: 'number', o: 'other' } as const

/** Writes the compact saved form of an index. */
export function saveIndex(options: ResolvedIndexOptions, inverted: InvertedIndex, documents: DocumentTable): SavedIndex {
  const renumber = new Int32Array(inverted.documentCount).fill(-1)
  const ids: DocumentId[] = []
  const liveDocs: number[] = []
  const stored: (StoredFields | null)[] = []
  for (const [doc, id] of documents.live()) {
    renumber[doc] = ids.length
    liveDocs.push(doc)
    ids.push(id)
    stored.push(documents.stored[doc] === undefined ? null : { ...documents.stored[doc] })
  }
  const lengths = options.fields.map((_, field) => liveDocs.map((doc) => inverted.fieldLength(field, doc)))
  const { vocabulary } = inverted
  const termIds = Array.from({ length: vocabulary.size }, (_, i) => i).sort((a, b) =>
    compareCodeUnits(vocabulary.terms[a] as string, vocabulary.terms[b] as string),
  )
  const encoded = options.fields.map((_, field) => encodeField(inverted, field, termIds, renumber))
  const kept = termIds.map((_, i) => encoded.some((field) => (field.counts[i] as number) > 0))
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    options: {
      fields: [...options.fields],
      storeFields: [...options.storeFields],
      idField: options.idField,
      boost: { ...options.boost },
      aliases: options.aliases.map((group) => [...group]),
      bm25: { ...options.bm25 },
    },
    documents: { ids, stored, lengths },
    terms: termIds.filter((_, i) => kept[i]).map((termId) => vocabulary.terms[termId] as string),
    scripts: termIds
      .filter((_, i) => kept[i])
      .map((termId) => SCRIPT_LETTERS[vocabulary.termScripts.get(termId)] ?? 'o')
      .join(''),
    postings: encoded.map((field) => ({
      offsets: encodeInt32s(Int32Array.from(keepOffsets(field.offsets, kept))),
      counts: encodeInt32s(Int32Array.from(field.counts.filter((_, i) => kept[i]))),
      data: encodeBase64(field.data),
    })),
  }
}

/** Checks and loads a saved index. @throws {@link BanglaSearchError} `MALFORMED_INDEX`, `UNSUPPORTED_INDEX_VERSION` */
export function loadIndex(input: SavedIndex | string): LoadedIndex {
  const steps = loadSteps(input)
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** {@link loadIndex} with `between()` awaited between its stages (to yield or cancel). */
export async function loadIndexAsync(input: SavedIndex | string, between: () => Promise<void>): Promise<LoadedIndex> {
  const steps = loadSteps(input)
  let step = steps.next()
  while (!step.done) {
    await between()
    step = steps.next()
  }
  return step.value
}

/** The stages of loading, as a generator that pauses between them. */
function* loadSteps(input: SavedIndex | string): Generator<void, LoadedIndex, void> {
  const saved = parseInput(input)
  yield
  const options = loadOptions(saved['options'])
  const documents = record(saved['documents'], 'documents')
  const ids = array(documents['ids'], 'documents.ids')
  const stored = array(documents['stored'], 'documents.stored')
  const lengths = array(documents['lengths'], 'documents.lengths')
  if (stored.length !== ids.length) malformed('documents.stored must have one entry per id')
  if (lengths.length !== options.fields.length) malformed('documents.lengths must have one list per indexed field')
  const lengthLists = lengths.map((list, field) => {
    const values = array(list, `documents.lengths[${field}]`)
    if (values.length !== ids.length) malformed(`documents.lengths[${field}] must have one entry per document`)
    return values.map((value) => naturalNumber(value, `documents.lengths[${field}]`))
  })
  const inverted = new InvertedIndex(options.fields.length)
  const table = new DocumentTable()
  ids.forEach((rawId, i) => {
    const id = wrap(() => checkId(rawId), `documents.ids[${i}]`)
    if (table.has(id)) malformed(`documents.ids holds ${JSON.stringify(id)} twice`)
    const storedValue = stored[i]
    if (storedValue !== null && (typeof storedValue !== 'object' || Array.isArray(storedValue))) malformed(`documents.stored[${i}] must be an object or null`)
    const doc = inverted.loadDocument(lengthLists.map((list) => list[i] as number))
    table.set(doc, id, storedValue === null ? undefined : Object.assign(Object.create(null) as StoredFields, storedValue))
  })
  yield
  loadTerms(saved, inverted)
  const postings = array(saved['postings'], 'postings')
  if (postings.length !== options.fields.length) malformed('postings must have one entry per indexed field')
  for (let field = 0; field < postings.length; field++) {
    yield
    loadField(record(postings[field], `postings[${field}]`), field, inverted)
  }
  return { options, inverted, documents: table }
}

interface EncodedField {
  readonly offsets: number[]
  readonly counts: number[]
  readonly data: Uint8Array
}

/** Re-encodes one field's postings in saved-term order, live documents only, renumbered. */
function encodeField(inverted: InvertedIndex, field: number, termIds: readonly number[], renumber: Int32Array): EncodedField {
  const writer = new ByteWriter()
  const offsets: number[] = [0]
  const counts: number[] = []
  const positions: number[] = []
  for (const termId of termIds) {
    const reader = inverted.postings(field, termId)
    let count = 0
    let previous = -1
    while (reader?.next()) {
      const doc = renumber[reader.doc] as number
      if (doc < 0) continue
      reader.readPositions(positions)
      writer.entry(doc - previous - 1, positions)
      previous = doc
      count++
    }
    counts.push(count)
    offsets.push(writer.length)
  }
  return { offsets, counts, data: writer.bytes() }
}

function keepOffsets(offsets: readonly number[], kept: readonly boolean[]): number[] {
  const result = [offsets[0] as number]
  kept.forEach((keep, i) => {
    if (keep) result.push(offsets[i + 1] as number)
  })
  return result
}

/** Appends LEB128 entries to a growing byte array. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16)
  length = 0

  entry(docDelta: number, positions: readonly number[]): void {
    const positionStart = this.length
    let previous = 0
    for (const position of positions) {
      this.varint(position - previous)
      previous = position
    }
    const positionBytes = this.buffer.slice(positionStart, this.length)
    this.length = positionStart
    this.varint(docDelta)
    this.varint(positions.length)
    this.varint(positionBytes.length)
    this.ensure(positionBytes.length)
    this.buffer.set(positionBytes, this.length)
    this.length += positionBytes.length
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  private varint(value: number): void {
    this.ensure(5)
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    this.buffer[this.length++] = value
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra))
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
  }
}

function parseInput(input: unknown): Record<string, unknown> {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (error) {
      malformed(`the text is not valid JSON (${(error as Error).message}); was the file cut short?`)
    }
  }
  const saved = record(value, 'the saved index')
  if (saved['format'] !== FORMAT_NAME) malformed(`"format" must be "${FORMAT_NAME}"; this is not an index saved by bangla-search`)
  if (saved['version'] !== FORMAT_VERSION) {
    throw new BanglaSearchError(
      'UNSUPPORTED_INDEX_VERSION',
      `The index was saved in format version ${JSON.stringify(saved['version'])}; this release reads version ${FORMAT_VERSION}. Rebuild the index from its documents.`,
    )
  }
  return saved
}

function loadOptions(value: unknown): ResolvedIndexOptions {
  return wrap(() => resolveIndexOptions(record(value, 'options') as unknown as SearchIndexOptions), 'options')
}

function loadTerms(saved: Record<string, unknown>, inverted: InvertedIndex): void {
  const terms = array(saved['terms'], 'terms')
  const scripts = saved['scripts']
  if (typeof scripts !== 'string' || scripts.length !== terms.length) malformed('scripts must be a string with one letter per term')
  terms.forEach((term, i) => {
    if (typeof term !== 'string' || term.length === 0) malformed(`terms[${i}] must be a non-empty string`)
    const letter = scripts[i] as keyof typeof SCRIPT_NAMES
    if (!(letter in SCRIPT_NAMES)) malformed(`scripts[${i}] must be b, n or o`)
    if (inverted.vocabulary.intern(term, SCRIPT_NAMES[letter], true) !== i) malformed(`terms holds ${JSON.stringify(term)} twice`)
  })
}

function loadField(entry: Record<string, unknown>, field: number, inverted: InvertedIndex): void {
  const termCount = inverted.vocabulary.size
  const offsets = typeof entry['offsets'] === 'string' ? decodeInt32s(entry['offsets']) : undefined
  const counts = typeof entry['counts'] === 'string' ? decodeInt32s(entry['counts']) : undefined
  const data = typeof entry['data'] === 'string' ? decodeBase64(entry['data']) : undefined
  if (offsets === undefined || offsets.length !== termCount + 1) malformed(`postings[${field}].offsets must encode ${termCount + 1} integers`)
  if (counts === undefined || counts.length !== termCount) malformed(`postings[${field}].counts must encode ${termCount} integers`)
  if (data === undefined) malformed(`postings[${field}].data must be base64`)
  for (let termId = 0; termId < termCount; termId++) {
    const start = offsets[termId] as number
    const end = offsets[termId + 1] as number
    if (start < 0 || end < start || end > data.length) malformed(`postings[${field}].offsets are out of order at term ${termId}`)
    if (end === start) continue
    const slice = data.subarray(start, end)
    const lastDoc = checkPostings(slice, counts[termId] as number, field, inverted, termId)
    inverted.loadPostings(field, termId, slice, lastDoc, counts[termId] as number)
  }
}

/** A LEB128 reader over one list that reports damage instead of reading past the end. */
class CheckedReader {
  cursor = 0
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.cursor >= this.bytes.length
  }

  /** The next value, or -1 when the bytes end inside it or it is too long. */
  read(): number {
    let value = 0
    for (let shift = 0; shift <= 28 && this.cursor < this.bytes.length; shift += 7) {
      const byte = this.bytes[this.cursor++] as number
      value += (byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return value >>> 0
    }
    return -1
  }
}

/** Decodes one list and checks it against the documents; returns its last document. */
function checkPostings(bytes: Uint8Array, count: number, field: number, inverted: InvertedIndex, termId: number): number {
  const reader = new CheckedReader(bytes)
  const damaged = (what: string): never => malformed(`postings[${field}] of term ${JSON.stringify(inverted.vocabulary.terms[termId])} ${what}`)
  let doc = -1
  let entries = 0
  while (!reader.done) {
    const gap = reader.read()
    const tf = reader.read()
    const positionBytes = reader.read()
    if (gap < 0 || tf < 1 || positionBytes < 0) damaged('is cut short or corrupt')
    doc += gap + 1
    if (doc >= inverted.documentCount) damaged('names a document that does not exist')
    const end = reader.cursor + positionBytes
    let position = -1
    for (let i = 0; i < tf; i++) {
      const delta = reader.read()
      if (delta < 0 || (i > 0 && delta === 0)) damaged('has corrupt positions')
      position += i === 0 ? delta + 1 : delta
    }
    if (reader.cursor !== end || position >= inverted.fieldLength(field, doc)) damaged("has positions beyond the document's length")
    entries++
  }
  if (entries !== count) damaged(`holds ${entries} documents but its count says ${count}`)
  return doc
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) malformed(`${path} must be an object`)
  return value as Record<string, unknown>
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) malformed(`${path} must be an array`)
  return value
}

function naturalNumber(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) malformed(`${path} must hold whole numbers >= 0`)
  return value as number
}

function wrap<T>(load: () => T, path: string): T {
  try {
    return load()
  } catch (error) {
    if (error instanceof BanglaSearchError && error.code !== 'MALFORMED_INDEX') malformed(`${path}: ${error.message}`)
    throw error
  }
}

function malformed(reason: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `The saved index is malformed: ${reason}. Save it again with toJSON(), or rebuild it from its documents.`)
}
