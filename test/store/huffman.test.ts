import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalCodes, codedBits, codeLengths, LOOKUP_MASK, MAX_CODE_LENGTH, readTable, tableSize, writeTable } from '../../src/store/huffman.js'

/** Textbook Huffman cost (sum of merged weights), the optimum without a length limit. */
function optimalBits(frequencies: readonly number[]): number {
  const queue = frequencies.filter((f) => f > 0)
  if (queue.length <= 1) return queue.reduce((a, b) => a + b, 0)
  let bits = 0
  while (queue.length > 1) {
    queue.sort((a, b) => a - b)
    const merged = (queue.shift() as number) + (queue.shift() as number)
    bits += merged
    queue.push(merged)
  }
  return bits
}

const kraft = (lengths: Uint8Array): number => [...lengths].reduce((sum, length) => sum + (length === 0 ? 0 : 2 ** -length), 0)

describe('Huffman code lengths', () => {
  it('caps a Fibonacci-skewed code (optimal depth 29) at the limit and keeps it a prefix code', () => {
    const fibonacci = [1, 1]
    while (fibonacci.length < 30) fibonacci.push((fibonacci.at(-1) as number) + (fibonacci.at(-2) as number))
    const frequencies = new Uint32Array(256)
    fibonacci.forEach((f, i) => (frequencies[i * 3] = f))
    const lengths = codeLengths(frequencies)
    expect(Math.max(...lengths)).toBe(MAX_CODE_LENGTH)
    expect(kraft(lengths)).toBeLessThanOrEqual(1)
    expect(lengths[29 * 3]).toBe(1)
  })

  it('gives one symbol a 1-bit code, and none to unused symbols', () => {
    const frequencies = new Uint32Array(16)
    frequencies[5] = 9
    expect([...codeLengths(frequencies)]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect([...codeLengths(new Uint32Array(16))]).toEqual(new Array(16).fill(0))
  })

  it('is a prefix code within the limit for any frequencies, optimal when the limit does not bind (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2 ** 31 })), { minLength: 16, maxLength: 16 }), fc.boolean(), (values, wide) => {
        const frequencies = new Uint32Array(wide ? 256 : 16)
        values.forEach((value, i) => (frequencies[wide ? i * 16 + 3 : i] = value))
        const lengths = codeLengths(frequencies)
        expect([...lengths].map((length) => length > 0)).toEqual([...frequencies].map((frequency) => frequency > 0))
        expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_CODE_LENGTH)
        expect(kraft(lengths)).toBeLessThanOrEqual(1)
        const used = values.filter((value) => value > 0).length
        if (used >= 2) {
          const optimum = optimalBits(values)
          expect(codedBits(frequencies, lengths)).toBeGreaterThanOrEqual(optimum)
          // 16 symbols: the optimal depth is at most 15, so the cap binds only on skewed counts
          if (Math.max(...values) < 50) expect(codedBits(frequencies, lengths)).toBe(optimum)
        }
      }),
      { numRuns: 500, seed: 3 },
    )
  })

  it('writes a table that reads back into a lookup decoding every code (256 and 16 symbols)', () => {
    for (const alphabet of [256, 16]) {
      const frequencies = Uint32Array.from({ length: alphabet }, (_, i) => (i % 5 === 0 ? 0 : (i * 7919) % 1000))
      const lengths = codeLengths(frequencies)
      const bytes = new Uint8Array(tableSize(lengths) + 2)
      expect(writeTable(lengths, bytes, 1)).toBe(1 + tableSize(lengths))
      const { lookup, end } = readTable(bytes, 1, alphabet)
      expect(end).toBe(1 + tableSize(lengths))
      const codes = canonicalCodes(lengths)
      lengths.forEach((length, symbol) => {
        if (length === 0) return
        // any bits after the code decode the same symbol
        for (const after of [0, LOOKUP_MASK]) {
          const entry = lookup[(codes[symbol] as number) | ((after << length) & LOOKUP_MASK)] as number
          expect([entry >>> 4, entry & 15]).toEqual([symbol, length])
        }
      })
    }
  })

  it('builds exactly the lookup of the canonical codes, into a fresh or a reused (dirty) table', () => {
    // one used symbol (a 1-bit code) leaves half the lookup empty: a reused table must be cleared
    const dirty = new Uint16Array(LOOKUP_MASK + 1).fill(0xffff)
    fc.assert(
      fc.property(fc.constantFrom(256, 16, 4, 2), fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(1000) }), { minLength: 256, maxLength: 256 }), (alphabet, counts) => {
        const lengths = codeLengths(Uint32Array.from(counts.slice(0, alphabet)))
        const bytes = new Uint8Array(tableSize(lengths))
        writeTable(lengths, bytes, 0)
        const codes = canonicalCodes(lengths)
        // the oracle: entry i belongs to the symbol whose code is the low bits of i, if any
        const expected = new Uint16Array(LOOKUP_MASK + 1)
        for (let bits = 0; bits <= LOOKUP_MASK; bits++) {
          lengths.forEach((length, symbol) => {
            if (length > 0 && (bits & ((1 << length) - 1)) === codes[symbol]) expected[bits] = (symbol << 4) | length
          })
        }
        expect(readTable(bytes, 0, alphabet).lookup).toEqual(expected)
        expect(readTable(bytes, 0, alphabet, dirty).lookup).toEqual(expected)
      }),
      { numRuns: 30, seed: 5 },
    )
  })

  it.each([
    ['a length over the limit', [0x01, ...new Array(31).fill(0), 0x0c]],
    ['two 1-bit and one 2-bit code (not a prefix code)', [0x07, ...new Array(31).fill(0), 0x11, 0x02]],
    ['a table cut short', [0xff, 0xff]],
  ])('refuses %s', (_what, bytes) => {
    expect(() => readTable(new Uint8Array(bytes), 0, 256)).toThrow(/MALFORMED_INDEX/)
  })
})
