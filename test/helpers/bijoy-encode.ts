/**
 * A Unicode → Bijoy encoder for tests and for the generator of the English/Bijoy letter-pair table
 * (bench/gen-bijoy-bigrams.ts): the reverse of the glyph table, longest match first, with the
 * pre-base vowel signs and the reph put back in Bijoy's visual order. It picks one glyph where
 * Bijoy has several (e.g. `«` for every ra-phala), which is all the tests and the letter
 * statistics need.
 */

import { BIJOY_GLYPHS, REPH } from '../../src/analysis/data/bijoy.js'

const REVERSE = new Map<string, string>([['আ', 'Av']])
for (const [glyph, unicode] of Object.entries(BIJOY_GLYPHS)) {
  if (unicode !== REPH && !/[0-9]/u.test(glyph) && !REVERSE.has(unicode)) REVERSE.set(unicode, glyph)
}
const KEYS = [...REVERSE.keys()].sort((a, b) => b.length - a.length)

const isConsonant = (char: string | undefined): boolean => char !== undefined && char >= 'ক' && char <= 'হ'

/** The end of the consonant cluster starting at `first` (C ় ্ C …). */
function clusterEnd(chars: readonly string[], first: number): number {
  let end = first + 1
  for (;;) {
    if (chars[end] === '়') end++
    else if (chars[end] === '্' && isConsonant(chars[end + 1])) end += 2
    else return end
  }
}

/** Encodes one Unicode Bengali word as Bijoy. */
export function encodeBijoy(word: string): string {
  const chars = [...word.normalize('NFC').replaceAll('\u09CB', '\u09C7\u09BE').replaceAll('\u09CC', '\u09C7\u09D7')] // ো ৌ in two parts
  // reph: র্ + cluster → cluster + ©
  for (let i = 0; i + 2 < chars.length; i++) {
    if (chars[i] !== 'র' || chars[i + 1] !== '্' || !isConsonant(chars[i + 2]) || chars[i - 1] === '্') continue
    const end = clusterEnd(chars, i + 2)
    chars.splice(i, end - i, ...chars.slice(i + 2, end), '©')
    i = end - 2
  }
  // pre-base signs ি ে ৈ go before their cluster (and before a reph's cluster)
  for (let i = 1; i < chars.length; i++) {
    if (!'িেৈ'.includes(chars[i] as string)) continue
    let start = i - 1
    if (chars[start] === '©') start--
    if (chars[start] === '়') start--
    if (!isConsonant(chars[start])) continue
    while (chars[start - 1] === '্' && isConsonant(chars[start - 2])) start -= 2
    const sign = chars.splice(i, 1)[0] as string
    chars.splice(start, 0, sign)
  }
  const visual = chars.join('')
  let out = ''
  for (let i = 0; i < visual.length; ) {
    if (visual[i] === '©') {
      out += '©'
      i++
      continue
    }
    const key = KEYS.find((candidate) => visual.startsWith(candidate, i))
    out += key === undefined ? visual[i] : REVERSE.get(key)
    i += key === undefined ? 1 : key.length
  }
  return out
}
