/**
 * Mutations of a saved index (format version 2) for the fuzz suite: bit flips, truncations at
 * and around section boundaries, corrupted lengths and counts, swapped sections, and content
 * changed with its checksums recomputed (so the structural checks, not the CRCs, must catch it).
 * Shared by test/serialize/binary-fuzz.test.ts (a bounded count) and bench/fuzz-saved-index.ts.
 */

import { crc32 } from '../../src/serialize/crc32.js'

/** A seeded generator (the benchmark's mulberry32): the same mutations on every run. */
export { random as seeded } from '../../bench/suites/scale-queries.js'

interface Entry {
  readonly at: number
  readonly offset: number
  readonly length: number
}

function table(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint32(12, true)
  return Array.from({ length: count }, (_, i) => ({ at: 32 + 16 * i, offset: view.getUint32(32 + 16 * i + 4, true), length: view.getUint32(32 + 16 * i + 8, true) }))
}

/** Recomputes every checksum (sections, table, header) after a deliberate change. */
export function reseal(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 32) return bytes
  const entries = table(bytes)
  for (const entry of entries) {
    if (entry.offset + entry.length <= bytes.length && entry.at + 16 <= bytes.length) view.setUint32(entry.at + 12, crc32(bytes, entry.offset, entry.offset + entry.length), true)
  }
  const tableEnd = Math.min(bytes.length, 32 + 16 * entries.length)
  view.setUint32(24, crc32(bytes, 32, tableEnd), true)
  view.setUint32(28, crc32(bytes, 0, 28), true)
  return bytes
}

/** The kinds of mutation, each a function of the original and a random source. */
export const MUTATIONS: Record<string, (original: Uint8Array, random: () => number) => Uint8Array> = {
  'bit flips': (original, random) => {
    const bytes = original.slice()
    const flips = 1 + Math.floor(random() * 8)
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(random() * bytes.length)
      bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(random() * 8))
    }
    return bytes
  },
  'truncation at a section boundary': (original, random) => {
    const cuts = [0, 8, 16, 32, ...table(original).flatMap((entry) => [entry.offset, entry.offset + 4, entry.offset + entry.length - 1])]
    const cut = cuts[Math.floor(random() * cuts.length)] as number
    return original.slice(0, Math.min(original.length - 1, Math.max(0, cut + Math.floor(random() * 3) - 1)))
  },
  'truncation anywhere': (original, random) => original.slice(0, Math.floor(random() * original.length)),
  'a corrupted length or count': (original, random) => {
    const bytes = original.slice()
    const view = new DataView(bytes.buffer)
    const entries = table(bytes)
    const entry = entries[Math.floor(random() * entries.length)] as Entry
    // a table field, or one of the first words of a section (its counts), set to a hostile value
    const at = random() < 0.4 ? entry.at + 4 * (1 + Math.floor(random() * 2)) : entry.offset + 4 * Math.floor(random() * Math.min(8, entry.length / 4))
    const hostile = [0, 1, 0xffffffff, 0x7fffffff, 0x10000000, Math.floor(random() * 2 ** 32)]
    view.setUint32(at, hostile[Math.floor(random() * hostile.length)] as number, true)
    return random() < 0.5 ? reseal(bytes) : bytes
  },
  'swapped sections': (original, random) => {
    const bytes = original.slice()
    const entries = table(bytes)
    const a = entries[Math.floor(random() * entries.length)] as Entry
    const b = entries[Math.floor(random() * entries.length)] as Entry
    // swap the table entries (offsets, lengths and checksums), leaving the ids in place
    const first = bytes.slice(a.at + 4, a.at + 16)
    bytes.copyWithin(a.at + 4, b.at + 4, b.at + 16)
    bytes.set(first, b.at + 4)
    return reseal(bytes)
  },
  'damage with the checksums recomputed': (original, random) => {
    const bytes = original.slice()
    const entries = table(bytes)
    const entry = entries[Math.floor(random() * entries.length)] as Entry
    const changes = 1 + Math.floor(random() * 4)
    for (let i = 0; i < changes; i++) {
      const at = entry.offset + 4 + Math.floor(random() * Math.max(1, entry.length - 4))
      bytes[at] = random() < 0.5 ? Math.floor(random() * 256) : (bytes[at] as number) ^ (1 << Math.floor(random() * 8))
    }
    return reseal(bytes)
  },
}
