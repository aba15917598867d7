/**
 * Base64 of the saved format, through both paths: Node's Buffer, and `btoa`/`atob` as in a
 * browser (the module is loaded again with `Buffer` hidden).
 */

import { afterAll, describe, expect, it, vi } from 'vitest'

type Base64 = typeof import('../../src/serialize/base64.js')

const withBuffer = (await import('../../src/serialize/base64.js')) as Base64
vi.stubGlobal('Buffer', undefined)
vi.resetModules()
const withoutBuffer = (await import('../../src/serialize/base64.js')) as Base64
vi.unstubAllGlobals()
afterAll(() => vi.resetModules())

/** Seeded bytes, every value 0–255, of a length that crosses the encoder's chunk size. */
const BYTES = Uint8Array.from({ length: 0x8000 * 2 + 7 }, (_, i) => (i * 2654435761) >>> 24)

describe.each([
  ['Buffer', withBuffer],
  ['atob/btoa', withoutBuffer],
])('base64 through %s', (_path, base64) => {
  it.each([0, 1, 2, 3, BYTES.length])('round-trips %i bytes, as Buffer writes them', (length) => {
    const bytes = BYTES.subarray(3, 3 + length)
    const text = base64.encodeBase64(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64'))
    expect(base64.decodeBase64(text)).toEqual(new Uint8Array(bytes))
  })

  it('round-trips Int32 values, little-endian', () => {
    const values = Int32Array.from([0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 123456])
    const text = base64.encodeInt32s(values)
    expect(Buffer.from(text, 'base64').readInt32LE(12)).toBe(2 ** 31 - 1)
    expect(base64.decodeInt32s(text)).toEqual(values)
  })

  it.each(['A', 'AAA', 'AA A', 'AA=A', '!!!!', 'AAAA\n\n\n\n', 'ক্ষAAA', 'AAAAA==='])('refuses %j', (text) => {
    expect(base64.decodeBase64(text)).toBeUndefined()
  })

  it('refuses Int32 data whose length is not a multiple of 4 bytes', () => {
    expect(base64.decodeInt32s('AAAAAAA=')).toBeUndefined()
  })
})

it('the second module really runs without Buffer', () => {
  expect(withoutBuffer).not.toBe(withBuffer)
})
