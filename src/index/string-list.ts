/**
 * Strings by id (terms, stems, alias keys): an array for a dictionary built in memory, or, for a
 * loaded one, sorted front-coded bytes read a block at a time on demand, so loading decodes none.
 *
 * Front coding, in blocks of {@link BLOCK_STRINGS}: each block starts with a whole string; each
 * string after it is the length of the prefix it shares with the one before, the length of the
 * rest and the rest's characters. Characters take one byte in ASCII (but 0) and the Bengali block
 * (0x80 + the offset in the block), three bytes otherwise (0, then the UTF-16 unit, little-endian).
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { ByteBuilder } from './compact-lists.js'
import { leb128Digit } from './leb128.js'

/** Strings per front-coded block. */
export const BLOCK_STRINGS = 16
const BENGALI_BLOCK = 0x0980
const ESCAPE = 0

/** Writes sorted strings front-coded; returns the data and each block's start. */
export function frontCode(strings: readonly string[]): { data: Uint8Array; blockStarts: Int32Array } {
  const out = new ByteBuilder()
  const blockStarts = new Int32Array(Math.ceil(strings.length / BLOCK_STRINGS))
  let previous = ''
  strings.forEach((text, i) => {
    let shared = 0
    if (i % BLOCK_STRINGS === 0) blockStarts[i / BLOCK_STRINGS] = out.length
    else while (shared < text.length && shared < previous.length && text.charCodeAt(shared) === previous.charCodeAt(shared)) shared++
    if (i % BLOCK_STRINGS !== 0) out.varint(shared)
    out.varint(text.length - shared)
    for (let c = shared; c < text.length; c++) {
      const code = text.charCodeAt(c)
      if (code > ESCAPE && code < 0x80) out.byte(code)
      else if (code >= BENGALI_BLOCK && code < BENGALI_BLOCK + 0x80) out.byte(0x80 + code - BENGALI_BLOCK)
      else {
        out.byte(ESCAPE)
        out.byte(code & 0xff)
        out.byte(code >>> 8)
      }
    }
    previous = text
  })
  return { data: out.toBytes(), blockStarts }
}

/** Loaded front-coded strings, decoded a block at a time. */
class FrontCoded {
  private readonly decoded: (string | undefined)[]
  /** Each block's first string, decoded alone for the binary search of {@link find}. */
  private readonly heads: (string | undefined)[]

  constructor(
    private readonly data: Uint8Array,
    private readonly blockStarts: Int32Array,
    readonly count: number,
  ) {
    this.decoded = new Array<string | undefined>(count)
    this.heads = new Array<string | undefined>(blockStarts.length)
  }

  get(id: number): string {
    let text = this.decoded[id]
    if (text === undefined) {
      this.decodeBlock(Math.floor(id / BLOCK_STRINGS))
      text = this.decoded[id] as string
    }
    return text
  }

  /**
   * The id of `value`, or -1: a binary search over the blocks' first strings (each decoded alone:
   * a search decodes one whole block, not one per step), then a scan of the block.
   */
  find(value: string): number {
    let low = 0
    let high = this.blockStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >>> 1
      if (this.head(middle) <= value) low = middle
      else high = middle - 1
    }
    const end = Math.min(this.count, (low + 1) * BLOCK_STRINGS)
    for (let id = low * BLOCK_STRINGS; id < end; id++) if (this.get(id) === value) return id
    return -1
  }

  /** The first string of a block (a whole string: front coding shares nothing with the block before). */
  private head(block: number): string {
    let text = this.heads[block] ?? this.decoded[block * BLOCK_STRINGS]
    if (text === undefined) {
      const reader = this.blockReader(block)
      text = reader.text(reader.varint())
      if (text === '') damaged()
      this.heads[block] = text
    }
    return text
  }

  private decodeBlock(block: number): void {
    const reader = this.blockReader(block)
    let previous = ''
    const first = block * BLOCK_STRINGS
    const last = Math.min(this.count, first + BLOCK_STRINGS)
    for (let id = first; id < last; id++) {
      const shared = id === first ? 0 : reader.varint()
      const length = reader.varint()
      if (shared > previous.length) damaged()
      const text = previous.slice(0, shared) + reader.text(length)
      if (text === '' || (id > first && !(previous < text))) damaged()
      this.decoded[id] = text
      previous = text
    }
    if (!reader.atEnd) damaged()
  }

  private blockReader(block: number): BlockReader {
    const end = block + 1 < this.blockStarts.length ? (this.blockStarts[block + 1] as number) : this.data.length
    return new BlockReader(this.data, this.blockStarts[block] as number, end)
  }
}

/** Reads one front-coded block's numbers and characters; anything past its end is damage. */
class BlockReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
  ) {}

  get atEnd(): boolean {
    return this.at === this.end
  }

  /** An unsigned LEB128 number (at most five bytes). */
  varint(): number {
    let value = 0
    for (let shift = 0; shift <= 28; shift += 7) {
      if (this.at >= this.end) damaged()
      const byte = this.bytes[this.at++] as number
      value += leb128Digit(byte, shift)
      if (byte < 0x80) return value
    }
    return damaged()
  }

  /** `length` characters: one byte each for ASCII and the Bengali block, an escape and two bytes for any other code unit. */
  text(length: number): string {
    const { bytes, end } = this
    if (length > end - this.at) damaged()
    const units: number[] = []
    let at = this.at
    for (let i = 0; i < length; i++) {
      if (at >= end) damaged()
      const byte = bytes[at++] as number
      if (byte === ESCAPE) {
        if (at + 2 > end) damaged()
        units.push((bytes[at] as number) | ((bytes[at + 1] as number) << 8))
        at += 2
      } else units.push(byte < 0x80 ? byte : BENGALI_BLOCK + byte - 0x80)
    }
    this.at = at
    return fromUnits(units)
  }
}

/** A string from UTF-16 code units (in chunks: a long word must not overflow the call stack). */
export function fromUnits(units: readonly number[]): string {
  if (units.length <= 4096) return String.fromCharCode(...units)
  let text = ''
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096))
  return text
}

function damaged(): never {
  throw new BanglaSearchError('MALFORMED_INDEX', 'The saved index is malformed: its dictionary is damaged. Save it again, or rebuild it from its documents.')
}

/** Strings by id: own strings (appended) after an optional loaded, sorted part. */
export class StringList {
  private readonly own: string[] = []
  private loaded: FrontCoded | undefined

  /** Number of strings. */
  get length(): number {
    return (this.loaded?.count ?? 0) + this.own.length
  }

  /** Is the whole list the loaded, sorted part (nothing appended)? */
  get sortedOnly(): boolean {
    return this.own.length === 0 && this.loaded !== undefined
  }

  get(id: number): string {
    const base = this.loaded?.count ?? 0
    return id < base ? (this.loaded as FrontCoded).get(id) : (this.own[id - base] as string)
  }

  /** Appends a string; returns its id. */
  push(text: string): number {
    this.own.push(text)
    return this.length - 1
  }

  /** The id of a string of the loaded, sorted part, or -1. */
  findLoaded(text: string): number {
    return this.loaded?.find(text) ?? -1
  }

  /** Makes the list the loaded front-coded strings (on an empty list). */
  load(data: Uint8Array, blockStarts: Int32Array, count: number): void {
    this.loaded = new FrontCoded(data, blockStarts, count)
  }
}
