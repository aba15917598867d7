/**
 * A block compressor in the LZ77 family, pure TypeScript and synchronous, so that it runs the same
 * in browsers and in Node: LZ4's sequence format (a token with literal and match lengths, 2-byte
 * offsets into a 64 KB window), hash-chain match finding with a level (`match-finder.ts`), and a
 * canonical Huffman code over the sequences (`lz-huffman.ts`), which is where text gains most.
 *
 * The decompressor trusts nothing: it checks every length and offset, never reads or writes out
 * of bounds, allocates at most the declared output size (capped by the caller, and by what the
 * input could possibly expand to), and runs in time linear in that size. Damage gives
 * `MALFORMED_INDEX`.
 *
 * Block layout: `rawLength` (unsigned LEB128), a method byte, then
 * - method 0 (stored): the `rawLength` bytes as they are;
 * - method 1 (LZ): sequences, each `token [literal length bytes] literals [offset: 2 bytes LE,
 *   match length bytes]`; token = literal length (high 4 bits) and match length − 4 (low 4 bits),
 *   15 meaning "add the following bytes until one is below 255"; the match part is absent once
 *   the output is complete (LZ4's block format, without its end-of-block rules);
 * - method 2 (LZ + Huffman): the same sequences, Huffman-coded in one bit stream (`lz-huffman.ts`).
 *
 * The compressor writes whichever of the three is smallest.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { lengthBytes, planCodes, readHuffmanBody, tokenOf, writeHuffmanBody } from './lz-huffman.js'
import { findSequences, MIN_MATCH, type Sequences } from './match-finder.js'
import { MAX_VARINT_BYTES, readVarint, writeVarint } from './varint.js'

/** Compression levels: 1 (fastest) to 9 (smallest). */
export const MIN_LEVEL = 1
/** @see MIN_LEVEL */
export const MAX_LEVEL = 9
/** The default level: see docs/stored-fields.md for the measurements behind it. */
export const DEFAULT_LEVEL = 3
/** The largest block the decompressor accepts unless told otherwise (1 GiB). */
export const MAX_BLOCK_LENGTH = 2 ** 30
/** No valid block expands more than this many times (a 255 length byte per input byte at most). */
const MAX_EXPANSION = 255
const DAMAGED = 'A compressed block'
const STORED = 0
const LZ = 1
const LZ_HUFFMAN = 2

/** Compresses `input` into one block; `huffman: false` leaves out the entropy stage (faster, larger). */
export function compressBlock(input: Uint8Array, level = DEFAULT_LEVEL, huffman = true): Uint8Array {
  const sequences = findSequences(input, level)
  const header = new Uint8Array(MAX_VARINT_BYTES)
  const headerLength = writeVarint(header, 0, input.length)
  const lzSize = input.length === 0 ? 0 : sequenceBytes(sequences) + sequences.literalCount
  const codes = huffman && input.length > 0 ? planCodes(input, sequences) : undefined
  const huffmanSize = codes?.size ?? Infinity
  const method = Math.min(lzSize, huffmanSize) >= input.length ? STORED : huffmanSize < lzSize ? LZ_HUFFMAN : LZ
  const out = new Uint8Array(headerLength + 1 + (method === STORED ? input.length : Math.min(lzSize, huffmanSize)))
  out.set(header.subarray(0, headerLength))
  out[headerLength] = method
  const at = headerLength + 1
  if (method === STORED) out.set(input, at)
  else if (method === LZ_HUFFMAN && codes !== undefined) writeHuffmanBody(input, sequences, codes, out, at)
  else writeSequences(input, sequences, out, at)
  return out
}

/** Bytes of a method-1 body without its literals: tokens, length bytes and offsets. */
function sequenceBytes(sequences: Sequences): number {
  let bytes = 0
  for (let s = 0; s < sequences.count; s++) {
    bytes += 1 + lengthBytes(sequences.literalLength[s] as number)
    const matchLength = sequences.matchLength[s] as number
    if (matchLength > 0) bytes += 2 + lengthBytes(matchLength - MIN_MATCH)
  }
  return bytes
}

function writeSequences(input: Uint8Array, sequences: Sequences, out: Uint8Array, start: number): number {
  let at = start
  for (let s = 0; s < sequences.count; s++) {
    const literalLength = sequences.literalLength[s] as number
    const matchLength = sequences.matchLength[s] as number
    out[at++] = tokenOf(literalLength, matchLength)
    at = writeLength(out, at, literalLength)
    const from = sequences.literalStart[s] as number
    out.set(input.subarray(from, from + literalLength), at)
    at += literalLength
    if (matchLength === 0) continue
    const offset = sequences.offset[s] as number
    out[at++] = offset & 0xff
    out[at++] = offset >>> 8
    at = writeLength(out, at, matchLength - MIN_MATCH)
  }
  return at
}

function writeLength(out: Uint8Array, start: number, length: number): number {
  let at = start
  if (length < 15) return at
  let rest = length - 15
  while (rest >= 255) {
    out[at++] = 255
    rest -= 255
  }
  out[at++] = rest
  return at
}

/**
 * Decompresses one block made by {@link compressBlock}, or only its first `need` bytes (or a few
 * more): decoding stops there, which halves the average cost of reading one document of a block.
 * The rest of a block is checked only when it is decoded.
 *
 * @param maxLength - refuse blocks that declare more output bytes than this
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` on any damage, saying what is wrong
 */
export function decompressBlock(block: Uint8Array, maxLength = MAX_BLOCK_LENGTH, need = Infinity): Uint8Array {
  const cursor = { at: 0 }
  const rawLength = readVarint(block, cursor, block.length, DAMAGED)
  if (rawLength > maxLength || rawLength > block.length * MAX_EXPANSION) malformed(`it declares ${rawLength} bytes, more than it could hold`)
  if (cursor.at >= block.length) malformed('it ends before its method byte')
  const method = block[cursor.at++] as number
  if (method === STORED) {
    if (block.length - cursor.at !== rawLength) malformed(`a stored block holds ${block.length - cursor.at} bytes, not the ${rawLength} it declares`)
    return block.slice(cursor.at)
  }
  if (method !== LZ && method !== LZ_HUFFMAN) malformed(`unknown method ${method}`)
  const out = new Uint8Array(rawLength)
  const stop = Math.min(need, rawLength)
  const decoded = method === LZ_HUFFMAN ? readHuffmanBody(block, cursor.at, out, stop) : readSequences(block, cursor.at, out, stop)
  return decoded === rawLength ? out : out.subarray(0, decoded)
}

/** Decodes a method-1 body `block[start…]` into `out`, at least up to `stop`; returns the bytes decoded. */
function readSequences(block: Uint8Array, start: number, out: Uint8Array, stop: number): number {
  const rawLength = out.length
  let at = start
  let op = 0
  while (op < stop) {
    if (at >= block.length) malformed(`it ends after ${op} of ${rawLength} bytes`)
    const token = block[at++] as number
    let literalLength = token >>> 4
    if (literalLength === 15) {
      const extra = extension(block, at)
      at += Math.floor(extra / 255) + 1
      literalLength += extra
    }
    if (literalLength > rawLength - op) malformed(`a literal run of ${literalLength} bytes overflows the block`)
    if (literalLength > block.length - at) malformed('a literal run reads past its end')
    if (literalLength > 32) out.set(block.subarray(at, at + literalLength), op)
    else for (let i = 0; i < literalLength; i++) out[op + i] = block[at + i] as number
    at += literalLength
    op += literalLength
    if (op === rawLength) break
    if (at + 2 > block.length) malformed('it ends inside an offset')
    const offset = (block[at] as number) | ((block[at + 1] as number) << 8)
    at += 2
    let matchLength = (token & 15) + MIN_MATCH
    if (matchLength === 15 + MIN_MATCH) {
      const extra = extension(block, at)
      at += Math.floor(extra / 255) + 1
      matchLength += extra
    }
    if (offset === 0 || offset > op) malformed(`a match refers ${offset} bytes back from byte ${op}`)
    if (matchLength > rawLength - op) malformed(`a match of ${matchLength} bytes overflows the block`)
    if (offset >= matchLength && matchLength > 32) out.copyWithin(op, op - offset, op - offset + matchLength)
    else for (let i = 0; i < matchLength; i++) out[op + i] = out[op - offset + i] as number
    op += matchLength
  }
  if (op === rawLength && at !== block.length) malformed(`${block.length - at} bytes follow its end`)
  return op
}

/** The sum of the length bytes from `block[at]` on: 255s, then one below 255 (so they are `⌊sum / 255⌋ + 1` bytes). */
function extension(block: Uint8Array, start: number): number {
  let sum = 0
  for (let at = start; at < block.length; at++) {
    const byte = block[at] as number
    sum += byte
    if (byte !== 255) return sum
  }
  return malformed('it ends inside a length')
}

/** The output length a block declares, without decompressing it. */
export function declaredLength(block: Uint8Array): number {
  return readVarint(block, { at: 0 }, block.length, DAMAGED)
}

function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `${DAMAGED} is damaged: ${what}.`)
}
