/**
 * A lossless string ⇄ bytes codec that is compact for Bengali: one byte for every code unit of
 * the Bengali block (U+0980–U+09FF) and for printable ASCII, one byte for the punctuation that
 * Bengali text uses from other blocks (danda, joiners, typographic quotes and dashes), three bytes
 * for anything else. It works on UTF-16 code units, so every JS string, lone surrogates included,
 * comes back exactly. Bengali text takes about 1 byte per character, against 3 in UTF-8: the
 * compressor then sees a third of the bytes and finds the same repeats.
 *
 * Byte map:
 * - `0x80–0xFF`: U+0980 + (byte − 0x80), the whole Bengali block (assigned or not);
 * - `0x09 0x0A 0x0D 0x20–0x7F`: that ASCII character;
 * - `0x01–0x0F` minus tab/newline/CR: one of {@link SHORT_CODES} (danda ।, ZWNJ, ’ …);
 * - `0x00 lo hi`: any other code unit, little-endian (ASCII controls, other scripts, surrogates);
 * - `0x10–0x1F` are unused and refused by the decoder.
 *
 * @example
 * ```ts
 * encodeText('ঢাকা।')   // Uint8Array [0xa2, 0xbe, 0x95, 0xbe, 0x01]: 5 bytes (UTF-8: 15)
 * decodeText(encodeText('ঢাকা।'))   // 'ঢাকা।'
 * ```
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'

/** Most bytes one code unit can take (an escaped code unit). */
export const MAX_BYTES_PER_UNIT = 3

/** The byte that starts a three-byte escape. */
const ESCAPE = 0x00
/** The first code unit of the Bengali block, mapped to byte 0x80. */
const BENGALI_START = 0x0980

/**
 * Code units outside ASCII and the Bengali block that Bengali text uses often, each given one byte
 * (0x01, 0x02, …, skipping tab, newline and carriage return). Chosen from the Unicode block
 * conventions for Bengali (it borrows the Devanagari danda, uses ZWJ/ZWNJ to control conjuncts)
 * and common typographic punctuation; in the blog corpus these cover 99.5 % of such code units.
 */
export const SHORT_CODES: readonly number[] = [
  0x0964, // । danda
  0x0965, // ॥ double danda
  0x200c, // zero-width non-joiner
  0x200d, // zero-width joiner
  0x00a0, // no-break space
  0x2018, // ‘
  0x2019, // ’
  0x201c, // “
  0x201d, // ”
  0x2013, // –
  0x2014, // —
  0x2026, // …
]

/** byte → code unit for one-byte codes; -1 for the escape and unused bytes. */
const DECODE = new Int32Array(256).fill(-1)
/** code unit → its one-byte code, or ESCAPE (64 KB, the price of one lookup per code unit). */
const ENCODE = new Uint8Array(0x10000)

for (let byte = 0; byte < 256; byte++) {
  if (byte >= 0x80) DECODE[byte] = BENGALI_START + byte - 0x80
  else if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) DECODE[byte] = byte
  if (DECODE[byte] !== -1) ENCODE[DECODE[byte] as number] = byte
}
{
  let byte = 1
  for (const unit of SHORT_CODES) {
    while (DECODE[byte] !== -1) byte++
    DECODE[byte] = unit
    ENCODE[unit] = byte
    byte++
  }
}

/**
 * Encodes `text` into `target` from index `at`, and returns the index after the last byte written.
 * `target` must have room for `text.length * MAX_BYTES_PER_UNIT` bytes from `at`.
 */
export function encodeTextInto(text: string, target: Uint8Array, at: number): number {
  let out = at
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const byte = ENCODE[unit] as number
    if (byte !== ESCAPE) target[out++] = byte
    else {
      target[out] = ESCAPE
      target[out + 1] = unit & 0xff
      target[out + 2] = unit >>> 8
      out += 3
    }
  }
  return out
}

/** Encodes a string into a new byte array of exactly its encoded length. */
export function encodeText(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * MAX_BYTES_PER_UNIT)
  return bytes.slice(0, encodeTextInto(text, bytes, 0))
}

/** Code units decoded per String.fromCharCode call (well under engines' argument limits). */
const CHUNK = 4096
let units = new Uint16Array(CHUNK)
/** Scratch larger than this is not kept between calls. */
const KEEP_SCRATCH = 1 << 20
const utf16 = littleEndianDecoder()

/**
 * Decodes `bytes[start, end)` back into the string it was encoded from.
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` on an unused byte or a cut escape
 */
export function decodeText(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (start < 0 || end > bytes.length || start > end) malformed(`a text range ${start}..${end} lies outside its ${bytes.length} bytes`)
  const scratch = units.length >= end - start ? units : new Uint16Array(end - start)
  if (scratch.length <= KEEP_SCRATCH) units = scratch
  let count = 0
  let surrogates = false
  for (let i = start; i < end; ) {
    const byte = bytes[i++] as number
    const unit = DECODE[byte] as number
    if (unit >= 0) scratch[count++] = unit
    else if (byte === ESCAPE && i + 2 <= end) {
      const escaped = (bytes[i] as number) | ((bytes[i + 1] as number) << 8)
      i += 2
      if (escaped - 0xd800 >>> 0 < 0x800) surrogates = true
      scratch[count++] = escaped
    } else malformed(byte === ESCAPE ? 'a text ends inside an escape' : `a text holds the unused byte 0x${byte.toString(16)}`)
  }
  // TextDecoder is the fast path, but it replaces lone surrogates, so strings with any take the other one
  if (utf16 !== undefined && !surrogates && count > 64) return utf16.decode(scratch.subarray(0, count))
  let text = ''
  for (let from = 0; from < count; from += CHUNK) {
    text += String.fromCharCode.apply(null, scratch.subarray(from, Math.min(count, from + CHUNK)) as unknown as number[])
  }
  return text
}

/** A UTF-16LE TextDecoder when the runtime has one and stores Uint16Array entries little-endian. */
function littleEndianDecoder(): TextDecoder | undefined {
  try {
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
    // ignoreBOM: a leading U+FEFF is text, not a byte-order mark to drop
    return littleEndian && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined
  } catch {
    return undefined
  }
}

function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `Stored text is damaged: ${what}.`)
}
