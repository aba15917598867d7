/**
 * Saved format version 2, writing: one byte array of a header, a section table and sections,
 * each section with its CRC-32 (see `docs/saved-format.md` for the layout, byte by byte).
 *
 * @module
 * @internal
 */

import type { DocumentTable } from '../documents.js'
import { CompactLists, CompactListsWriter } from '../index/compact-lists.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import type { StringList } from '../index/string-list.js'
import { STEMS_PER_TERM } from '../index/vocabulary.js'
import type { ResolvedIndexOptions } from '../options.js'
import type { DocumentId } from '../types.js'
import { ByteWriter } from './bytes.js'
import { canonicalOrder, savedPostings, sortByName, type CanonicalOrder } from './canonical.js'
import { crc32 } from './crc32.js'

/** The first 8 bytes of a saved index: a non-ASCII byte, "BNGS", CR LF and ^Z catch text-mode damage. */
export const MAGIC = [0x89, 0x42, 0x4e, 0x47, 0x53, 0x0d, 0x0a, 0x1a] as const
/**
 * The version of the binary saved format (`SearchIndex.toBytes`) this release writes and
 * reads; the JSON format (`SearchIndex.toJSON`) has its own, `FORMAT_VERSION`.
 */
export const BINARY_VERSION = 2
/** Header bytes before the section table. */
export const HEADER_BYTES = 32
/** Bytes per section-table entry: id, offset, length, CRC-32. */
export const TABLE_ENTRY_BYTES = 16
/** Sections start at multiples of this. */
export const SECTION_ALIGNMENT = 8

/** Section ids. */
export const enum Section {
  Meta = 1,
  Documents = 2,
  Lengths = 3,
  Terms = 4,
  Stems = 5,
  Postings = 6,
  Stored = 7,
  /** The stored fields' compressed blocks: checked block by block when first read, not at load. */
  StoredBlocks = 8,
}

/** Writes the index in format version 2. */
export function saveBinary(options: ResolvedIndexOptions, inverted: InvertedIndex, documents: DocumentTable): Uint8Array {
  const order = canonicalOrder(inverted, documents)
  const stems = savedStems(inverted, order)
  const sections: [Section, ByteWriter][] = [
    [Section.Meta, metaSection(options, order, stems)],
    [Section.Documents, documentSection(documents, order)],
    [Section.Lengths, lengthSection(inverted, order)],
    [Section.Terms, termSection(inverted, order)],
    [Section.Stems, stemSection(stems)],
    ...options.fields.map((_, field): [Section, ByteWriter] => [Section.Postings, postingSection(inverted, field, order)]),
    ...storedSections(documents, order),
  ]
  return assemble(sections)
}

/** Header, table and sections in one array, each section aligned and checksummed. */
function assemble(sections: readonly [Section, ByteWriter][]): Uint8Array {
  let offset = HEADER_BYTES + sections.length * TABLE_ENTRY_BYTES
  const placed = sections.map(([id, writer]) => {
    offset = Math.ceil(offset / SECTION_ALIGNMENT) * SECTION_ALIGNMENT
    const at = offset
    offset += writer.length
    return { id, at, writer }
  })
  const file = new Uint8Array(offset)
  const view = new DataView(file.buffer)
  file.set(MAGIC, 0)
  view.setUint32(8, BINARY_VERSION, true)
  view.setUint32(12, sections.length, true)
  view.setUint32(16, file.length, true)
  placed.forEach(({ id, at, writer }, i) => {
    file.set(writer.bytes.subarray(0, writer.length), at)
    const entry = HEADER_BYTES + i * TABLE_ENTRY_BYTES
    view.setUint32(entry, id, true)
    view.setUint32(entry + 4, at, true)
    view.setUint32(entry + 8, writer.length, true)
    // the stored blocks are checked one by one when read (their checksums are in the Stored section)
    view.setUint32(entry + 12, id === Section.StoredBlocks ? 0 : crc32(file, at, at + writer.length), true)
  })
  view.setUint32(24, crc32(file, HEADER_BYTES, HEADER_BYTES + sections.length * TABLE_ENTRY_BYTES), true)
  view.setUint32(28, crc32(file, 0, 28), true)
  return file
}

/** A section writer that starts with the section's id (a tag the reader checks). */
function section(id: Section): ByteWriter {
  const writer = new ByteWriter()
  writer.u32(id)
  return writer
}

/** The stems and alias keys of the saved terms, in code-unit order. */
interface SavedStems {
  /** Saved stem ids per saved term (STEMS_PER_TERM each, -1 past the last). */
  readonly termStems: Int32Array
  readonly stems: string[]
  /** Saved key id per saved stem, -1 for none. */
  readonly stemKeys: Int32Array
  readonly keys: string[]
}

function savedStems(inverted: InvertedIndex, order: CanonicalOrder): SavedStems {
  const { vocabulary } = inverted
  const used = new Set<number>()
  for (const termId of order.terms) {
    for (let slot = 0; slot < STEMS_PER_TERM; slot++) {
      const stem = vocabulary.termStems.get(termId * STEMS_PER_TERM + slot)
      if (stem >= 0) used.add(stem)
    }
  }
  const byName = (ids: Iterable<number>, names: StringList): number[] => sortByName([...ids], (id) => names.get(id))
  const stemOrder = byName(used, vocabulary.stems)
  const stemNumber = new Map(stemOrder.map((stem, i) => [stem, i]))
  const keyOrder = byName(new Set(stemOrder.map((stem) => vocabulary.stemKeys.get(stem)).filter((key) => key >= 0)), vocabulary.keys)
  const keyNumber = new Map(keyOrder.map((key, i) => [key, i]))
  const termStems = new Int32Array(order.terms.length * STEMS_PER_TERM).fill(-1)
  order.terms.forEach((termId, saved) => {
    for (let slot = 0; slot < STEMS_PER_TERM; slot++) {
      const stem = vocabulary.termStems.get(termId * STEMS_PER_TERM + slot)
      if (stem >= 0) termStems[saved * STEMS_PER_TERM + slot] = stemNumber.get(stem) as number
    }
  })
  return {
    termStems,
    stems: stemOrder.map((stem) => vocabulary.stems.get(stem)),
    stemKeys: Int32Array.from(stemOrder, (stem) => keyNumber.get(vocabulary.stemKeys.get(stem)) ?? -1),
    keys: keyOrder.map((key) => vocabulary.keys.get(key)),
  }
}

function metaSection(options: ResolvedIndexOptions, order: CanonicalOrder, stems: SavedStems): ByteWriter {
  const out = section(Section.Meta)
  for (const count of [options.fields.length, order.docs.length, order.terms.length, stems.stems.length, stems.keys.length]) out.u32(count)
  const json = new TextEncoder().encode(JSON.stringify(options))
  out.u32(json.length)
  out.append(json, 0, json.length)
  return out
}

/** Ids: a kind byte per document (0 number, 1 string), the numbers as float64, the strings as UTF-16 units. */
function documentSection(documents: DocumentTable, order: CanonicalOrder): ByteWriter {
  const out = section(Section.Documents)
  const ids = order.docs.map((doc) => documents.ids[doc] as DocumentId)
  out.u32(ids.length)
  for (const id of ids) out.byte(typeof id === 'number' ? 0 : 1)
  const numbers = ids.filter((id): id is number => typeof id === 'number')
  const strings = ids.filter((id): id is string => typeof id === 'string')
  out.u32(numbers.length)
  out.align(8, 0)
  for (const number of numbers) out.f64(number)
  out.u32(strings.length)
  for (const text of strings) out.varint(text.length)
  for (const text of strings) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      out.byte(unit & 0xff)
      out.byte(unit >>> 8)
    }
  }
  return out
}

/** Field lengths: per field, one Int32 per document (aligned, viewed in place when loaded). */
function lengthSection(inverted: InvertedIndex, order: CanonicalOrder): ByteWriter {
  const out = section(Section.Lengths)
  for (let field = 0; field < inverted.fieldCount; field++) {
    out.align(4)
    out.int32s(Int32Array.from(order.docs, (doc) => inverted.fieldLength(field, doc)))
  }
  return out
}

function termSection(inverted: InvertedIndex, order: CanonicalOrder): ByteWriter {
  const out = section(Section.Terms)
  const { vocabulary } = inverted
  out.frontCoded(order.terms.map((termId) => vocabulary.terms.get(termId)))
  // scripts, two bits each, four to a byte
  for (let i = 0; i < order.terms.length; i += 4) {
    let byte = 0
    for (let j = 0; j < 4 && i + j < order.terms.length; j++) byte |= vocabulary.termScripts.get(order.terms[i + j] as number) << (2 * j)
    out.byte(byte)
  }
  return out
}

/**
 * Stem strings, key strings, then the stems of each term: its first stem as a signed step from
 * the stem before, zigzagged, times 3, plus its count of stems (0 to 2), then a second stem as a
 * signed step; then each stem's key (+1, as a signed step).
 */
function stemSection(stems: SavedStems): ByteWriter {
  const out = section(Section.Stems)
  out.frontCoded(stems.stems)
  out.frontCoded(stems.keys)
  let previous = 0
  for (let term = 0; term * STEMS_PER_TERM < stems.termStems.length; term++) {
    const first = stems.termStems[term * STEMS_PER_TERM] as number
    const second = stems.termStems[term * STEMS_PER_TERM + 1] as number
    const count = first < 0 ? 0 : second < 0 ? 1 : 2
    const step = first < 0 ? 0 : first - previous
    out.varint((step >= 0 ? step * 2 : -step * 2 - 1) * 3 + count)
    if (first >= 0) previous = first
    if (count === 2) {
      out.signed(second - previous)
      previous = second
    }
  }
  previous = 0
  for (const key of stems.stemKeys) {
    out.signed(key + 1 - previous)
    previous = key + 1
  }
  return out
}

/** One field's lists: per list its entry and position byte lengths, then all entries and all positions. */
function postingSection(inverted: InvertedIndex, field: number, order: CanonicalOrder): ByteWriter {
  const sealed = inverted.sealedField(field)?.terms
  if (order.identity && sealed !== undefined) return writeLists(reorderLists(sealed, order.terms), field)
  const writer = new CompactListsWriter(order.terms.length, true)
  order.terms.forEach((termId, saved) => {
    writer.begin(saved)
    for (const posting of savedPostings(inverted, field, termId, order)) {
      writer.add(posting.doc, posting.tf, inverted.fieldLength(field, order.docs[posting.doc] as number))
      for (const position of posting.positions) writer.position(position)
    }
    writer.end()
  })
  return writeLists(writer.finish(), field)
}

/**
 * The sealed lists in saved order (list `i` is term `terms[i]`), their bytes copied as they are:
 * with documents numbered as saved, a list's bytes do not depend on its term's number.
 */
function reorderLists(lists: CompactLists, terms: readonly number[]): CompactLists {
  const { ends, posEnds } = listEnds(lists)
  const docs = new ByteWriter()
  const positions = new ByteWriter()
  const starts = new Int32Array(terms.length).fill(-1)
  const posStarts = new Int32Array(terms.length).fill(-1)
  docs.reserve(lists.docBytes.length)
  positions.reserve(lists.posBytes.length)
  terms.forEach((termId, saved) => {
    if (!lists.has(termId)) return
    starts[saved] = docs.length
    posStarts[saved] = positions.length
    docs.append(lists.docBytes, lists.starts[termId] as number, ends[termId] as number)
    positions.append(lists.posBytes, lists.posStarts[termId] as number, posEnds[termId] as number)
  })
  return new CompactLists(docs.toBytes(), starts, positions.toBytes(), posStarts)
}

/** Where each list of lists written in id order ends (its entries and its positions). */
function listEnds(lists: CompactLists): { ends: Int32Array; posEnds: Int32Array } {
  const count = lists.starts.length
  const ends = new Int32Array(count)
  const posEnds = new Int32Array(count)
  let nextDoc = lists.docBytes.length
  let nextPos = lists.posBytes.length
  for (let list = count - 1; list >= 0; list--) {
    const start = lists.starts[list] as number
    if (start < 0) continue
    ends[list] = nextDoc
    posEnds[list] = nextPos
    nextDoc = start
    nextPos = lists.posStarts[list] as number
  }
  return { ends, posEnds }
}

/** Compact lists written in id order, as a section. */
export function writeLists(lists: CompactLists, field: number): ByteWriter {
  const out = section(Section.Postings)
  const count = lists.starts.length
  out.u32(field)
  out.u32(count)
  out.u32(lists.docBytes.length)
  out.u32(lists.posBytes.length)
  const { ends, posEnds } = listEnds(lists)
  for (let list = 0; list < count; list++) {
    if (!lists.has(list)) {
      out.varint(0)
      continue
    }
    out.varint((ends[list] as number) - (lists.starts[list] as number))
    out.varint((posEnds[list] as number) - (lists.posStarts[list] as number))
  }
  out.append(lists.docBytes, 0, lists.docBytes.length)
  out.append(lists.posBytes, 0, lists.posBytes.length)
  return out
}

/**
 * Stored fields, as the store's parts (see `store/parts.ts`): the Stored section holds the field
 * names, records, the tables (record offsets, each document's block and start, block offsets)
 * and each block's CRC-32, as aligned Uint32 arrays; the StoredBlocks section holds the
 * compressed blocks, copied as they are. Loading checks the first section whole and each block
 * when it is first read, so a search that shows two hits does not checksum every stored text.
 */
function storedSections(documents: DocumentTable, order: CanonicalOrder): [Section, ByteWriter][] {
  const out = section(Section.Stored)
  documents.store.compact()
  const parts = documents.store.toParts(order.docs)
  for (const bytes of [parts.fieldNames, parts.records]) {
    out.u32(bytes.length)
    out.append(bytes, 0, bytes.length)
  }
  const blockCount = parts.blockOffsets.length - 1
  out.u32(blockCount)
  out.align(4)
  for (const table of [parts.recordOffsets, parts.docBlocks, parts.docStarts, parts.blockOffsets]) out.uint32s(table)
  const checks = new Uint32Array(blockCount)
  for (let i = 0; i < blockCount; i++) checks[i] = crc32(parts.blocks, parts.blockOffsets[i] as number, parts.blockOffsets[i + 1] as number)
  out.uint32s(checks)
  const blocks = section(Section.StoredBlocks)
  blocks.append(parts.blocks, 0, parts.blocks.length)
  return [
    [Section.Stored, out],
    [Section.StoredBlocks, blocks],
  ]
}
