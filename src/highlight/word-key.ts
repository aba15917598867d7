/**
 * A cheap prefilter for snippets: a number read straight off a raw word of a text that its
 * canonical term ({@link wordTerm}) is sure to share, so a snippet normalises only the words
 * whose key is one of the query terms' keys, not every word of a long text.
 *
 * The key is a hash of the word's skeleton: its code units with every Bengali mark (vowel
 * signs, virama, nukta, candrabindu, anusvara, visarga, and the unassigned code points that
 * normalisation treats as marks), every invisible joiner and apostrophe,
 * and `,` `:` left out, and the letters that normalisation rewrites folded to what they become:
 * upper case to lower case, Bengali digits to ASCII, `য়` `ড়` `ঢ়` to their base letters, `ৎ` to
 * `ত`, `আ` to `অ`, `৷` to `।`. Every step of {@link normalize} and of {@link wordTerm} (NFC
 * composition and reordering, the Bengali repairs, folding and lower-casing, dropping a
 * number's commas) only adds, drops or reorders left-out code units or swaps a letter for its
 * folded twin, so for a word made of the characters covered here, `wordKey(raw)` equals
 * `wordKey(wordTerm(raw))`. A word with any other character (accented Latin, another script)
 * has no key and is always checked in full. A property test pins the equivalence.
 *
 * @example
 * ```ts
 * wordKey('পুতিনের', 0, 7) === wordKey('পুতিনের', 0, 7)    // true: the key of `পতনর`
 * wordKey('উত\u09CD\u200Dসব', 0, 6) === wordKey('উৎসব', 0, 4)  // true: ত্‍ and ৎ both give ত
 * ```
 *
 * @module
 * @internal
 */

import { isBengaliMark } from '../analysis/data/bengali-letters.js'

/** The key of a word that holds a character the skeleton does not cover. */
export const NO_KEY = -1

const SKIP = 0
const UNKNOWN = 0xffff

/** What each code unit below U+0A00 becomes in the skeleton: itself, a folded letter, SKIP or UNKNOWN. */
const FOLD = (() => {
  const table = new Uint16Array(0x0a00).fill(UNKNOWN)
  for (let code = 0; code < 0x80; code++) table[code] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code
  for (const code of [0x27, 0x2c, 0x3a]) table[code] = SKIP // ' , :
  table[0x00ad] = SKIP // soft hyphen
  table[0x02bc] = SKIP // modifier apostrophe
  table[0x0964] = 0x0964 // danda, which ৷ becomes
  table[0x0965] = 0x0965
  // every mark, and every code point normalize() treats as one (unassigned ones inside the vowel-sign range too)
  for (let code = 0x0980; code <= 0x09ff; code++) table[code] = isBengaliMark(code) || /\p{M}/u.test(String.fromCharCode(code)) ? SKIP : code
  for (let digit = 0; digit < 10; digit++) table[0x09e6 + digit] = 0x30 + digit
  table[0x09dc] = 0x09a1 // ড়  → ড + nukta
  table[0x09dd] = 0x09a2 // ঢ় → ঢ + nukta
  table[0x09df] = 0x09af // য় → য + nukta
  table[0x09ce] = 0x09a4 // ৎ ← ত + virama (+ ZWJ)
  table[0x0986] = 0x0985 // আ ← অ + া
  table[0x09f7] = 0x0964 // ৷ → danda
  return table
})()

/** Code units at or above U+0A00 that normalisation deletes: ZWSP, ZWNJ, ZWJ, word joiner, BOM, ’. */
function skippedHigh(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x2019
}

/** The key of `text.slice(start, end)` (an unsigned 32-bit hash of its skeleton), or {@link NO_KEY}. */
export function wordKey(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 // FNV-1a
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    let folded: number
    if (code < 0x0a00) {
      folded = FOLD[code] as number
      if (folded === UNKNOWN) return NO_KEY
      if (folded === SKIP) continue
    } else if (skippedHigh(code)) {
      continue
    } else {
      return NO_KEY
    }
    hash = Math.imul(hash ^ folded, 0x01000193)
  }
  return hash >>> 0
}

/**
 * A test that says, from a raw word's offsets alone, whether its canonical term may be one of
 * `terms`: false only when it is surely not (its key is no term's key).
 */
export type WordPrefilter = (text: string, start: number, end: number) => boolean

/** The prefilter for a set of canonical terms (a keyless word always passes). */
export function prefilterFor(terms: Iterable<string>): WordPrefilter {
  const keys = new Set<number>()
  for (const term of terms) keys.add(wordKey(term, 0, term.length))
  return (text, start, end) => {
    const key = wordKey(text, start, end)
    return key === NO_KEY || keys.has(key)
  }
}
