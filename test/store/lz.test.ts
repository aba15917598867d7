import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError } from '../../src/errors.js'
import { compressBlock, declaredLength, decompressBlock, MAX_LEVEL, MIN_LEVEL } from '../../src/store/lz.js'
import { encodeText } from '../../src/store/text-codec.js'
import { writeVarint } from '../../src/store/varint.js'
import { bengaliChar, WORDS } from '../helpers/arbitraries.js'
import { fuzzText } from '../helpers/fuzz-arbitraries.js'
import { expectSameBytes } from '../helpers/bytes.js'
import { mutate, mutations } from '../helpers/mutations.js'
import { growth, LINEAR_RATIO_LIMIT } from '../robustness/timing.js'

/** Bengali-like text: `count` words drawn from WORDS by a small seeded generator. */
function sampleText(count: number, seed = 1): string {
  let state = seed
  const words: string[] = []
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    words.push(WORDS[state % WORDS.length] as string)
  }
  return words.join(state % 3 === 0 ? '। ' : ' ')
}

/** Few letters, unevenly used, in random order: mostly literals, Huffman-coded. */
function skewedText(length: number, seed = 11): string {
  const letters = 'কককককাাািির ন।'
  let state = seed
  return Array.from({ length }, () => letters[(state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) % letters.length]).join('')
}

function randomBytes(length: number, seed = 7): Uint8Array {
  let state = seed
  return Uint8Array.from({ length }, () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) >>> 24)
}

const METHOD = (block: Uint8Array): number => block[encodeVarintLength(declaredLength(block))] as number
const encodeVarintLength = (value: number): number => (value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4)

/** [what, input, method expected] */
const CASES: [string, Uint8Array, number][] = [
  ['empty input: a stored block', new Uint8Array(0), 0],
  ['one byte: stored', new Uint8Array([42]), 0],
  ['random bytes: stored', randomBytes(5000), 0],
  ['one byte repeated 100,000 times: long match lengths', new Uint8Array(100_000).fill(0x61), 1],
  ['Bengali text: Huffman-coded', encodeText(sampleText(3000)), 2],
  ['a 70,000-byte literal run then its repeat: long literal lengths, offsets near the window edge', (() => {
    const run = randomBytes(65_000, 3)
    const out = new Uint8Array(130_000)
    out.set(run)
    out.set(run, 65_000)
    return out
  })(), 1],
]

describe('block compressor', () => {
  it.each(CASES)('%s', (_what, input, method) => {
    for (let level = MIN_LEVEL; level <= MAX_LEVEL; level++) {
      const block = compressBlock(input, level)
      expectSameBytes(decompressBlock(block), input)
      expect(declaredLength(block)).toBe(input.length)
      expect(METHOD(block)).toBe(method)
      expect(block.length).toBeLessThanOrEqual(input.length + 6)
    }
    expectSameBytes(decompressBlock(compressBlock(input, 5, false)), input)
  })

  it('compresses Bengali text to under half of its encoded bytes, and Huffman beats plain LZ on it', () => {
    const input = encodeText(sampleText(5000))
    const withHuffman = compressBlock(input).length
    const plain = compressBlock(input, 5, false).length
    expect(withHuffman).toBeLessThan(input.length / 2)
    expect(withHuffman).toBeLessThan(plain)
  })

  it('round-trips random bytes, Bengali text and fuzz text at every level (property)', () => {
    const methods = [0, 0, 0]
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      // few, unevenly used letters: Huffman-coded blocks that end in literals or in matches
      fc.string({ unit: fc.constantFrom('ক', 'ক', 'ক', 'া', 'া', 'ি', ' ', 'র', 'ন', '।'), minLength: 300, maxLength: 3000, size: 'max' }).map(encodeText),
      fc.string({ unit: bengaliChar, maxLength: 2000, size: 'max' }).map(encodeText),
      fc.array(fuzzText(30), { maxLength: 30, size: 'max' }).map((texts) => encodeText(texts.join('\n'))),
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 })).map(([unit, times]) => {
        const out = new Uint8Array(unit.length * times)
        for (let i = 0; i < times; i++) out.set(unit, i * unit.length)
        return out
      }),
    )
    fc.assert(
      fc.property(input, fc.integer({ min: MIN_LEVEL, max: MAX_LEVEL }), fc.boolean(), (bytes, level, huffman) => {
        const block = compressBlock(bytes, level, huffman)
        methods[METHOD(block)] = (methods[METHOD(block)] as number) + 1
        expectSameBytes(decompressBlock(block), bytes)
      }),
      { numRuns: 400, seed: 1 },
    )
    // every method was tried
    expect(methods.every((count) => count > 20)).toBe(true)
  })

  it('decodes only a prefix when asked, and that prefix is right', () => {
    const input = encodeText(sampleText(4000))
    for (const huffman of [true, false]) {
      const block = compressBlock(input, 5, huffman)
      for (const need of [0, 1, 100, 5000, input.length - 1, input.length]) {
        const prefix = decompressBlock(block, undefined, need)
        expect(prefix.length).toBeGreaterThanOrEqual(need)
        expectSameBytes(prefix, input.subarray(0, prefix.length))
      }
    }
  })

  it('refuses a block that declares more than the caller allows, before allocating', () => {
    const block = compressBlock(encodeText(sampleText(1000)))
    expect(() => decompressBlock(block, 100)).toThrow(/MALFORMED_INDEX.*declares/)
  })

  it('refuses a declared length the input could not expand to', () => {
    // 2^34 declared by a 7-byte block
    expect(() => decompressBlock(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x40, 1, 0]))).toThrow(/MALFORMED_INDEX.*declares/)
  })

  it.each([
    ['an unknown method', [3, 7, 1, 2, 3], /unknown method/],
    ['a stored block of the wrong size', [3, 0, 1, 2], /stored block/],
    ['a match before the start', [4, 1, 0x10, 0x41, 0x05, 0x00], /refers 5 bytes back/],
    ['a zero offset', [4, 1, 0x10, 0x41, 0x00, 0x00], /refers 0 bytes back/],
    ['a literal run past the output', [2, 1, 0x30, 0x41, 0x42, 0x43], /overflows/],
    ['bytes after the end', [1, 1, 0x10, 0x41, 0x99], /follow its end/],
    ['a cut length', [40, 1, 0xf0, 0xff], /ends inside a length/],
    ['a number over five bytes', [0x80, 0x80, 0x80, 0x80, 0x80, 0x01], /five|5 bytes/],
    ['nothing', [], /ends inside a number/],
  ])('refuses %s', (_what, bytes, message) => {
    expect(() => decompressBlock(new Uint8Array(bytes))).toThrow(message)
  })

  it('turns any damage into a decoded buffer or MALFORMED_INDEX, never another error (fuzz)', () => {
    const bases = [
      compressBlock(encodeText(sampleText(600))),
      compressBlock(encodeText(sampleText(600)), 5, false),
      compressBlock(new Uint8Array(3000).fill(9)),
      compressBlock(randomBytes(300)),
      compressBlock(encodeText(sampleText(40, 5)), 1),
      compressBlock(encodeText(skewedText(800))),
    ]
    expect(bases.map(METHOD)).toEqual([2, 1, 1, 0, 1, 2])
    let decoded = 0
    fc.assert(
      fc.property(fc.constantFrom(...bases), mutations, (base, damage) => {
        const bytes = mutate(base, damage)
        try {
          const out = decompressBlock(bytes, 1 << 20)
          expect(out.length).toBeLessThanOrEqual(Math.min(1 << 20, bytes.length * 255))
          decoded++
        } catch (error) {
          if (!(error instanceof BanglaSearchError) || error.code !== 'MALFORMED_INDEX') throw error
        }
      }),
      { numRuns: 20_000, seed: 19 },
    )
    // some damage (a flipped literal bit) still decodes: the fuzz reached the decoder's inner loops
    expect(decoded).toBeGreaterThan(0)
  })

  it('decodes the most expanding input (255 output bytes per input byte) in linear time', () => {
    // one literal, then a match one byte back whose length is spelled out in 255s
    const hostile = (output: number): Uint8Array => {
      const extra = output - 1 - 4 - 15
      const lengths = new Uint8Array(Math.floor(extra / 255) + 1).fill(255)
      lengths[lengths.length - 1] = extra % 255
      const header = new Uint8Array(5)
      const headerEnd = writeVarint(header, 0, output)
      return Uint8Array.from([...header.subarray(0, headerEnd), 1, 0x1f, 0x61, 1, 0, ...lengths])
    }
    expect(decompressBlock(hostile(5000))).toEqual(new Uint8Array(5000).fill(0x61))
    const { ratio } = growth((n) => {
      const block = hostile(n)
      return () => decompressBlock(block)
    }, 1 << 19)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })
})
