/**
 * Detection of legacy Bijoy / SutonnyMJ ("ANSI") Bengali: text typed with the Bijoy keyboard into
 * fonts that draw Latin-1 code points as Bengali glyphs. It is not Unicode Bengali at all
 * (`বাংলাদেশ` is stored as `` evsjv‡`k ``), so indexing it would make a document unfindable by
 * any Bengali query. See docs/bengali-text.md §2.3 for the mapping; this module only detects.
 *
 * The test is cheap and linear (one pass over the code units, no regular expressions): the text
 * has no code point of the Bengali block, is mostly ASCII letters, and at least 2 words and 20 %
 * of its words carry a Bijoy signature:
 * - a pre-base vowel sign `‡` (ে) or `ˆ` (ৈ) in front of a letter;
 * - a ya-phala `¨`, ra-phala `«` or reph `©` after a letter;
 * - another marker character (`¯ ¶ ° ± ³ µ · ¸ » ¼ ½ ¾ Á … Ý`) between two letters;
 * - a consonant key `K`–`Z` (ক…ত) followed by the aa-kar key `v` (া), as in `XvKv` (ঢাকা);
 * - or a high-frequency word such as `Ges` (এবং), `Kiv` (করা), `wZwb` (তিনি), `bv` (না).
 *
 * Markers are matched by position, not merely counted, so `© 2024`, `25°C`, `«Hola»` and `Über`
 * are not evidence, nor is UTF-8 misread as Latin-1 (`MÃ¶ller`). Measured on 384,983 paragraphs of
 * English prose and code (READMEs, sources and licences on the development machine, read both as
 * UTF-8 and as Latin-1): 2 flagged, both the grammar token `IPvFuture`.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { BIJOY_BIGRAMS } from './data/bijoy-bigrams.js'

/** At least this share of the words must look like Bijoy... */
export const LEGACY_WORD_SHARE = 0.2
/** ...and at least this many words (one odd word is never enough). */
export const LEGACY_MIN_WORDS = 2
/** At least this share of the non-space characters must be ASCII letters or Bijoy symbols. */
export const LEGACY_LETTER_SHARE = 0.6

/** The verdict of {@link detectLegacyBengali}. */
export interface LegacyVerdict {
  /** Does the text look like Bijoy/SutonnyMJ-encoded Bengali? */
  readonly legacy: boolean
  /** Why it was judged legacy (for an error message); absent when it was not. */
  readonly reason?: string
}

/** Pre-base vowel signs (ে, ৈ): typed before the consonant, so a letter must follow. */
const PRE_BASE = new Set([0x2021, 0x02c6])
/** Post-consonant signs (ya-phala ¨, ra-phala «, reph ©): a letter must precede. */
const POST_CONSONANT = new Set([0x00a8, 0x00ab, 0x00a9])
/** Other marker characters (conjunct glyphs): they count only between two letters. */
const INNER_MARKERS = new Set([
  0x00aa, 0x00af, 0x00b0, 0x00b1, 0x00b3, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00bb, 0x00bc, 0x00bd, 0x00be,
  ...Array.from({ length: 0xdd - 0xc1 + 1 }, (_, i) => 0xc1 + i), // Á … Ý
])

/**
 * Frequent Bengali words as the Bijoy layout types them (encoded by hand from the letter table:
 * K=ক, b=ন, v=া, w=ি before its consonant…). Words that are also English or common abbreviations
 * (`GB`, `I`, `me`) are left out on purpose. So are words that carry a signature of their own, which
 * {@link wordKind} finds before it consults this list: a pre-base `‡` (`‡_‡K` থেকে, `K‡i` করে,
 * `n‡q‡Q` হয়েছে), a ya-phala `¨` (`Rb¨` জন্য), or a consonant key before `v` (`miKvi` সরকার, `KvR` কাজ).
 */
const BIJOY_WORDS: ReadonlySet<string> = new Set([
  'Ges', 'Kiv', 'bv', 'Avwg', 'Avgvi', 'wZwb', 'nq', 'GKwU', 'evsjv', 'gvbyl', 'eQi', 'mgq', 'AvR', 'GLb', 'K_v',
  'wK', 'Kx',
])

/** Punctuation trimmed from the ends of a word before the word list is consulted (`|` is the danda). */
const TRIMMED = '.,;:!?()"\'|[]{}'

/**
 * Tells whether a text looks like legacy Bijoy/SutonnyMJ Bengali (ASCII bytes drawn as Bengali by
 * a special font) rather than Unicode. Plain English, code, URLs, numbers, European languages,
 * romanised Bengali and any text holding Unicode Bengali are not flagged. Texts of one or two
 * words can rarely be decided and are not flagged either.
 *
 * Linear in the length of the text; no regular expressions.
 *
 * @param text - the text of one field
 * @returns `{ legacy: true, reason }` with a short explanation, or `{ legacy: false }`
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * detectLegacyBengali('wZwb e‡jb, miKvi GB wel‡q KvR Ki‡Q|')
 * // { legacy: true, reason: 'no Unicode Bengali, and 6 of 7 words look like Bijoy/SutonnyMJ, e.g. "wZwb"' }
 * detectLegacyBengali('তিনি বলেন, সরকার এই বিষয়ে কাজ করছে।')   // { legacy: false }
 * detectLegacyBengali('The quick brown fox © 2024')               // { legacy: false }
 * ```
 */
export function detectLegacyBengali(text: string): LegacyVerdict {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `detectLegacyBengali() takes a string, got ${describeValue(text)}.`)
  }
  let words = 0 // words holding a letter
  let evidence = 0 // words with a Bijoy signature
  let letters = 0 // ASCII letters and Bijoy symbols
  let nonSpace = 0
  let example = ''
  let wordStart = -1
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20
    if (code >= 0x0980 && code <= 0x09ff) return { legacy: false }
    if (!isSpace(code)) {
      nonSpace++
      if (isBijoyLetter(code) || isMarker(code)) letters++
      if (wordStart < 0) wordStart = i
      continue
    }
    if (wordStart >= 0) {
      const kind = wordKind(text, wordStart, i)
      if (kind !== WordKind.NoLetter) words++
      if (kind === WordKind.Bijoy) {
        evidence++
        if (example === '') example = text.slice(wordStart, Math.min(i, wordStart + 24))
      }
    }
    wordStart = -1
  }
  const enoughWords = evidence >= LEGACY_MIN_WORDS && evidence >= words * LEGACY_WORD_SHARE
  if (!enoughWords || letters < nonSpace * LEGACY_LETTER_SHARE) return { legacy: false }
  return {
    legacy: true,
    reason: `no Unicode Bengali, and ${evidence} of ${words} words look like Bijoy/SutonnyMJ, e.g. ${JSON.stringify(example)}`,
  }
}

/** What one word of the text is, for the counts of {@link detectLegacyBengali}. */
const enum WordKind {
  /** No ASCII letter or Bijoy symbol: not counted as a word. */
  NoLetter,
  /** A word without a Bijoy signature. */
  Plain,
  /** A word with a Bijoy signature. */
  Bijoy,
}

/**
 * Reads one word `text[start, end)`: is it made of letters, and does it carry a Bijoy signature?
 * A word of marker characters alone (a separator line such as `××××××`) has no Bijoy letter and
 * is never evidence.
 */
function wordKind(text: string, start: number, end: number): WordKind {
  let hasLetter = false
  let hasBijoyLetter = false
  let signature = false
  for (let i = start; i < end && !(signature && hasBijoyLetter); i++) {
    const code = text.charCodeAt(i)
    if (isAsciiLetter(code) || isMarker(code)) hasLetter = true
    if (isBijoyLetter(code)) hasBijoyLetter = true
    signature ||= markerInPlace(text, i, code, start, end) || consonantWithAaKar(text, i, code, end)
  }
  if (!hasLetter) return WordKind.NoLetter
  if (!hasBijoyLetter) return WordKind.Plain
  return signature || BIJOY_WORDS.has(trimmedWord(text, start, end)) ? WordKind.Bijoy : WordKind.Plain
}

/**
 * How the converter should read one word of a legacy text (no spaces inside): `'bijoy'` when it
 * carries a Bijoy signature (the same test as {@link detectLegacyBengali}) or any Bijoy marker
 * character, `'ascii'` when it is plainly not Bijoy (a URL, an e-mail address, a number, a word
 * holding Unicode Bengali or other non-Bijoy characters), and `'plain'` for ASCII letters that
 * could be either (`bvg` is নাম, `Black` is English): the converter decides those from
 * {@link looksEnglish} and the words around them.
 *
 * @example
 * ```ts
 * bijoyWordKind('wZwb')                 // 'bijoy' (তিনি)
 * bijoyWordKind('https://example.com')  // 'ascii'
 * bijoyWordKind('2024')                 // 'ascii'
 * bijoyWordKind('bvg')                  // 'plain'
 * ```
 * @internal
 */
export function bijoyWordKind(word: string): 'bijoy' | 'ascii' | 'plain' {
  let hasMarker = false
  let hasLetter = false
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (isMarker(code)) hasMarker = true
    else if (isAsciiLetter(code) || BIJOY_SYMBOLS.has(code)) hasLetter = true
    else if (code >= 0x80) return 'ascii'
  }
  if (hasMarker || (!hasLetter && word.includes('|'))) return 'bijoy' // a lone `|` is a danda
  if (!hasLetter || URL_LIKE.test(word)) return 'ascii' // numbers, punctuation, addresses
  return wordKind(word, 0, word.length) === WordKind.Bijoy ? 'bijoy' : 'plain'
}

/** URLs, e-mail addresses, domain and file names: a `://`, an `@`, or a `.` between letters. */
const URL_LIKE = /:\/\/|^www\.|[A-Za-z0-9]@[A-Za-z0-9]|[A-Za-z0-9]\.[A-Za-z]{2}/u

/**
 * Windows-1252 and Latin-1 characters that Bijoy uses as letters or signs but that
 * {@link isMarker} does not count as evidence (they are also typography: dashes, quotes, `…`, or
 * letters of European languages).
 */
const BIJOY_SYMBOLS: ReadonlySet<number> = new Set([
  0x2020, 0x2030, 0x0160, 0x2039, 0x0152, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x0178, 0x0192, 0x201a, 0x201e, 0x2026, ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i),
])

/** The letters of the pair table {@link BIJOY_BIGRAMS}: word start, word end, a–z. @internal */
export const BIGRAM_ALPHABET = '^$abcdefghijklmnopqrstuvwxyz'

/**
 * How much more a word of ASCII letters looks like Bijoy than English: the sum over its letter
 * pairs (with its start and end) of the log-ratios in the table. Above 0 reads as Bijoy.
 * @internal
 */
export function bigramScore(word: string, table: string = BIJOY_BIGRAMS): number {
  const padded = `^${word.toLowerCase()}$`
  let score = 0
  for (let i = 0; i + 1 < padded.length; i++) {
    const row = BIGRAM_ALPHABET.indexOf(padded.charAt(i))
    const column = BIGRAM_ALPHABET.indexOf(padded.charAt(i + 1))
    if (row >= 0 && column >= 0) score += table.charCodeAt(row * BIGRAM_ALPHABET.length + column) - 0x34 // '4' is 0
  }
  return score
}

/**
 * Does a word of ASCII letters read as English (or another Latin-script language) rather than as
 * Bijoy? Bijoy spells Bengali with letters in patterns English does not use: capitals inside a
 * word (`eQi` বছর, `AZGe` অতএব), and letter pairs such as `vb`, `gv`, `wk` (া…, ম া, ি শ). The
 * pairs are weighed by a table measured on the blog corpus (`data/bijoy-bigrams.ts`); on held-out
 * words about 4 % of each side is misread, nearly all of them words of one to three letters,
 * which the converter settles by their neighbours.
 *
 * @example
 * ```ts
 * looksEnglish('Francolinus')   // true
 * looksEnglish('mevi')          // false (সবার)
 * looksEnglish('eQi')           // false (বছর)
 * ```
 * @internal
 */
export function looksEnglish(word: string): boolean {
  if (!/^[A-Za-z]+$/u.test(word)) return false
  // English words are lower case, Capitalised or ALL CAPS; Bijoy mixes (`AZGe` অতএব, `eQi` বছর)
  const shaped = word === word.toLowerCase() || word === word.toUpperCase() || !/[A-Z]/u.test(word.slice(1))
  return shaped && bigramScore(word) <= 0
}
/** Is the marker at `i` where Bijoy puts it: `‡` before a letter, `¨` after one, a conjunct glyph between two? */
function markerInPlace(text: string, i: number, code: number, start: number, end: number): boolean {
  const before = i > start ? text.charCodeAt(i - 1) : -1
  const after = i + 1 < end ? text.charCodeAt(i + 1) : -1
  if (isMojibakePair(code, after) || isMojibakePair(before, code)) return false
  if (PRE_BASE.has(code)) return isBijoyLetter(after)
  if (POST_CONSONANT.has(code)) return isBijoyLetter(before)
  if (!INNER_MARKERS.has(code)) return false
  const inside = (isBijoyLetter(before) || isMarker(before)) && (isBijoyLetter(after) || isMarker(after))
  return inside && (isLowerAscii(before) || isLowerAscii(after) || isMarker(before) || isMarker(after))
}

/**
 * UTF-8 read as Latin-1/Windows-1252 turns every non-ASCII letter into a lead byte U+00C2–U+00DF
 * and a continuation U+0080–U+00BF (`Müller` → `MÃ¼ller`, Cyrillic → `Ð´Ð¶`). That is a fault
 * too, but not Bijoy: such pairs are not evidence.
 */
function isMojibakePair(lead: number, continuation: number): boolean {
  return lead >= 0xc2 && lead <= 0xdf && continuation >= 0x80 && continuation <= 0xbf
}

/**
 * `K`…`Z` are the Bijoy keys of ক…ত and `v` is া: `Kv`, `Mv`, `XvKv`. English puts `v` after a
 * capital almost only after a vowel (`Avenue`, `Ivan`, `Override`): `O` (ঙ, rare before া) is left
 * out, and so is a `v` before a digit (`IPv6`, `GPLv3`).
 */
function consonantWithAaKar(text: string, i: number, code: number, end: number): boolean {
  if (code < 0x4b || code > 0x5a || code === 0x4f || i + 1 >= end || text.charCodeAt(i + 1) !== 0x76) return false
  const next = i + 2 < end ? text.charCodeAt(i + 2) : -1
  return !(next >= 0x30 && next <= 0x39)
}

function trimmedWord(text: string, start: number, end: number): string {
  while (start < end && TRIMMED.includes(text.charAt(start))) start++
  while (end > start && TRIMMED.includes(text.charAt(end - 1))) end--
  return text.slice(start, end)
}

function isMarker(code: number): boolean {
  return PRE_BASE.has(code) || POST_CONSONANT.has(code) || INNER_MARKERS.has(code)
}

/** ASCII letters, and `` ` `` (দ), `_` (থ), `&` (hasanta), which Bijoy uses as letters. */
function isBijoyLetter(code: number): boolean {
  return isAsciiLetter(code) || code === 0x60 || code === 0x5f || code === 0x26
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

function isLowerAscii(code: number): boolean {
  return code >= 0x61 && code <= 0x7a
}

/** ASCII and Unicode spaces (the ones a Bijoy text or a pasted document may hold). */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x3000
}
