/**
 * `StoredFieldStore`: the stored fields of the documents, by document number, kept compact.
 * Short values ("hot": every non-string, and strings up to `hotLength` code units) stay in a
 * per-document record, uncompressed, so filters and hit lists read them at once. Long strings
 * ("cold") are encoded (`text-codec.ts`) into an open block that is compressed (`lz.ts`) once it
 * holds `blockSize` bytes; reading one decompresses only its block, through a small LRU cache.
 *
 * Layout: `records` (every document's record, see `records.ts`) with `offsets[doc]…offsets[doc+1]`;
 * `blockOf[doc]`/`startOf[doc]` for its cold bytes; `blocks` (compressed) and the open block.
 *
 * @module
 * @internal
 */

import { refuseValue } from '../errors.js'
import { BlockCache } from './block-cache.js'
import { prepareFields, type PreparedField } from './json-values.js'
import { compressBlock, declaredLength, DEFAULT_LEVEL, MAX_BLOCK_LENGTH, MAX_LEVEL, MIN_LEVEL } from './lz.js'
import { OPEN_BLOCK, StoreLayout } from './layout.js'
import { checkParts, encodeNames, NO_BLOCK, type StoredFieldParts } from './parts.js'
import { decodeValue, isCold, malformed, setField } from './records.js'

/** Options of a {@link StoredFieldStore}; see docs/stored-fields.md for how the defaults were chosen. */
export interface StoredFieldOptions {
  /** Encoded bytes of long values per compressed block. Default 16 KiB. */
  readonly blockSize?: number
  /** Compression level, 1 (fastest) to 9. Default 3. */
  readonly level?: number
  /** Decompressed blocks kept in the LRU cache. Default 8. */
  readonly cacheBlocks?: number
  /** Strings up to this many code units (and JSON values whose text is this short) stay uncompressed. Default 64. */
  readonly hotLength?: number
}

/** Sizes and counts of a store (bytes are those of its arrays, not of JS objects). */
export interface StoredFieldStats {
  /** Documents in the store. */
  readonly documents: number
  /** Compressed blocks (the open block apart). */
  readonly blocks: number
  /** Bytes of the compressed blocks. */
  readonly compressedBytes: number
  /** Bytes the compressed blocks hold once decompressed (as their headers declare). */
  readonly blockBytes: number
  /** Bytes of the open (not yet compressed) block. */
  readonly openBytes: number
  /** Bytes of the records: field lists and hot values. */
  readonly hotBytes: number
  /** Bytes of the per-document tables. */
  readonly tableBytes: number
  /** Bytes of the decompressed blocks in the cache. */
  readonly cachedBytes: number
  /** Removed documents whose bytes are still in blocks or records (what {@link StoredFieldStore.compact} frees). */
  readonly removedUncompacted: number
  /** Blocks decompressed so far (cache misses). */
  readonly decompressions: number
  /** Block reads answered by the cache so far. */
  readonly cacheHits: number
}

/** Default block size: 16 KiB of encoded text, about 4 blog posts (see docs/stored-fields.md). */
export const DEFAULT_BLOCK_SIZE = 16 * 1024
/** Default hot length: keeps 97 % of the blog corpus's titles out of the blocks. */
export const DEFAULT_HOT_LENGTH = 64
/** Default number of decompressed blocks cached. */
export const DEFAULT_CACHE_BLOCKS = 8

/** Document numbers stay below this (they index typed arrays). */
const MAX_DOC = 2 ** 31 - 2

/** The stored fields of documents by number; see the module comment and docs/stored-fields.md. */
export class StoredFieldStore {
  private readonly hotLength: number
  private readonly layout: StoreLayout

  /** @throws {@link BanglaSearchError} `INVALID_OPTION` for an option out of range */
  constructor(options: StoredFieldOptions = {}) {
    const blockSize = rangeOption(options.blockSize, 'blockSize', DEFAULT_BLOCK_SIZE, 256, 16 * 1024 * 1024)
    const level = rangeOption(options.level, 'level', DEFAULT_LEVEL, MIN_LEVEL, MAX_LEVEL)
    this.hotLength = rangeOption(options.hotLength, 'hotLength', DEFAULT_HOT_LENGTH, 0, 1 << 20)
    const cache = new BlockCache(rangeOption(options.cacheBlocks, 'cacheBlocks', DEFAULT_CACHE_BLOCKS, 0, 4096), MAX_BLOCK_LENGTH)
    this.layout = new StoreLayout(blockSize, level, cache)
  }

  /** Number of documents in the store. */
  get size(): number {
    return this.layout.liveCount
  }

  /** Is document `doc` in the store (added and not removed)? */
  has(doc: number): boolean {
    return Number.isInteger(doc) && doc >= 0 && doc < this.layout.docLimit && this.layout.live[doc] === 1
  }

  /**
   * Adds the stored fields of document `doc`, a number larger than any added before (gaps are
   * fine). The values are checked first: on error nothing changes. A field whose value is
   * `undefined` is left out.
   *
   * @param owner - names the document in error messages, e.g. `document "42"`
   * @throws {@link BanglaSearchError} `INVALID_FIELD_VALUE` for a value that is not JSON, `INVALID_ARGUMENT` for a wrong number
   *
   * @example
   * ```ts
   * store.add(0, { title: 'ঢাকা', text: longArticle, year: 2019 })
   * store.get(0)   // { title: 'ঢাকা', text: longArticle, year: 2019 }
   * ```
   */
  add(doc: number, fields: Record<string, unknown> | undefined, owner = `document number ${doc}`): void {
    this.addPrepared(doc, prepareFields(fields, owner))
  }

  /** {@link StoredFieldStore.add} with fields already checked by `prepareFields` (a batch checks every document first). */
  addPrepared(doc: number, prepared: readonly PreparedField[]): void {
    const { docLimit } = this.layout
    if (!Number.isInteger(doc) || doc < docLimit || doc > MAX_DOC) refuseValue('INVALID_ARGUMENT', 'A document number', `a whole number from ${docLimit} to ${MAX_DOC}`, doc)
    this.layout.writeDocument(doc, prepared, this.hotLength)
  }

  /**
   * The stored fields of `doc` as a fresh plain object (field names are always own data
   * properties, `__proto__` included), or undefined when the document is not in the store.
   * Decompresses at most the document's one block (less when the cache has it).
   *
   * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when its record or block is damaged
   */
  get(doc: number): Record<string, unknown> | undefined {
    return this.read(doc, false)
  }

  /**
   * Like {@link StoredFieldStore.get}, for reading a few fields of many documents (search
   * filters): hot fields are plain data, compressed ones getters that decompress the block on
   * first read and then turn into plain data properties. `Object.keys` and `in` see every field
   * without decompressing anything; spreading the object or `JSON.stringify` reads every field;
   * assigning to a field replaces it. The object is a snapshot: a later `remove()` or `compact()`
   * does not change it. Damage shows as `MALFORMED_INDEX` from the first read of the field.
   */
  getLazy(doc: number): Record<string, unknown> | undefined {
    return this.read(doc, true)
  }

  /** Removes document `doc`; false when it was not in the store. Its bytes stay until {@link StoredFieldStore.compact}. */
  remove(doc: number): boolean {
    if (!this.has(doc)) return false
    const layout = this.layout
    layout.live[doc] = 0
    layout.liveCount--
    layout.removedUncompacted++
    const block = layout.blockOf[doc] as number
    if (block !== NO_BLOCK && block !== OPEN_BLOCK) layout.deadIn[block] = (layout.deadIn[block] as number) + 1
    return true
  }

  /**
   * Frees the bytes of removed documents: rewrites only the blocks that hold any (their live
   * documents are compressed again, with those added since) and the records. Document numbers
   * do not change.
   *
   * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when a block to rewrite is damaged (the store is then as before)
   */
  compact(): void {
    const layout = this.layout
    if (layout.removedUncompacted === 0) return
    // a damaged block (of a loaded store) stops the rewrite half-way: put the old tables back
    const { blocks, deadIn, blockOf, startOf, open, openUsed } = layout
    const openDocs = layout.openDocs.slice()
    try {
      layout.compactBlocks()
    } catch (error) {
      Object.assign(layout, { blocks, deadIn, blockOf, startOf, open, openUsed, openDocs })
      throw error
    }
    layout.compactRecords()
    layout.cache.clear()
    layout.removedUncompacted = 0
  }

  /** Sizes and counts, for tests and benchmarks. */
  stats(): StoredFieldStats {
    const { blocks, cache } = this.layout
    return {
      documents: this.layout.liveCount,
      blocks: blocks.length,
      compressedBytes: blocks.reduce((size, block) => size + block.length, 0),
      blockBytes: blocks.reduce((size, block) => size + lengthOrZero(block), 0),
      openBytes: this.layout.openUsed,
      hotBytes: this.layout.recordsUsed,
      tableBytes: this.layout.offsets.byteLength + this.layout.live.byteLength + this.layout.blockOf.byteLength + this.layout.startOf.byteLength,
      cachedBytes: cache.bytes,
      removedUncompacted: this.layout.removedUncompacted,
      decompressions: cache.counts.decompressions,
      cacheHits: cache.counts.hits,
    }
  }

  /**
   * The store as parts for a binary saved format (see {@link StoredFieldParts}), with the
   * documents of `order` (each in the store, none twice) renumbered 0…n−1 in that order. Blocks
   * are copied as they are (call {@link StoredFieldStore.compact} first to drop the bytes of
   * removed documents); only the open block is compressed.
   *
   * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `order` names a document not in the store, or one twice
   */
  toParts(order: readonly number[]): StoredFieldParts {
    const layout = this.layout
    const seen = new Uint8Array(layout.docLimit)
    let recordBytes = 0
    for (const doc of order) {
      if (!this.has(doc) || seen[doc] === 1) refuseValue('INVALID_ARGUMENT', 'Every number in the order', 'a stored document, given once', doc)
      seen[doc] = 1
      recordBytes += (layout.offsets[doc + 1] as number) - (layout.offsets[doc] as number)
    }
    layout.trimOpen()
    // the blocks the documents use keep their order; the open block, if used, comes last
    const openId = layout.blocks.length
    const blockId = (doc: number): number => (layout.blockOf[doc] === OPEN_BLOCK ? openId : (layout.blockOf[doc] as number))
    const newId = new Int32Array(openId + 1).fill(-1)
    for (const doc of order) if (layout.blockOf[doc] !== NO_BLOCK) newId[blockId(doc)] = 0
    const saved: Uint8Array[] = []
    newId.forEach((used, block) => {
      if (used < 0) return
      newId[block] = saved.length
      saved.push(block < openId ? (layout.blocks[block] as Uint8Array) : compressBlock(layout.open.subarray(0, layout.openUsed), layout.level))
    })
    const n = order.length
    const records = new Uint8Array(recordBytes)
    const recordOffsets = new Uint32Array(n + 1)
    const docBlocks = new Uint32Array(n).fill(NO_BLOCK)
    const docStarts = new Uint32Array(n)
    order.forEach((doc, i) => {
      const start = layout.offsets[doc] as number
      const end = layout.offsets[doc + 1] as number
      records.set(layout.records.subarray(start, end), recordOffsets[i] as number)
      recordOffsets[i + 1] = (recordOffsets[i] as number) + end - start
      if (layout.blockOf[doc] === NO_BLOCK) return
      docBlocks[i] = newId[blockId(doc)] as number
      docStarts[i] = layout.startOf[doc] as number
    })
    const blockOffsets = new Uint32Array(saved.length + 1)
    saved.forEach((block, i) => (blockOffsets[i + 1] = (blockOffsets[i] as number) + block.length))
    const blocks = new Uint8Array(blockOffsets[saved.length] as number)
    saved.forEach((block, i) => blocks.set(block, blockOffsets[i] as number))
    return { fieldNames: encodeNames(layout.names), records, recordOffsets, docBlocks, docStarts, blocks, blockOffsets }
  }

  /**
   * A store of `docCount` documents (numbered 0…docCount−1) from parts made by
   * {@link StoredFieldStore.toParts}. `checkBlock`, when given, runs once per block the first
   * time it is read (the saved format checks each block's checksum there). The parts are used as they are, not copied, and never
   * written to. Their tables are checked here in one pass; each record and block is checked
   * when it is first read, so a damaged one gives `MALFORMED_INDEX` from `get()`.
   *
   * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when the parts do not fit together
   */
  static fromParts(parts: StoredFieldParts, docCount: number, options: StoredFieldOptions = {}, checkBlock?: (block: Uint8Array, index: number) => void): StoredFieldStore {
    const store = new StoredFieldStore(options)
    const layout = store.layout
    layout.names = checkParts(parts, docCount)
    layout.names.forEach((name, id) => layout.ids.set(name, id))
    layout.records = parts.records
    layout.recordsUsed = parts.records.length
    layout.offsets = parts.recordOffsets
    layout.blockOf = parts.docBlocks
    layout.startOf = parts.docStarts
    layout.live = new Uint8Array(docCount).fill(1)
    layout.docLimit = docCount
    layout.liveCount = docCount
    const { blocks, blockOffsets } = parts
    for (let i = 0; i + 1 < blockOffsets.length; i++) {
      const block = blocks.subarray(blockOffsets[i], blockOffsets[i + 1])
      layout.blocks.push(block)
      if (checkBlock !== undefined) layout.cache.checkOnFirstRead(block, () => checkBlock(block, i))
    }
    layout.deadIn = layout.blocks.map(() => 0)
    return store
  }

  private read(doc: number, lazy: boolean): Record<string, unknown> | undefined {
    if (!this.has(doc)) return undefined
    const layout = this.layout
    const fields: number[] = [] // id, kind, from, to of each field
    const coldLength = layout.readFields(doc, (id, kind, from, to) => fields.push(id, kind, from, to))
    const cold = coldLength > 0 ? layout.coldSource(doc, coldLength, lazy) : undefined
    const out: Record<string, unknown> = {}
    for (let i = 0; i < fields.length; i += 4) {
      const name = layout.names[fields[i] as number] as string
      const [kind, from, to] = [fields[i + 1] as number, fields[i + 2] as number, fields[i + 3] as number]
      if (!isCold(kind)) setField(out, name, decodeValue(layout.records, from, to, kind))
      else if (cold === undefined) malformed('a compressed field has no bytes')
      else if (!lazy) setField(out, name, decodeValue(cold().bytes, cold().base + from, cold().base + to, kind))
      else defineLazy(out, name, () => decodeValue(cold().bytes, cold().base + from, cold().base + to, kind))
    }
    return out
  }
}

/** A compressed field: a getter that decodes on first read and then becomes a data property. */
function defineLazy(object: Record<string, unknown>, name: string, compute: () => unknown): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true })
  }
  Object.defineProperty(object, name, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = compute()
      settle(value)
      return value
    },
    set: settle,
  })
}

/** The declared length of a block, 0 when its header is damaged (statistics never throw). */
function lengthOrZero(block: Uint8Array): number {
  try {
    return declaredLength(block)
  } catch {
    return 0
  }
}

function rangeOption(value: unknown, name: string, fallback: number, min: number, max: number): number {
  const number = value ?? fallback
  if (!Number.isInteger(number) || (number as number) < min || (number as number) > max) refuseValue('INVALID_OPTION', name, `a whole number from ${min} to ${max}`, number)
  return number as number
}
