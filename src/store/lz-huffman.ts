/**
 * Method 2 of the block compressor (`lz.ts`): the sequences of method 1 with every part
 * Huffman-coded in one bit stream, least-significant bit first. On text most of a block is short
 * matches with few literals between them, so coding the tokens and offsets matters as much as
 * coding the literals.
 *
 * Body: the literal code table (256 symbols), the token code table (256 symbols), the offset code
 * table (16 symbols), then the bit stream to the end of the block. Per sequence: the token's
 * code; 15 or more literals add length bytes (8 raw bits each, as in method 1); the literals'
 * codes; unless the output is complete, the offset's code b = ⌊log2 offset⌋ and its b low bits
 * raw, then match length bytes.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { BitWriter, canonicalCodes, codedBits, codeLengths, LOOKUP_MASK, MAX_CODE_LENGTH, readTable, tableSize, writeTable } from './huffman.js'
import { MIN_MATCH, type Sequences } from './match-finder.js'

const OFFSET_CODES = 16

/** The three codes of a block: literals, tokens, offset sizes. */
interface Codes {
  readonly literals: Uint8Array
  readonly tokens: Uint8Array
  readonly offsets: Uint8Array
  /** Bytes the body takes. */
  readonly size: number
}

/** The token of a sequence: literal length (high nibble) and match length − MIN_MATCH (low), 15 meaning more follows. */
export function tokenOf(literalLength: number, matchLength: number): number {
  return (Math.min(literalLength, 15) << 4) | (matchLength === 0 ? 0 : Math.min(matchLength - MIN_MATCH, 15))
}

/** Bytes that follow a token for a length: 255s and a last byte below 255. */
export function lengthBytes(length: number): number {
  return length < 15 ? 0 : Math.floor((length - 15) / 255) + 1
}

/** Builds the codes of a block and the size of its method-2 body. */
export function planCodes(input: Uint8Array, sequences: Sequences): Codes {
  const literalCounts = new Uint32Array(256)
  const tokenCounts = new Uint32Array(256)
  const offsetCounts = new Uint32Array(OFFSET_CODES)
  let rawBits = 0
  for (let s = 0; s < sequences.count; s++) {
    const from = sequences.literalStart[s] as number
    const literalLength = sequences.literalLength[s] as number
    const matchLength = sequences.matchLength[s] as number
    for (let i = from; i < from + literalLength; i++) increment(literalCounts, input[i] as number)
    increment(tokenCounts, tokenOf(literalLength, matchLength))
    rawBits += 8 * lengthBytes(literalLength)
    if (matchLength === 0) continue
    const bucket = 31 - Math.clz32(sequences.offset[s] as number)
    increment(offsetCounts, bucket)
    rawBits += bucket + 8 * lengthBytes(matchLength - MIN_MATCH)
  }
  const literals = codeLengths(literalCounts)
  const tokens = codeLengths(tokenCounts)
  const offsets = codeLengths(offsetCounts)
  const bits = codedBits(literalCounts, literals) + codedBits(tokenCounts, tokens) + codedBits(offsetCounts, offsets) + rawBits
  const size = tableSize(literals) + tableSize(tokens) + tableSize(offsets) + Math.ceil(bits / 8)
  return { literals, tokens, offsets, size }
}

/** Writes the method-2 body at `out[at…]` (room for `codes.size` bytes); returns the end. */
export function writeHuffmanBody(input: Uint8Array, sequences: Sequences, codes: Codes, out: Uint8Array, at: number): number {
  let start = writeTable(codes.literals, out, at)
  start = writeTable(codes.tokens, out, start)
  start = writeTable(codes.offsets, out, start)
  const literalCodes = canonicalCodes(codes.literals)
  const tokenCodes = canonicalCodes(codes.tokens)
  const offsetCodes = canonicalCodes(codes.offsets)
  const bits = new BitWriter(out, start)
  for (let s = 0; s < sequences.count; s++) {
    const from = sequences.literalStart[s] as number
    const literalLength = sequences.literalLength[s] as number
    const matchLength = sequences.matchLength[s] as number
    const token = tokenOf(literalLength, matchLength)
    bits.write(tokenCodes[token] as number, codes.tokens[token] as number)
    if (literalLength >= 15) writeLength(bits, literalLength - 15)
    bits.writeCodes(input, from, from + literalLength, literalCodes, codes.literals)
    if (matchLength === 0) continue
    const offset = sequences.offset[s] as number
    const bucket = 31 - Math.clz32(offset)
    bits.write(offsetCodes[bucket] as number, codes.offsets[bucket] as number)
    if (bucket > 0) bits.write(offset - (1 << bucket), bucket)
    if (matchLength - MIN_MATCH >= 15) writeLength(bits, matchLength - MIN_MATCH - 15)
  }
  return bits.flush()
}

/** Length bytes: 255 while the rest is 255 or more, then the rest. */
function writeLength(bits: BitWriter, extra: number): void {
  let rest = extra
  for (; rest >= 255; rest -= 255) bits.write(255, 8)
  bits.write(rest, 8)
}

/**
 * Decodes a method-2 body `block[at…]` into `out` (its declared length), at least up to `stop`;
 * returns the bytes decoded.
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` on any damage
 */
export function readHuffmanBody(block: Uint8Array, at: number, out: Uint8Array, stop: number): number {
  const literals = readTable(block, at, 256, literalScratch)
  const tokens = readTable(block, literals.end, 256, tokenScratch)
  const offsets = readTable(block, tokens.end, OFFSET_CODES, offsetScratch)
  const literalLookup = literals.lookup
  const tokenLookup = tokens.lookup
  const offsetLookup = offsets.lookup
  const end = block.length
  const rawLength = out.length
  // The bit buffer holds `count` bits; `lp` is the next byte to take into it. Past the end it
  // takes zeros, two bytes at most in a valid stream (checked at the end). The steps are written
  // out in the loop rather than as helpers: closures over these variables are several times slower.
  let lp = offsets.end
  let buffer = 0
  let count = 0
  let op = 0
  while (op < stop) {
    if (lp > end + 2) malformed('its bit stream ends early')
    while (count < 16) {
      buffer |= (lp < end ? (block[lp] as number) : 0) << count
      lp++
      count += 8
    }
    const tokenEntry = tokenLookup[buffer & LOOKUP_MASK] as number
    if (tokenEntry === 0) malformed('its bit stream holds an unknown code')
    buffer >>>= tokenEntry & 15
    count -= tokenEntry & 15
    const token = tokenEntry >>> 4
    let literalLength = token >>> 4
    for (let byte = literalLength === 15 ? 255 : 0; byte === 255; literalLength += byte) {
      if (lp > end + 2) malformed('its bit stream ends early')
      while (count < 16) {
        buffer |= (lp < end ? (block[lp] as number) : 0) << count
        lp++
        count += 8
      }
      byte = buffer & 0xff
      buffer >>>= 8
      count -= 8
    }
    if (literalLength > rawLength - op) malformed(`a literal run of ${literalLength} bytes overflows the block`)
    for (const stop = op + literalLength; op < stop; ) {
      if (count < MAX_CODE_LENGTH) {
        while (count < 16) {
          buffer |= (lp < end ? (block[lp] as number) : 0) << count
          lp++
          count += 8
        }
      }
      const entry = literalLookup[buffer & LOOKUP_MASK] as number
      if (entry === 0) malformed('its bit stream holds an unknown code')
      buffer >>>= entry & 15
      count -= entry & 15
      out[op++] = entry >>> 4
    }
    if (lp > end + 2) malformed('its bit stream ends early')
    if (op === rawLength) break
    // the offset: its code, then its low bits raw
    while (count < 16) {
      buffer |= (lp < end ? (block[lp] as number) : 0) << count
      lp++
      count += 8
    }
    const offsetEntry = offsetLookup[buffer & LOOKUP_MASK] as number
    if (offsetEntry === 0) malformed('its bit stream holds an unknown code')
    buffer >>>= offsetEntry & 15
    count -= offsetEntry & 15
    const bucket = offsetEntry >>> 4
    while (count < 16) {
      buffer |= (lp < end ? (block[lp] as number) : 0) << count
      lp++
      count += 8
    }
    const offset = (1 << bucket) | (buffer & ((1 << bucket) - 1))
    buffer >>>= bucket
    count -= bucket
    let matchLength = (token & 15) + MIN_MATCH
    for (let byte = matchLength === 15 + MIN_MATCH ? 255 : 0; byte === 255; matchLength += byte) {
      if (lp > end + 2) malformed('its bit stream ends early')
      while (count < 16) {
        buffer |= (lp < end ? (block[lp] as number) : 0) << count
        lp++
        count += 8
      }
      byte = buffer & 0xff
      buffer >>>= 8
      count -= 8
    }
    if (offset > op) malformed(`a match refers ${offset} bytes back from byte ${op}`)
    if (matchLength > rawLength - op) malformed(`a match of ${matchLength} bytes overflows the block`)
    if (offset >= matchLength && matchLength > 32) out.copyWithin(op, op - offset, op - offset + matchLength)
    else for (let i = 0; i < matchLength; i++) out[op + i] = out[op - offset + i] as number
    op += matchLength
  }
  const unread = (end - lp) * 8 + count // bits of the stream not used
  if (unread < 0) malformed('its bit stream ends early')
  if (op === rawLength && unread >= 8) malformed(`${unread >>> 3} bytes follow its end`)
  return op
}

/** The decoder's three lookup tables, reused from block to block (decoding is synchronous and never nested). */
const literalScratch = new Uint16Array(1 << MAX_CODE_LENGTH)
const tokenScratch = new Uint16Array(1 << MAX_CODE_LENGTH)
const offsetScratch = new Uint16Array(1 << MAX_CODE_LENGTH)

function increment(counts: Uint32Array, symbol: number): void {
  counts[symbol] = (counts[symbol] as number) + 1
}

function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `A compressed block is damaged: ${what}.`)
}
