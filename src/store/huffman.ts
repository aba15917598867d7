/**
 * A small canonical Huffman code over bytes, the entropy stage of the block compressor
 * (`lz.ts`) for literals: length-limited code lengths, the compact table that is written
 * into a block, and the checked lookup table the decoder reads codes with. Bits are written
 * and read least-significant first, with codes bit-reversed, as in DEFLATE.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'

/** The longest code; the decoder's lookup table has 2^MAX_CODE_LENGTH entries. */
export const MAX_CODE_LENGTH = 11
/** Alphabets up to this size write every code length; larger ones a bitmap of the used symbols first. */
const SMALL_ALPHABET = 32

/**
 * Code lengths (0 for an unused symbol) of a Huffman code for these symbol frequencies (at most
 * 256 symbols), none longer than {@link MAX_CODE_LENGTH}. Optimal lengths come from the
 * two-queue method over the symbols sorted by frequency; deeper codes are then shortened as
 * miniz does it (cap the lengths, then lengthen the longest shorter codes until the code is a
 * prefix code again), and the lengths dealt out again, shortest to the most frequent.
 */
export function codeLengths(frequencies: Uint32Array): Uint8Array {
  const lengths = new Uint8Array(frequencies.length)
  // used symbols sorted by frequency, then symbol: one numeric sort of frequency × 512 + symbol
  const keys: number[] = []
  frequencies.forEach((frequency, symbol) => {
    if (frequency !== 0) keys.push(frequency * 512 + symbol)
  })
  const sorted = Float64Array.from(keys).sort()
  const n = sorted.length
  if (n === 1) lengths[(sorted[0] as number) % 512] = 1
  if (n <= 1) return lengths
  const perLength = countLengths(sorted)
  // the least frequent symbols take the longest codes
  let next = 0
  for (let length = MAX_CODE_LENGTH; length >= 1; length--) {
    for (let count = perLength[length] as number; count > 0; count--) lengths[(sorted[next++] as number) % 512] = length
  }
  return lengths
}

/** How many codes of each length (index 1…MAX_CODE_LENGTH) an optimal, then capped, code has. */
function countLengths(sorted: Float64Array): Int32Array {
  const n = sorted.length
  // nodes 0…n−1 are the leaves in order, n… the merged nodes in the order they are made
  const weight = new Float64Array(2 * n - 1)
  const parent = new Int32Array(2 * n - 1)
  for (let i = 0; i < n; i++) weight[i] = Math.floor((sorted[i] as number) / 512)
  let leaf = 0
  let merged = n
  for (let made = n; made < 2 * n - 1; made++) {
    for (let pick = 0; pick < 2; pick++) {
      const takeLeaf = leaf < n && (merged >= made || (weight[leaf] as number) <= (weight[merged] as number))
      const node = takeLeaf ? leaf++ : merged++
      weight[made] = (weight[made] as number) + (weight[node] as number)
      parent[node] = made
    }
  }
  const depth = new Uint8Array(2 * n - 1)
  const perLength = new Int32Array(MAX_CODE_LENGTH + 1)
  for (let node = 2 * n - 3; node >= 0; node--) {
    depth[node] = (depth[parent[node] as number] as number) + 1
    const capped = Math.min(depth[node] as number, MAX_CODE_LENGTH)
    if (node < n) perLength[capped] = (perLength[capped] as number) + 1
  }
  // capped lengths can break the prefix property (Kraft sum over 1): lengthen codes until it holds
  let kraft = 0
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) kraft += (perLength[length] as number) << (MAX_CODE_LENGTH - length)
  for (; kraft > 1 << MAX_CODE_LENGTH; kraft--) {
    perLength[MAX_CODE_LENGTH] = (perLength[MAX_CODE_LENGTH] as number) - 1
    let length = MAX_CODE_LENGTH - 1
    while (perLength[length] === 0) length--
    perLength[length] = (perLength[length] as number) - 1
    perLength[length + 1] = (perLength[length + 1] as number) + 2
  }
  return perLength
}

/** Bits the symbols take with these code lengths. */
export function codedBits(frequencies: Uint32Array, lengths: Uint8Array): number {
  let bits = 0
  for (let symbol = 0; symbol < lengths.length; symbol++) bits += (frequencies[symbol] as number) * (lengths[symbol] as number)
  return bits
}

/** The canonical code of every symbol, bit-reversed for least-significant-first writing. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const codes = new Uint16Array(lengths.length)
  let code = 0
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      if (lengths[symbol] !== length) continue
      codes[symbol] = reverseBits(code, length)
      code++
    }
    code <<= 1
  }
  return codes
}

function reverseBits(code: number, length: number): number {
  let reversed = 0
  for (let i = 0; i < length; i++) reversed = (reversed << 1) | ((code >>> i) & 1)
  return reversed
}

/**
 * Bytes {@link writeTable} takes for these lengths: small alphabets (up to 32 symbols) write every
 * length, larger ones a bitmap of the used symbols and then only their lengths; two per byte.
 */
export function tableSize(lengths: Uint8Array): number {
  if (lengths.length <= SMALL_ALPHABET) return lengths.length >>> 1
  let used = 0
  for (const length of lengths) if (length !== 0) used++
  return (lengths.length >>> 3) + ((used + 1) >>> 1)
}

/** Writes the code lengths at `out[at…]` (see {@link tableSize}) and returns the end. */
export function writeTable(lengths: Uint8Array, out: Uint8Array, at: number): number {
  const size = tableSize(lengths)
  out.fill(0, at, at + size)
  const small = lengths.length <= SMALL_ALPHABET
  let nibble = 2 * (small ? at : at + (lengths.length >>> 3))
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const length = lengths[symbol] as number
    if (length === 0 && !small) continue
    if (!small) out[at + (symbol >>> 3)] = (out[at + (symbol >>> 3)] as number) | (1 << (symbol & 7))
    out[nibble >>> 1] = (out[nibble >>> 1] as number) | (length << ((nibble & 1) * 4))
    nibble++
  }
  return at + size
}

/** A decoder's lookup table and where its written table ended. */
export interface DecodingTable {
  /** Entry `bits & LOOKUP_MASK` is `symbol << 4 | code length`, or 0 where no code starts with those bits. */
  readonly lookup: Uint16Array
  readonly end: number
}

/** Mask of the bits a code lookup reads. */
export const LOOKUP_MASK = (1 << MAX_CODE_LENGTH) - 1

/**
 * Reads a table of `alphabet` symbols (a power of two, 2 to 256) written by {@link writeTable}
 * from `block[at…]` and builds the decoder's lookup table, into `lookup` when given (it is
 * cleared first: a decoder reuses one per table). An empty table is allowed (every lookup then
 * finds 0).
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when the table is cut short, or its lengths
 * are out of range or do not form a prefix code
 */
export function readTable(block: Uint8Array, at: number, alphabet: number, lookup = new Uint16Array(1 << MAX_CODE_LENGTH)): DecodingTable {
  const small = alphabet <= SMALL_ALPHABET
  const bitmapBytes = small ? 0 : alphabet >>> 3
  if (at + bitmapBytes > block.length) malformed('a code table is cut short')
  // the used symbols in order, and their lengths (symbols and lengths are scratch, see below)
  let used = 0
  for (let symbol = 0; symbol < alphabet; symbol++) if (small || ((block[at + (symbol >>> 3)] as number) >>> (symbol & 7)) & 1) symbols[used++] = symbol
  const end = at + bitmapBytes + ((used + 1) >>> 1)
  if (end > block.length) malformed('a code table is cut short')
  perLength.fill(0)
  for (let i = 0; i < used; i++) {
    const length = ((block[at + bitmapBytes + (i >>> 1)] as number) >>> ((i & 1) * 4)) & 15
    if (length > MAX_CODE_LENGTH || (length === 0 && !small)) malformed(`a code table gives a code length of ${length}`)
    lengths[i] = length
    perLength[length] = (perLength[length] as number) + 1
  }
  let kraft = 0
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) kraft += (perLength[length] as number) << (MAX_CODE_LENGTH - length)
  if (kraft > 1 << MAX_CODE_LENGTH) malformed('a code table\'s lengths do not form a prefix code')
  // canonical codes (as canonicalCodes gives them): the first code of each length, then one up per symbol
  let code = 0
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
    nextCode[length] = code
    code = (code + (perLength[length] as number)) << 1
  }
  lookup.fill(0)
  for (let i = 0; i < used; i++) {
    const length = lengths[i] as number
    if (length === 0) continue
    const entry = ((symbols[i] as number) << 4) | length
    const step = 1 << length
    const first = (REVERSED[nextCode[length] as number] as number) >>> (MAX_CODE_LENGTH - length)
    nextCode[length] = (nextCode[length] as number) + 1
    for (let bits = first; bits < lookup.length; bits += step) lookup[bits] = entry
  }
  return { lookup, end }
}

/** Scratch of readTable: the used symbols, their code lengths, codes per length, next code per length. */
const symbols = new Uint16Array(256)
const lengths = new Uint8Array(256)
const perLength = new Int32Array(16)
const nextCode = new Int32Array(MAX_CODE_LENGTH + 1)

/** Every MAX_CODE_LENGTH-bit number with its bits in reverse order. */
const REVERSED = (() => {
  const table = new Uint16Array(1 << MAX_CODE_LENGTH)
  for (let code = 0; code < table.length; code++) table[code] = reverseBits(code, MAX_CODE_LENGTH)
  return table
})()

/** Writes codes and raw bits least-significant first into a byte array that has room for them. */
export class BitWriter {
  private buffer = 0
  private count = 0

  /** @param out - the bytes to write into, @param at - where to start */
  constructor(
    readonly out: Uint8Array,
    public at: number,
  ) {}

  /** Writes the low `count` (≤ 16) bits of `bits`. */
  write(bits: number, count: number): void {
    this.buffer |= bits << this.count
    this.count += count
    while (this.count >= 8) {
      this.out[this.at++] = this.buffer & 0xff
      this.buffer >>>= 8
      this.count -= 8
    }
  }

  /** Writes the codes of the bytes `input[from, to)` (the hot loop, with the state in locals). */
  writeCodes(input: Uint8Array, from: number, to: number, codes: Uint16Array, lengths: Uint8Array): void {
    const out = this.out
    let { buffer, count, at } = this
    for (let i = from; i < to; i++) {
      const symbol = input[i] as number
      buffer |= (codes[symbol] as number) << count
      count += lengths[symbol] as number
      if (count >= 16) {
        out[at++] = buffer & 0xff
        out[at++] = (buffer >>> 8) & 0xff
        buffer >>>= 16
        count -= 16
      }
    }
    this.buffer = buffer
    this.count = count
    this.at = at
  }

  /** Writes the last partial byte; returns the end. */
  flush(): number {
    for (; this.count > 0; this.count -= 8) {
      this.out[this.at++] = this.buffer & 0xff
      this.buffer >>>= 8
    }
    this.buffer = 0
    this.count = 0
    return this.at
  }
}

function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `A compressed block is damaged: ${what}.`)
}
