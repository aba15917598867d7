/** Front-coded string lists: what was written is read back by id, and found by value, in any order of use. */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BanglaSearchError } from '../../src/errors.js'
import { BLOCK_STRINGS, frontCode, StringList } from '../../src/index/string-list.js'

/** Words like a vocabulary's: Bengali letters and signs, ASCII, and now and then any code unit (lone surrogates too). */
const word = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x0980, max: 0x09ff }) },
    { weight: 2, arbitrary: fc.integer({ min: 0x61, max: 0x7a }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 0xffff }) },
  ),
  { minLength: 1, maxLength: 12 },
).map((units) => String.fromCharCode(...units))

function loaded(strings: readonly string[]): StringList {
  const { data, blockStarts } = frontCode(strings)
  const list = new StringList()
  list.load(data, blockStarts, strings.length)
  return list
}

describe('front-coded string lists', () => {
  it('find gives every string its id and -1 for any other, whether or not its block was read before', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 * BLOCK_STRINGS }), fc.array(word, { maxLength: 20 }), fc.boolean(), (words, others, readFirst) => {
        const sorted = [...words].sort()
        const list = loaded(sorted)
        if (readFirst) for (let id = 0; id < sorted.length; id += 3) expect(list.get(id)).toBe(sorted[id])
        sorted.forEach((text, id) => expect(list.findLoaded(text)).toBe(id))
        for (const other of others) expect(list.findLoaded(other)).toBe(sorted.indexOf(other))
        sorted.forEach((text, id) => expect(list.get(id)).toBe(text))
        expect(list.length).toBe(sorted.length)
      }),
      { numRuns: 200 },
    )
  })

  it('a block whose first string is cut short is refused as malformed', () => {
    const words = Array.from({ length: 3 * BLOCK_STRINGS }, (_, i) => `শব্দ${String(i).padStart(3, '0')}`)
    const { data, blockStarts } = frontCode(words)
    // the second block claims a first string longer than the bytes left in it
    const damaged = data.slice()
    damaged[blockStarts[1] as number] = 0x7f
    const list = new StringList()
    list.load(damaged, blockStarts, words.length)
    expect(() => list.findLoaded(words[2 * BLOCK_STRINGS - 1] as string)).toThrow(BanglaSearchError)
  })
})
