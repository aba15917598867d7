import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError } from '../../src/errors.js'
import { decodeText, encodeText, encodeTextInto, MAX_BYTES_PER_UNIT, SHORT_CODES } from '../../src/store/text-codec.js'
import { anyText, bengaliText } from '../helpers/arbitraries.js'
import { fuzzText } from '../helpers/fuzz-arbitraries.js'

/** [what, text, expected bytes] */
const CASES: [string, string, number[]][] = [
  ['empty', '', []],
  ['Bengali letters: one byte each', 'ঢাকা', [0xa2, 0xbe, 0x95, 0xbe]],
  ['first and last code unit of the block', '\u0980\u09ff', [0x80, 0xff]],
  ['printable ASCII as itself', 'Ab 1~', [0x41, 0x62, 0x20, 0x31, 0x7e]],
  ['tab, newline, carriage return, DEL as themselves', '\t\n\r\u007f', [0x09, 0x0a, 0x0d, 0x7f]],
  ['danda and double danda: short codes', '।॥', [0x01, 0x02]],
  ['joiners: short codes', 'র\u200d্য\u200c', [0xb0, 0x04, 0xcd, 0xaf, 0x03]],
  ['typographic quotes, dashes, ellipsis, no-break space', '‘’“”–—…\u00a0', [0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x0f, 0x05]],
  ['NUL and other ASCII controls are escaped', '\u0000\u0001\u001f', [0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x1f, 0x00]],
  ['other scripts are escaped, little-endian', 'नé', [0x00, 0x28, 0x09, 0x00, 0xe9, 0x00]],
  ['a lone surrogate is escaped as it is', '\ud800', [0x00, 0x00, 0xd8]],
  ['an emoji is two escaped code units', '😀', [0x00, 0x3d, 0xd8, 0x00, 0x00, 0xde]],
  // found by the round-trip property: TextDecoder drops a leading byte-order mark unless told not to
  ['a leading U+FEFF stays, on the TextDecoder path too', '\ufeff' + 'ক'.repeat(70), [0x00, 0xff, 0xfe, ...new Array(70).fill(0x95)]],
]

describe('text codec', () => {
  it.each(CASES)('%s', (_what, text, bytes) => {
    expect([...encodeText(text)]).toEqual(bytes)
    expect(decodeText(new Uint8Array(bytes))).toBe(text)
  })

  it('gives every short code one distinct byte below 0x10, never tab, newline or CR', () => {
    const bytes = SHORT_CODES.map((unit) => encodeText(String.fromCharCode(unit)))
    expect(bytes.every((one) => one.length === 1 && (one[0] as number) < 0x10 && ![0x09, 0x0a, 0x0d].includes(one[0] as number))).toBe(true)
    expect(new Set(bytes.map((one) => one[0])).size).toBe(SHORT_CODES.length)
  })

  it('round-trips any string, lone surrogates included, short and long (the TextDecoder path)', () => {
    for (const text of [anyText(200), bengaliText(300), fuzzText(40)]) {
      fc.assert(
        fc.property(text, (value) => {
          const bytes = encodeText(value)
          expect(bytes.length).toBeLessThanOrEqual(value.length * MAX_BYTES_PER_UNIT)
          expect(decodeText(bytes)).toBe(value)
        }),
        { numRuns: 300, seed: 5 },
      )
    }
  })

  it('takes one byte per Bengali, printable ASCII or short-code unit and three for any other', () => {
    const oneByte = (unit: number): boolean =>
      (unit >= 0x0980 && unit <= 0x09ff) || (unit >= 0x20 && unit <= 0x7f) || [0x09, 0x0a, 0x0d].includes(unit) || SHORT_CODES.includes(unit)
    const expected = (value: string): number => Array.from({ length: value.length }, (_, i) => (oneByte(value.charCodeAt(i)) ? 1 : 3)).reduce((a, b) => a + b, 0)
    fc.assert(fc.property(fc.oneof(bengaliText(100), fuzzText(20)), (value) => encodeText(value).length === expected(value)), { seed: 9 })
    const bengali = 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে কিমের বৈঠক।'
    expect(encodeText(bengali).length).toBe(bengali.length)
  })

  it('encodes in place and decodes a range', () => {
    const target = new Uint8Array(40).fill(0xee)
    const end = encodeTextInto('কিম', target, 5)
    expect(end).toBe(8)
    expect(target[4]).toBe(0xee)
    expect(target[8]).toBe(0xee)
    expect(decodeText(target, 5, end)).toBe('কিম')
  })

  it('round-trips a long text with a lone surrogate in the middle (the fromCharCode path)', () => {
    const text = 'বাংলা '.repeat(2000) + '\udc00' + 'শেষ'.repeat(3000)
    expect(decodeText(encodeText(text))).toBe(text)
  })

  it.each([
    ['an unused byte', [0x41, 0x10]],
    ['an escape cut short', [0x41, 0x00, 0x20]],
    ['an escape with nothing after it', [0x00]],
  ])('refuses %s with MALFORMED_INDEX', (_what, bytes) => {
    expect(() => decodeText(new Uint8Array(bytes))).toThrow(BanglaSearchError)
    expect(() => decodeText(new Uint8Array(bytes))).toThrow(/MALFORMED_INDEX/)
  })

  it('refuses a range outside the bytes', () => {
    expect(() => decodeText(new Uint8Array(4), 2, 6)).toThrow(/MALFORMED_INDEX/)
    expect(() => decodeText(new Uint8Array(4), 3, 2)).toThrow(/MALFORMED_INDEX/)
  })
})
