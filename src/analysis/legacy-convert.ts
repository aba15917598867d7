/**
 * Conversion of legacy Bijoy / SutonnyMJ text to Unicode Bengali. Three steps per word:
 *
 * 1. decide whether the word is Bijoy at all ({@link bijoyWordKind} and {@link looksEnglish} of
 *    the detector): URLs, e-mail addresses, numbers and English words are left as they are;
 * 2. map every character through the glyph table (`data/bijoy.ts`), in the visual order Bijoy
 *    stores;
 * 3. put the result in Unicode's logical order ({@link reorder}): the reph moves before its
 *    consonant cluster, the pre-base vowel signs ি ে ৈ move after their cluster, ে…া and ে…ৗ join
 *    into ো and ৌ, অ + া becomes আ, and the result is NFC.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { BIJOY_GLYPHS, REPH } from './data/bijoy.js'
import { bigramScore, bijoyWordKind, looksEnglish } from './legacy-encoding.js'

/** Pre-base vowel signs: typed before their consonant cluster in Bijoy, after it in Unicode. */
const PRE_BASE = new Set(['ি', 'ে', 'ৈ'])
/** Dependent vowel signs that follow their consonant in both orders. */
const POST_BASE = new Set(['া', 'ী', 'ু', 'ূ', 'ৃ', 'ৗ'])
const VIRAMA = '্'
const NUKTA = '়'
const CANDRABINDU = 'ঁ'
/** Words shorter than this are never clearly English on their own (`I` ও, `GB` এই, `Lye` খুব). */
const SHORT_WORD = 4
/**
 * A letter-pair score at or below this is clearly English (`Google` −17, `Dhaka` −19); Bijoy words
 * that look English on their own score near 0 (`Drme` উৎসব −6, `Lye` খুব −2).
 */
const STRONG_ENGLISH = -10

/**
 * Converts legacy Bijoy/SutonnyMJ text (ASCII and Windows-1252 characters drawn as Bengali by a
 * font) to Unicode Bengali, in NFC. Words that are plainly not Bijoy stay as they are: Unicode
 * Bengali, URLs and e-mail addresses, numbers standing alone, and words that read as English
 * (see docs/analysis.md, "Legacy Bijoy text", for the rules and the measured word accuracy).
 *
 * Use {@link detectLegacyBengali} first to decide whether a text is Bijoy: this function assumes
 * it is, so an ASCII word that could be either (`bvg`) is converted.
 *
 * @param text - Bijoy text, as read from a file or a database (Windows-1252 decoded)
 * @returns the text in Unicode Bengali
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * convertLegacyBengali('Avwg evsjvq Mvb MvB|')            // 'আমি বাংলায় গান গাই।'
 * convertLegacyBengali('‡`‡k wd‡i Kg©xiv')                 // 'দেশে ফিরে কর্মীরা'
 * convertLegacyBengali('I‡qemvBU www.example.com †`Lyb')  // 'ওয়েবসাইট www.example.com দেখুন'
 * ```
 */
export function convertLegacyBengali(text: string): string {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `convertLegacyBengali() takes a string, got ${describeValue(text)}.`)
  }
  const parts = text.split(/(\s+)/u) // words at even places, the spaces between them at odd places
  const kinds = parts.map((part, i) => (i % 2 === 1 || part === '' ? 'space' : readWord(part)))
  return parts
    .map((part, i) => {
      const kind = kinds[i]
      if (kind === 'bijoy' || (kind === 'maybe' && !englishInContext(parts, kinds, i))) return convertWord(part)
      return part
    })
    .join('')
    .normalize('NFC')
}

/** A word's kind: `'maybe'` for one that reads as English on its own, to be settled by its neighbours. */
type Kind = 'bijoy' | 'ascii' | 'maybe' | 'space'

function readWord(word: string): Kind {
  const kind = bijoyWordKind(word)
  if (kind !== 'plain') return kind
  return looksEnglish(trimPunctuation(word)) ? 'maybe' : 'bijoy'
}

/**
 * An English-looking word stays English when it is clearly English on its own (four letters or
 * more and a letter-pair score of at most {@link STRONG_ENGLISH}), or when a neighbour is; other
 * English-looking words among Bijoy words are Bijoy (`I` ও, `GB` এই, `Lye` খুব, `Drme` উৎসব).
 */
function englishInContext(parts: readonly string[], kinds: readonly Kind[], i: number): boolean {
  const clearly = (j: number): boolean => {
    if (kinds[j] !== 'maybe') return false
    const word = trimPunctuation(parts[j] as string)
    return word.length >= SHORT_WORD && bigramScore(word) <= STRONG_ENGLISH
  }
  return clearly(i) || clearly(i - 2) || clearly(i + 2)
}

function trimPunctuation(word: string): string {
  return word.replace(/^[("'“‘[{]+|[)"'”’\]},.;:!?]+$/gu, '')
}

/** Maps one Bijoy word through the glyph table and puts it in logical order. */
export function convertWord(word: string): string {
  let mapped = ''
  // a straight ' after a half form is the second half ’ (্থ) of a text whose quotes were straightened
  for (const char of word.replace(HALF_FORM_APOSTROPHE, '$1’')) mapped += BIJOY_GLYPHS[char] ?? char
  return reorder(mapped)
}

/** A half-form glyph (স্ ন্ ম্ ষ্ …) followed by a straight apostrophe. */
const HALF_FORM_APOSTROPHE = /([¯š›®¤•”˜™])'/gu

/**
 * Puts mapped Bijoy text (visual order) into Unicode's logical order. Each rule is one step,
 * tested row by row in test/analysis/legacy-convert.test.ts.
 *
 * @example
 * ```ts
 * reorder('ধেম\uE000')   // 'ধর্মে': the reph before ম, then ে after the cluster র্ম
 * ```
 */
export function reorder(mapped: string): string {
  const chars = [...mapped.replaceAll(VIRAMA + VIRAMA, VIRAMA)]
  moveRephs(chars)
  movePreBaseSigns(chars)
  return chars
    .join('')
    .replaceAll('অা', 'আ')
    .replace(/([ঁ])([\u09BE-\u09C4\u09C7\u09C8\u09CB\u09CC\u09D7])/gu, '$2$1') // ঁ after the vowel sign
    .replace(/([\u09BE-\u09C4\u09C7\u09C8])\1/gu, '$1') // a vowel sign typed twice
    .replace(/([\u09BE-\u09CC\u09D7])\u09CD/gu, '$1') // a hasanta after a vowel sign (a stray `&`)
    .replace(/^\u09CD/u, '') // a second half or phala with no consonant before it (`úi` পর)
    .replaceAll(VIRAMA + VIRAMA, VIRAMA)
}

/** The reph (typed after the cluster, and after a post-base vowel sign) goes before the cluster. */
function moveRephs(chars: string[]): void {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== REPH) continue
    let start = i
    if (start > 0 && POST_BASE.has(chars[start - 1] as string)) start--
    if (start > 0 && isConsonant(chars[start - 1])) start = clusterStart(chars, start - 1)
    chars.splice(i, 1)
    chars.splice(start, 0, 'র', VIRAMA)
    i++
  }
}

/** A pre-base sign goes after the cluster that follows it; ে + cluster + া (ৗ) becomes cluster + ো (ৌ). */
function movePreBaseSigns(chars: string[]): void {
  for (let i = 0; i < chars.length; i++) {
    const sign = chars[i] as string
    if (!PRE_BASE.has(sign) || !isConsonant(chars[i + 1])) continue
    const end = clusterEnd(chars, i + 1)
    let joined = sign
    if (sign === 'ে' && chars[end] === 'া') joined = 'ো'
    else if (sign === 'ে' && chars[end] === 'ৗ') joined = 'ৌ'
    const cluster = chars.slice(i + 1, end)
    chars.splice(i, end - i + (joined === sign ? 0 : 1), ...cluster, joined)
    i = end - 1
  }
}

/** The first index of the consonant cluster ending with the consonant at `last` (C ্ C ্ C). */
function clusterStart(chars: readonly string[], last: number): number {
  let start = last
  if (chars[start] === NUKTA) start--
  while (chars[start - 1] === VIRAMA && isConsonant(chars[start - 2])) start -= 2
  return start
}

/** The index after the consonant cluster starting at `first`, with its nukta and its phalas. */
function clusterEnd(chars: readonly string[], first: number): number {
  let end = first + 1
  for (;;) {
    if (chars[end] === NUKTA) end++
    else if (chars[end] === VIRAMA && isConsonant(chars[end + 1])) end += 2
    else return end
  }
}

function isConsonant(char: string | undefined): boolean {
  return char !== undefined && char.length === 1 && ((char >= 'ক' && char <= 'হ') || char === 'ৎ') && char !== CANDRABINDU
}
