/**
 * The stored-field store as separate arrays, for a binary saved format: what
 * `StoredFieldStore.toParts()` returns and `StoredFieldStore.fromParts()` checks. Each part can be
 * a view into one large buffer (typed arrays over an ArrayBuffer, 4-byte aligned for the
 * `Uint32Array`s), so loading copies nothing.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { decodeText, encodeText } from './text-codec.js'
import { readVarint, varintSize, writeVarint } from './varint.js'

/** `docBlocks` entry of a document without compressed fields. */
export const NO_BLOCK = 0xffffffff

/**
 * The parts of a saved store of `n` documents (numbered 0…n−1) in `b` blocks:
 * - `fieldNames`: the field names, `count` then per name `byteLength` and its encoded text
 *   (unsigned LEB128 numbers, text as in `text-codec.ts`);
 * - `records`, `recordOffsets` (n + 1 entries): document i's record is
 *   `records[recordOffsets[i], recordOffsets[i + 1])` (see `records.ts`; empty when it has no fields);
 * - `docBlocks`, `docStarts` (n entries each): the block holding document i's compressed values,
 *   or {@link NO_BLOCK}, and where they start in that block once decompressed;
 * - `blocks`, `blockOffsets` (b + 1 entries): block j is `blocks[blockOffsets[j], blockOffsets[j + 1])`
 *   (see `lz.ts`).
 */
export interface StoredFieldParts {
  readonly fieldNames: Uint8Array
  readonly records: Uint8Array
  readonly recordOffsets: Uint32Array
  readonly docBlocks: Uint32Array
  readonly docStarts: Uint32Array
  readonly blocks: Uint8Array
  readonly blockOffsets: Uint32Array
}

const DAMAGED = 'The stored fields'
const NAMES_DAMAGED = 'The list of stored-field names'

/** Writes the field names part. */
export function encodeNames(names: readonly string[]): Uint8Array {
  const encoded = names.map(encodeText)
  const out = new Uint8Array(varintSize(names.length) + encoded.reduce((size, name) => size + varintSize(name.length) + name.length, 0))
  let at = writeVarint(out, 0, names.length)
  for (const name of encoded) {
    at = writeVarint(out, at, name.length)
    out.set(name, at)
    at += name.length
  }
  return out
}

/**
 * Checks every part against the others and against `docCount` (one pass over the tables; the
 * records and blocks themselves are checked when a document is read) and returns the field names.
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` saying which part is wrong
 */
export function checkParts(parts: StoredFieldParts, docCount: number): string[] {
  if (typeof parts !== 'object' || parts === null) malformed('they are missing')
  const { fieldNames, records, recordOffsets, docBlocks, docStarts, blocks, blockOffsets } = parts
  for (const [name, part] of Object.entries({ fieldNames, records, blocks })) if (!(part instanceof Uint8Array)) malformed(`part ${name} is not a byte array`)
  for (const [name, part] of Object.entries({ recordOffsets, docBlocks, docStarts, blockOffsets })) if (!(part instanceof Uint32Array)) malformed(`part ${name} is not a Uint32Array`)
  if (!Number.isInteger(docCount) || docCount < 0) malformed(`the document count ${docCount} is not a whole number`)
  if (recordOffsets.length !== docCount + 1 || docBlocks.length !== docCount || docStarts.length !== docCount) {
    malformed(`their tables have ${recordOffsets.length - 1}, ${docBlocks.length} and ${docStarts.length} entries for ${docCount} documents`)
  }
  checkOffsets(recordOffsets, records.length, 'record')
  if (blockOffsets.length === 0) malformed('the block offsets are empty')
  checkOffsets(blockOffsets, blocks.length, 'block')
  const blockCount = blockOffsets.length - 1
  for (let doc = 0; doc < docCount; doc++) {
    const block = docBlocks[doc] as number
    if (block !== NO_BLOCK && block >= blockCount) malformed(`document ${doc} is in block ${block} of ${blockCount}`)
  }
  return decodeNames(fieldNames)
}

/** Offsets must start at 0, never decrease, and end at the part's length. */
function checkOffsets(offsets: Uint32Array, length: number, what: string): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== length) malformed(`the ${what} offsets do not run from 0 to ${length}`)
  for (let i = 1; i < offsets.length; i++) if ((offsets[i] as number) < (offsets[i - 1] as number)) malformed(`${what} ${i - 1} ends before it starts`)
}

function decodeNames(bytes: Uint8Array): string[] {
  const cursor = { at: 0 }
  const count = readVarint(bytes, cursor, bytes.length, NAMES_DAMAGED)
  if (count > bytes.length) malformed(`${count} field names cannot fit in ${bytes.length} bytes`)
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const length = readVarint(bytes, cursor, bytes.length, NAMES_DAMAGED)
    if (length > bytes.length - cursor.at) malformed('a field name runs past its part')
    names.push(decodeText(bytes, cursor.at, cursor.at + length))
    cursor.at += length
  }
  if (cursor.at !== bytes.length) malformed('bytes follow the field names')
  if (new Set(names).size !== names.length) malformed('a field name appears twice')
  return names
}

function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `${DAMAGED} are damaged: ${what}.`)
}
