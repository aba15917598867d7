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
import { BanglaSearchError, isPlainObject } from '../errors.js'
import { InvertedIndex } from '../index/inverted-index.js'
import { withRoom } from '../index/growable.js'
import { CompactListsWriter, type CompactLists } from '../index/compact-lists.js'
import { encodeEntry } from './v1-entry.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from '../options.js'
import { prepareFields } from '../store/json-values.js'
import { StoredFieldStore } from '../store/stored-fields.js'
import { compareCodeUnits } from '../search/prefix.js'
import type { DocumentId, SearchIndexOptions, StoredFields } from '../types.js'
import { decodeBase64, decodeInt32s, encodeBase64, encodeInt32s } from './base64.js'
import { leb128Digit } from '../index/leb128.js'

/** The format marker of a saved index. */
export const FORMAT_NAME = 'bangla-search-index'
/**
 * The version of the JSON saved format (`SearchIndex.toJSON`) this release writes and reads;
 * the binary format (`SearchIndex.toBytes`) has its own, `BINARY_FORMAT_VERSION`.
 */
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

/** The letter of each script number of the vocabulary (0 Bengali, 1 number, 2 other). */
const SCRIPT_LETTERS = 'bno'
const SCRIPT_NAMES = { b: 'bengali', n: 'number', o: 'other' } as const

/** Writes the compact saved form of an index. */
export function saveIndex(options: ResolvedIndexOptions, inverted: InvertedIndex, documents: DocumentTable): SavedIndex {
  const renumber = new Int32Array(inverted.documentCount).fill(-1)
  const ids: DocumentId[] = []
  const stored: (StoredFields | null)[] = []
  const lengths: number[][] = options.fields.map(() => [])
  for (const doc of documents.live()) {
    renumber[doc] = ids.length
    ids.push(documents.ids[doc] as DocumentId)
    const fields = documents.stored(doc)
    stored.push(Object.keys(fields).length === 0 ? null : fields)
    lengths.forEach((list, field) => list.push(inverted.fieldLength(field, doc)))
  }
  const { vocabulary } = inverted
  const termIds = Array.from({ length: vocabulary.size }, (_, termId) => termId)
    .filter((termId) => inverted.hasLiveDocuments(termId))
    .sort((a, b) => compareCodeUnits(vocabulary.terms.get(a), vocabulary.terms.get(b)))
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    // the resolved options are plain data: a deep copy is the saved form
    options: structuredClone(options),
    documents: { ids, stored, lengths },
    terms: termIds.map((termId) => vocabulary.terms.get(termId)),
    scripts: termIds.map((termId) => SCRIPT_LETTERS[vocabulary.termScripts.get(termId)] ?? 'o').join(''),
    postings: options.fields.map((_, field) => savePostings(inverted, field, termIds, renumber)),
  }
}

/** Checks and loads a saved index. @throws {@link BanglaSearchError} `MALFORMED_INDEX`, `UNSUPPORTED_INDEX_VERSION` */
export function loadIndex(input: SavedIndex | string): LoadedIndex {
  const steps = loadSteps(input)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** {@link loadIndex} with `before()` awaited before each of its stages (to yield or cancel). */
export async function loadIndexAsync(input: SavedIndex | string, before: () => Promise<void>): Promise<LoadedIndex> {
  const steps = loadSteps(input)
  for (;;) {
    await before()
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** The stages of loading, as a generator that pauses between them. */
function* loadSteps(input: SavedIndex | string): Generator<void, LoadedIndex, void> {
  const saved = parseInput(input)
  yield
  const options = wrap(() => resolveIndexOptions(saved['options'] as SearchIndexOptions), 'options')
  const fieldCount = options.fields.length
  const documents = record(saved['documents'], 'documents')
  const ids = list(documents['ids'], 'documents.ids')
  const stored = list(documents['stored'], 'documents.stored', ids.length, 'id')
  const lengths = list(documents['lengths'], 'documents.lengths', fieldCount, 'indexed field').map((values, field) => {
    const path = `documents.lengths[${field}]`
    return list(values, path, ids.length, 'document').map((value) => {
      if (!Number.isInteger(value) || (value as number) < 0) malformed(`${path} must hold whole numbers >= 0`)
      return value as number
    })
  })
  const inverted = new InvertedIndex(fieldCount)
  const table = new DocumentTable(new StoredFieldStore(options.storeCompression))
  ids.forEach((rawId, i) => {
    const id = wrap(() => checkId(rawId), `documents.ids[${i}]`)
    if (table.has(id)) malformed(`documents.ids holds ${JSON.stringify(id)} twice`)
    const fields = stored[i]
    if (fields !== null && !isPlainObject(fields)) malformed(`documents.stored[${i}] must be an object or null`)
    const prepared = wrap(() => prepareFields(fields, `document ${JSON.stringify(id)}`), `documents.stored[${i}]`)
    const doc = inverted.loadDocument(lengths.map((values) => values[i] as number))
    table.set(doc, id, prepared)
  })
  yield
  const terms = list(saved['terms'], 'terms')
  const scripts = saved['scripts']
  if (typeof scripts !== 'string' || scripts.length !== terms.length) malformed('scripts must be a string with one letter per term')
  terms.forEach((term, i) => {
    if (typeof term !== 'string' || term === '') malformed(`terms[${i}] must be a non-empty string`)
    const script = SCRIPT_NAMES[scripts[i] as keyof typeof SCRIPT_NAMES]
    if (script === undefined) malformed(`scripts[${i}] must be b, n or o`)
    if (inverted.vocabulary.intern(term, script, true) !== i) malformed(`terms holds ${JSON.stringify(term)} twice`)
  })
  const postings = list(saved['postings'], 'postings', fieldCount, 'indexed field')
  const fields: CompactLists[] = []
  for (let field = 0; field < fieldCount; field++) {
    yield
    fields.push(loadPostings(record(postings[field], `postings[${field}]`), field, inverted))
  }
  inverted.loadSegment(fields)
  return { options, inverted, documents: table }
}

/** One field's postings in saved-term order, live documents only, renumbered. */
function savePostings(inverted: InvertedIndex, field: number, termIds: readonly number[], renumber: Int32Array): SavedPostings {
  const writer = new ByteWriter()
  const offsets = new Int32Array(termIds.length + 1)
  const counts = new Int32Array(termIds.length)
  termIds.forEach((termId, i) => {
    const entries: Array<[doc: number, positions: number[]]> = []
    inverted.forEachPosting(field, termId, (original, positions) => {
      const doc = renumber[original] as number
      if (doc >= 0) entries.push([doc, [...positions]])
    })
    // a replaced document keeps its place, so its new number can be smaller than those before it
    entries.sort((a, b) => a[0] - b[0])
    let previous = -1
    for (const [doc, positions] of entries) {
      writer.entry(doc - previous - 1, positions)
      previous = doc
    }
    counts[i] = entries.length
    offsets[i + 1] = writer.length
  })
  return { offsets: encodeInt32s(offsets), counts: encodeInt32s(counts), data: encodeBase64(writer.bytes()) }
}

/** Appends encoded entries to a growing byte array. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16)
  private readonly entryBytes: number[] = []
  length = 0

  entry(docGap: number, positions: readonly number[]): void {
    const size = encodeEntry(this.entryBytes, docGap, positions)
    this.buffer = withRoom(this.buffer, this.length, this.length + size)
    for (let i = 0; i < size; i++) this.buffer[this.length++] = this.entryBytes[i] as number
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length)
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
  if (saved['format'] !== FORMAT_NAME) malformed(`"format" must be "${FORMAT_NAME}"`)
  if (saved['version'] !== FORMAT_VERSION) {
    throw new BanglaSearchError(
      'UNSUPPORTED_INDEX_VERSION',
      `The index was saved in format version ${JSON.stringify(saved['version'])}; this release reads version ${FORMAT_VERSION}. Rebuild the index from its documents.`,
    )
  }
  return saved
}

/** Checks and loads one field's postings: every list is decoded and checked against the documents. */
function loadPostings(entry: Record<string, unknown>, field: number, inverted: InvertedIndex): CompactLists {
  const termCount = inverted.vocabulary.size
  const offsets = decodeInt32s(entry['offsets'])
  const counts = decodeInt32s(entry['counts'])
  const data = decodeBase64(entry['data'])
  if (offsets?.length !== termCount + 1 || counts?.length !== termCount || data === undefined) {
    malformed(`postings[${field}] must hold base64 offsets, counts and data for ${termCount} terms`)
  }
  const corrupt = (termId: number): never => malformed(`postings[${field}] of term ${JSON.stringify(inverted.vocabulary.terms.get(termId))} is corrupt`)
  const writer = new CompactListsWriter(termCount, true)
  const lengths = inverted.fieldLengths[field]?.data ?? new Int32Array(0)
  for (let termId = 0; termId < termCount; termId++) {
    const start = offsets[termId] as number
    const end = offsets[termId + 1] as number
    if (start < 0 || end < start || end > data.length) corrupt(termId)
    if (end === start) continue
    const bytes = data.subarray(start, end)
    if (lastDocument(bytes, counts[termId] as number, field, inverted) < 0) corrupt(termId)
    writer.begin(termId)
    copyEntries(bytes, writer, lengths)
    writer.end()
  }
  return writer.finish()
}

/** Writes checked version-1 entries (`docGap, tf, positionBytes, positionGaps…`) as compact postings. */
function copyEntries(bytes: Uint8Array, writer: CompactListsWriter, lengths: Int32Array): void {
  let at = 0
  const read = (): number => {
    let value = 0
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++] as number
      value += leb128Digit(byte, shift)
      if (byte < 0x80) return value
    }
  }
  let doc = -1
  while (at < bytes.length) {
    doc += read() + 1
    const tf = read()
    read() // position bytes
    writer.add(doc, tf, lengths[doc] as number)
    let position = 0
    for (let i = 0; i < tf; i++) {
      position += read()
      writer.position(position)
    }
  }
}

/**
 * Decodes one list of entries and checks it against the documents: every value whole, documents
 * that exist, in order, `count` of them, positions in order and within the field's length.
 * Returns its last document, or -1 when the list is damaged.
 */
function lastDocument(bytes: Uint8Array, count: number, field: number, inverted: InvertedIndex): number {
  let cursor = 0
  /** The next LEB128 value, or -1 when the bytes end inside it or it is too long. */
  const read = (): number => {
    let value = 0
    for (let shift = 0; shift <= 28 && cursor < bytes.length; shift += 7) {
      const byte = bytes[cursor++] as number
      value += (byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return value >>> 0
    }
    return -1
  }
  let doc = -1
  let entries = 0
  while (cursor < bytes.length) {
    const gap = read()
    const tf = read()
    const positionBytes = read()
    doc += gap + 1
    if (gap < 0 || tf < 1 || positionBytes < 0 || doc >= inverted.documentCount) return -1
    const end = cursor + positionBytes
    let position = -1
    for (let i = 0; i < tf; i++) {
      const delta = read()
      if (delta < 0 || (i > 0 && delta === 0)) return -1
      position += i === 0 ? delta + 1 : delta
    }
    if (cursor !== end || position >= inverted.fieldLength(field, doc)) return -1
    entries++
  }
  return entries === count ? doc : -1
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value)) malformed(`${path} must be an object`)
  return value
}

/** A list of the saved index, of `length` entries (one per `each`) when a length is given. */
function list(value: unknown, path: string, length?: number, each?: string): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    malformed(`${path} must be an array${each === undefined ? '' : ` with one entry per ${each}`}`)
  }
  return value
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
