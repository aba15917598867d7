/**
 * Fuzzing the loader of saved format version 2 (a bounded count here; `npm run fuzz:index` runs
 * 100,000+): every mutated buffer either loads (and then answers searches without an untyped
 * error) or is refused with MALFORMED_INDEX / UNSUPPORTED_INDEX_VERSION. Never a RangeError, a
 * TypeError, a hang or a huge allocation.
 */

import { describe, expect, it } from 'vitest'
import { BanglaSearchError, SearchIndex } from '../../src/index.js'
import { MUTATIONS, seeded } from '../helpers/binary-fuzz.js'

const SEED = process.env['FUZZ_SEED'] === undefined ? 20_261_206 : Number(process.env['FUZZ_SEED'])
const PER_KIND = 250

function originalIndex(): SearchIndex {
  // long stored texts go to compressed blocks: damage there shows when a hit reads them
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'], storeCompression: { blockSize: 1024 } })
  index.addAll(
    Array.from({ length: 300 }, (_, i) => ({
      id: i % 7 === 0 ? `doc-${i}` : i,
      title: ['পুতিন', 'কিম', 'ঢাকা', 'সফর'][i % 4],
      text: `রুশ প্রেসিডেন্ট পুতিনের সঙ্গে ${'বৈঠক '.repeat(i % 5)} কিম জং উন ${i} ভ্লাদিভোস্টকে ${i % 3 === 0 ? 'ঢাকায় বৃষ্টি' : 'সফরে'} — ${'সংবাদ সম্মেলনে তিনি বলেন, দুই দেশের সম্পর্ক আরও গভীর হবে। '.repeat(1 + (i % 4))}`,
    })),
  )
  return index
}

/** Every document's stored fields, or the code of the error reading them. */
function allStored(index: SearchIndex, ids: readonly (string | number)[]): unknown {
  try {
    return ids.map((id) => index.getStoredFields(id))
  } catch (error) {
    if (!(error instanceof BanglaSearchError)) throw error
    return error.code
  }
}

describe('fuzzing the binary loader', () => {
  const index = originalIndex()
  const bytes = index.toBytes()
  const ids = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? `doc-${i}` : i))
  const stored = allStored(index, ids)
  it.each(Object.keys(MUTATIONS))('%s: loads or fails with a typed error', (kind) => {
    const random = seeded(SEED ^ kind.length)
    const outcomes = new Map<string, number>()
    for (let i = 0; i < PER_KIND; i++) {
      const mutated = (MUTATIONS[kind] as (original: Uint8Array, random: () => number) => Uint8Array)(bytes, random)
      let outcome: string
      try {
        const loaded = SearchIndex.fromBytes(mutated)
        for (const query of ['পুতিন', 'কিম সফর', '"প্রেসিডেন্ট পুতিনের"', 'dhaka', 'ঢা*']) loaded.search(query, { highlight: true, limit: 10 })
        outcome = 'loaded'
        // damage caught: a stored block is checked when first read, so a flip there shows when the texts are read
        if (kind === 'bit flips' || kind.startsWith('truncation')) {
          const read = allStored(loaded, ids)
          if (read !== 'MALFORMED_INDEX') expect(read).toEqual(stored)
          outcome = read === 'MALFORMED_INDEX' ? 'MALFORMED_INDEX' : 'loaded intact'
        }
      } catch (error) {
        if (!(error instanceof BanglaSearchError)) throw new Error(`${kind} #${i}: untyped ${String(error)}`)
        outcome = error.code
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    }
    for (const outcome of outcomes.keys()) expect(['loaded', 'loaded intact', 'MALFORMED_INDEX', 'UNSUPPORTED_INDEX_VERSION']).toContain(outcome)
    // damage must be caught: a flipped bit or a cut is refused, or lay in padding (nothing changed)
    if (kind === 'bit flips' || kind.startsWith('truncation')) expect(outcomes.get('MALFORMED_INDEX') ?? 0).toBeGreaterThan(PER_KIND * 0.95)
  })
})
