/**
 * Damage for byte buffers, as fast-check arbitraries: bit flips, overwritten bytes (0x00, 0xFF or
 * any), truncations, cut or repeated ranges, appended garbage, a rewritten leading length, swapped
 * halves. Used by the stored-field fuzz tests and by `bench/fuzz-store.ts` (the long run).
 */

import fc from 'fast-check'
import { BanglaSearchError } from '../../src/errors.js'

/** One way to damage a buffer: a function of the buffer, applied by {@link mutate}. */
export type Mutation = (bytes: Uint8Array) => Uint8Array

const at = (bytes: Uint8Array, position: number): number => (bytes.length === 0 ? 0 : position % bytes.length)

const bitFlip = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([position, bit]): Mutation => (bytes) => {
  const copy = bytes.slice()
  if (copy.length > 0) copy[at(copy, position)] = (copy[at(copy, position)] as number) ^ (1 << bit)
  return copy
})

const byteSet = fc.tuple(fc.nat(), fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x0f, 0xf0), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([position, special, any, useSpecial]): Mutation => (bytes) => {
  const copy = bytes.slice()
  if (copy.length > 0) copy[at(copy, position)] = useSpecial ? special : any
  return copy
})

/** One to three kinds of damage that keep the length (bit flips, overwritten bytes). */
export const inPlaceMutations = fc.array(fc.oneof(bitFlip, byteSet), { minLength: 1, maxLength: 3 })

/** Every kind of damage, each with the random numbers it needs. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  bitFlip,
  byteSet,
  fc.nat().map((position): Mutation => (bytes) => bytes.slice(0, at(bytes, position))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 })).map(([position, length]): Mutation => (bytes) => {
    const start = at(bytes, position)
    return concat(bytes.subarray(0, start), bytes.subarray(start + length))
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 })).map(([position, length]): Mutation => (bytes) => {
    const start = at(bytes, position)
    return concat(bytes.subarray(0, start + length), bytes.subarray(start, start + length), bytes.subarray(start + length))
  }),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((garbage): Mutation => (bytes) => concat(bytes, garbage)),
  fc.tuple(fc.integer({ min: 0, max: 2 ** 34 }), fc.integer({ min: 1, max: 5 })).map(([length, replaced]): Mutation => (bytes) => {
    const varint: number[] = []
    for (let rest = length; ; rest = Math.floor(rest / 128)) {
      if (rest < 128) {
        varint.push(rest)
        break
      }
      varint.push((rest % 128) | 128)
    }
    return concat(new Uint8Array(varint), bytes.subarray(Math.min(replaced, bytes.length)))
  }),
  fc.nat().map((position): Mutation => (bytes) => {
    const middle = at(bytes, position)
    return concat(bytes.subarray(middle), bytes.subarray(0, middle))
  }),
)

/** One to three kinds of damage in a row. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 })

/** Applies the damage in order. */
export function mutate(bytes: Uint8Array, damage: readonly Mutation[]): Uint8Array {
  return damage.reduce((current, one) => one(current), bytes)
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** Runs `action`: true when it works, false for MALFORMED_INDEX; any other error escapes (a failure). */
export function typedOnly(action: () => void): boolean {
  try {
    action()
    return true
  } catch (error) {
    if (error instanceof BanglaSearchError && error.code === 'MALFORMED_INDEX') return false
    throw error
  }
}
