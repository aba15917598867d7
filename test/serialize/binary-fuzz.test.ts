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
const PER_KIND = 400

function original(): Uint8Array {
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title'] })
  index.addAll(
    Array.from({ length: 300 }, (_, i) => ({
      id: i % 7 === 0 ? `doc-${i}` : i,
      title: ['পুতিন', 'কিম', 'ঢাকা', 'সফর'][i % 4],
      text: `রুশ প্রেসিডেন্ট পুতিনের সঙ্গে ${'বৈঠক '.repeat(i % 5)} কিম জং উন ${i} ভ্লাদিভোস্টকে ${i % 3 === 0 ? 'ঢাকায় বৃষ্টি' : 'সফরে'}`,
    })),
  )
  return index.toBytes()
}

describe('fuzzing the binary loader', () => {
  const bytes = original()
  it.each(Object.keys(MUTATIONS))('%s: loads or fails with a typed error', (kind) => {
    const random = seeded(SEED ^ kind.length)
    const outcomes = new Map<string, number>()
    for (let i = 0; i < PER_KIND; i++) {
      const mutated = (MUTATIONS[kind] as (original: Uint8Array, random: () => number) => Uint8Array)(bytes, random)
      let outcome: string
      try {
        const index = SearchIndex.fromBytes(mutated)
        for (const query of ['পুতিন', 'কিম সফর', '"প্রেসিডেন্ট পুতিনের"', 'dhaka', 'ঢা*']) index.search(query)
        outcome = 'loaded'
      } catch (error) {
        if (!(error instanceof BanglaSearchError)) throw new Error(`${kind} #${i}: untyped ${String(error)}`)
        outcome = error.code
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    }
    for (const outcome of outcomes.keys()) expect(['loaded', 'MALFORMED_INDEX', 'UNSUPPORTED_INDEX_VERSION']).toContain(outcome)
    // damage must be caught: a bit flip or a truncation never loads
    if (kind === 'bit flips' || kind.startsWith('truncation')) expect(outcomes.get('loaded') ?? 0).toBe(0)
  })
})
