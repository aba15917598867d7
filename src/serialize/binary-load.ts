/**
 * Saved format version 2, reading: the header, the section table and every section's CRC-32 are
 * checked first, then each section's structure (counts against sizes, ids in range, dictionaries
 * strictly sorted, every list's entries and positions decoded once and checked against the
 * documents). Damage of any kind gives `MALFORMED_INDEX`. Postings are kept as views of the given
 * bytes, not copies: the bytes must not be changed afterwards.
 *
 * @module
 * @internal
 */

import { checkId, DocumentTable } from '../documents.js'
import { BanglaSearchError, isPlainObject } from '../errors.js'
import { CompactLists } from '../index/compact-lists.js'
import { InvertedIndex } from '../index/inverted-index.js'
import { STEMS_PER_TERM, Vocabulary, type SavedStrings } from '../index/vocabulary.js'
import { fromUnits } from '../index/string-list.js'
import { resolveIndexOptions } from '../options.js'
import { StoredFieldStore, type StoredFieldOptions } from '../store/stored-fields.js'
import type { DocumentId, SearchIndexOptions } from '../types.js'
import { BINARY_VERSION, HEADER_BYTES, MAGIC, Section, SECTION_ALIGNMENT, TABLE_ENTRY_BYTES } from './binary-save.js'
import { ByteReader, malformed } from './bytes.js'
import { checkLists } from './check-lists.js'
import { crc32 } from './crc32.js'
import type { LoadedIndex } from './format.js'

/** Does the buffer start like a binary saved index? */
export function looksBinary(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, i) => bytes[i] === byte)
}

/** The stages of loading, as a generator that pauses between them (for the async form). */
export function* loadBinarySteps(input: Uint8Array | ArrayBuffer, deep = false): Generator<void, LoadedIndex, void> {
  const file = input instanceof Uint8Array ? input : input instanceof ArrayBuffer ? new Uint8Array(input) : malformed('expected a Uint8Array or an ArrayBuffer')
  const sections = readTable(file)
  yield
  const meta = reader(file, sections, Section.Meta)
  const [fieldCount, docCount, termCount, stemCount, keyCount] = [meta.u32(), meta.u32(), meta.u32(), meta.u32(), meta.u32()] as [number, number, number, number, number]
  const options = readOptions(meta)
  if (options.fields.length !== fieldCount) meta.fail('the options name another number of fields')
  const ids = readIds(reader(file, sections, Section.Documents), docCount)
  const lengths = readLengths(reader(file, sections, Section.Lengths), fieldCount, docCount)
  yield
  const terms = reader(file, sections, Section.Terms)
  const termStrings = terms.frontCoded('terms')
  if (termStrings.count !== termCount) terms.fail('the term count differs from the header')
  const scriptBytes = terms.view(Math.ceil(termCount / 4))
  const scripts = new Int32Array(termCount)
  for (let i = 0; i < termCount; i++) {
    const script = ((scriptBytes[i >> 2] as number) >> (2 * (i & 3))) & 3
    if (script > 2) terms.fail('a term script is not 0, 1 or 2')
    scripts[i] = script
  }
  terms.end()
  const vocabulary = readStems(reader(file, sections, Section.Stems), termStrings, scripts, stemCount, keyCount)
  yield
  const postings = sections.filter((entry) => entry.id === Section.Postings)
  if (postings.length !== fieldCount) malformed(`there are ${postings.length} posting sections for ${fieldCount} fields`)
  const fields = new Array<CompactLists>(fieldCount)
  for (const entry of postings) {
    const read = new ByteReader(file.subarray(entry.offset, entry.offset + entry.length), 'postings', entry.offset)
    if (read.u32() !== Section.Postings) read.fail('the section tag is wrong')
    const field = read.u32()
    if (field >= fieldCount || fields[field] !== undefined) read.fail(`field ${field} is out of range or given twice`)
    fields[field] = readLists(read, termCount)
    yield
    if (deep) checkLists(fields[field] as CompactLists, termCount, lengths[field] as Int32Array, `postings of field ${field}`)
  }
  const store = readStored(reader(file, sections, Section.Stored), reader(file, sections, Section.StoredBlocks), docCount, options.storeCompression)
  const inverted = new InvertedIndex(fieldCount, vocabulary)
  inverted.loadDocuments(lengths)
  inverted.loadSegment(fields)
  const documents = new DocumentTable(store)
  if (!documents.load(ids)) malformed('an id appears twice')
  return { options, inverted, documents }
}

interface TableEntry {
  readonly id: number
  readonly offset: number
  readonly length: number
}

/** Checks the header and the section table, and every section's CRC-32. */
function readTable(file: Uint8Array): TableEntry[] {
  if (file.length < HEADER_BYTES || !looksBinary(file)) malformed('it does not start with the bytes of a bangla-search index (was it cut short, or is it another file?)')
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const version = view.getUint32(8, true)
  if (version !== BINARY_VERSION) {
    throw new BanglaSearchError('UNSUPPORTED_INDEX_VERSION', `The index was saved in format version ${version}; this release reads versions 1 (JSON) and ${BINARY_VERSION}. Rebuild the index from its documents.`)
  }
  if (view.getUint32(28, true) !== crc32(file, 0, 28)) malformed('the header checksum does not match')
  const count = view.getUint32(12, true)
  if (view.getUint32(16, true) !== file.length) malformed(`the header gives a length of ${view.getUint32(16, true)} bytes, the data has ${file.length} (was it cut short?)`)
  const tableEnd = HEADER_BYTES + count * TABLE_ENTRY_BYTES
  if (count === 0 || tableEnd > file.length) malformed('the section table does not fit')
  if (view.getUint32(24, true) !== crc32(file, HEADER_BYTES, tableEnd)) malformed('the section table checksum does not match')
  const entries: TableEntry[] = []
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * TABLE_ENTRY_BYTES
    const entry = { id: view.getUint32(at, true), offset: view.getUint32(at + 4, true), length: view.getUint32(at + 8, true) }
    if (entry.offset % SECTION_ALIGNMENT !== 0 || entry.offset < tableEnd || entry.offset + entry.length > file.length) malformed(`section ${i} lies outside the data`)
    // stored blocks are checked one by one when first read (their checksums are in the Stored section)
    if (entry.id !== Section.StoredBlocks && view.getUint32(at + 12, true) !== crc32(file, entry.offset, entry.offset + entry.length)) {
      malformed(`section ${i} (id ${entry.id}) fails its checksum`)
    }
    entries.push(entry)
  }
  return entries
}

/** A reader of the one section with this id, past its tag. */
function reader(file: Uint8Array, sections: readonly TableEntry[], id: Section): ByteReader {
  const found = sections.filter((entry) => entry.id === id)
  if (found.length !== 1) malformed(`section ${id} appears ${found.length} times`)
  const entry = found[0] as TableEntry
  const read = new ByteReader(file.subarray(entry.offset, entry.offset + entry.length), `section ${id}`, entry.offset)
  if (read.u32() !== id) read.fail('the section tag is wrong')
  return read
}

function readOptions(read: ByteReader): ReturnType<typeof resolveIndexOptions> {
  const bytes = read.view(read.u32())
  read.end()
  let options: unknown
  try {
    options = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    read.fail('the options are not valid JSON')
  }
  if (!isPlainObject(options)) read.fail('the options are not an object')
  try {
    return resolveIndexOptions(options as unknown as SearchIndexOptions)
  } catch (error) {
    return read.fail(`the options are invalid (${(error as Error).message})`)
  }
}

/**
 * The string of little-endian UTF-16 code units, as they were (lone surrogates too), built as one
 * flat string: built a unit at a time it would be a chain of concatenations that every Map
 * look-up flattens first (0.9 s and most of the garbage of loading 542,202 paragraph ids).
 */
function utf16String(bytes: Uint8Array): string {
  const units = new Array<number>(bytes.length >> 1)
  for (let i = 0; i < units.length; i++) units[i] = (bytes[2 * i] as number) | ((bytes[2 * i + 1] as number) << 8)
  return fromUnits(units)
}

function readIds(read: ByteReader, count: number): DocumentId[] {
  if (read.u32() !== count) read.fail('the document count differs from the header')
  const kinds = read.view(count)
  const numbers = read.count(8, 'numeric ids')
  read.align(8)
  const numberValues = Array.from({ length: numbers }, () => read.f64())
  const strings = read.count(1, 'string ids')
  if (numbers + strings !== count) read.fail('the ids do not add up to the documents')
  const lengths = Array.from({ length: strings }, () => read.varint())
  const ids: DocumentId[] = []
  let number = 0
  let text = 0
  for (let doc = 0; doc < count; doc++) {
    const kind = kinds[doc] as number
    let id: unknown
    if (kind === 0 && number < numbers) id = numberValues[number++]
    else if (kind === 1 && text < strings) {
      id = utf16String(read.view(2 * (lengths[text++] as number)))
    } else read.fail(`the kind of id ${doc} is damaged`)
    try {
      ids.push(checkId(id))
    } catch {
      read.fail(`id ${doc} is not a valid id`)
    }
  }
  read.end()
  return ids
}

function readLengths(read: ByteReader, fieldCount: number, docCount: number): Int32Array[] {
  const lengths = Array.from({ length: fieldCount }, () => {
    const values = read.int32s(read.left >= docCount * 4 ? docCount : read.fail('the field lengths end too early'))
    for (const value of values) if (value < 0) read.fail('a field length is negative')
    return values
  })
  read.end()
  return lengths
}

function readStems(read: ByteReader, terms: SavedStrings, scripts: Int32Array, stemCount: number, keyCount: number): Vocabulary {
  const stems = read.frontCoded('stems')
  const keys = read.frontCoded('alias keys')
  if (stems.count !== stemCount || keys.count !== keyCount) read.fail('the stem or key count differs from the header')
  const termStems = new Int32Array(terms.count * STEMS_PER_TERM).fill(-1)
  let previous = 0
  for (let term = 0; term < terms.count; term++) {
    const code = read.varint()
    const count = code % 3
    for (let slot = 0; slot < count; slot++) {
      let step: number
      if (slot === 0) {
        const zigzag = Math.floor(code / 3)
        step = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2
      } else step = read.signed()
      const stem = previous + step
      if (stem < 0 || stem >= stemCount) read.fail(`term ${term} links to a stem out of range`)
      termStems[term * STEMS_PER_TERM + slot] = stem
      previous = stem
    }
  }
  const stemKeys = new Int32Array(stemCount)
  previous = 0
  for (let stem = 0; stem < stemCount; stem++) {
    const key = previous + read.signed()
    if (key < 0 || key > keyCount) read.fail(`stem ${stem} links to a key out of range`)
    stemKeys[stem] = key - 1
    previous = key
  }
  read.end()
  return Vocabulary.load({ terms, scripts, termStems, stems, stemKeys, keys })
}

/** One field's compact lists: views of the section's bytes, list starts from the byte lengths. */
function readLists(read: ByteReader, termCount: number): CompactLists {
  if (read.u32() !== termCount) read.fail('the list count differs from the term count')
  const docLength = read.u32()
  const posLength = read.u32()
  const starts = new Int32Array(termCount).fill(-1)
  const posStarts = new Int32Array(termCount).fill(-1)
  let doc = 0
  let position = 0
  for (let list = 0; list < termCount; list++) {
    const length = read.varint()
    if (length === 0) continue
    starts[list] = doc
    posStarts[list] = position
    doc += length
    position += read.varint()
  }
  if (doc !== docLength || position !== posLength) read.fail('the list lengths do not add up')
  const docBytes = read.view(docLength)
  const posBytes = read.view(posLength)
  read.end()
  return new CompactLists(docBytes, starts, posBytes, posStarts)
}

/** The stored fields' parts (checked by the store: its tables now, each record when first read, each block against its CRC-32 and then its structure when first read). */
function readStored(read: ByteReader, blockSection: ByteReader, docCount: number, options: StoredFieldOptions): StoredFieldStore {
  const fieldNames = read.view(read.u32())
  const records = read.view(read.u32())
  const blockCount = read.u32()
  if ((docCount * 3 + blockCount * 2 + 2) * 4 > read.left) read.fail('the stored-field tables do not fit')
  const recordOffsets = read.uint32s(docCount + 1)
  const docBlocks = read.uint32s(docCount)
  const docStarts = read.uint32s(docCount)
  const blockOffsets = read.uint32s(blockCount + 1)
  const checks = read.uint32s(blockCount)
  read.end()
  const blocks = blockSection.view(blockSection.left)
  const checkBlock = (block: Uint8Array, index: number): void => {
    if (crc32(block) !== checks[index]) malformed(`stored block ${index} fails its checksum`)
  }
  return StoredFieldStore.fromParts({ fieldNames, records, recordOffsets, docBlocks, docStarts, blocks, blockOffsets }, docCount, options, checkBlock)
}
