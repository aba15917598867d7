/**
 * Stage 1 of the analysis chain: canonical normalisation.
 *
 * Turns the many ways one Bengali word can be typed into one sequence of code points, without
 * changing the word: NFC, invisible joiners removed, legacy khanda-ta spellings folded to `ৎ`,
 * typing slips repaired (`অা` → `আ`, candrabindu before the vowel sign, doubled signs), `৷` read
 * as a danda, `:` inside a word read as visarga, apostrophes between a name and its suffix
 * dropped, Bengali digits folded to ASCII and letters lower-cased. The result is idempotent:
 * `normalize(normalize(s)) === normalize(s)`.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import {
  DANDA,
  VIRAMA,
  isBengaliDigit,
  isBengaliLetter,
  isBengaliLetterOrMark,
  isBengaliMark,
  isConsonant,
  isVowelSign,
} from './data/bengali-letters.js'

const TA = 0x09a4
const KHANDA_TA = 0x09ce
const VOWEL_A = 0x0985
const VOWEL_AA = 0x0986
const SIGN_AA = 0x09be
const CANDRABINDU = 0x0981
const VISARGA = 0x0983
const CURRENCY_NUMERATOR_FOUR = 0x09f7
const ZWJ = 0x200d

/** Code points that only steer rendering and are deleted: ZWSP, ZWNJ, soft hyphen, word joiner, BOM. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x00ad, 0x2060, 0xfeff])

/** Consonants that form a conjunct after `ত্` (ত্ত ত্থ ত্ন ত্ব ত্ম ত্য ত্র); before any other, `ত্` is khanda ta. */
const TA_CONJUNCT_PARTNERS = new Set([0x09a4, 0x09a5, 0x09a8, 0x09ac, 0x09ae, 0x09af, 0x09b0])

/** Apostrophes that may sit between a word and its suffix (`জং’কে`, `বিএনপি'র`) or mark an elision (`ক'রে`). */
const APOSTROPHES = new Set([0x0027, 0x2019, 0x02bc])

/** How many rounds of NFC + rules at most; two always suffice in practice, the rest is a guard. */
const MAX_ROUNDS = 4

/**
 * Returns the canonical form of a text: the same words, one spelling of the code points.
 *
 * @param text - any string (lone surrogates and control characters pass through unchanged)
 * @returns the normalised text; its length may differ from the input's
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * normalize('উত\u09CD\u200Dসব')   // 'উৎসব'  (legacy khanda ta)
 * normalize('২০১৯ সালে')        // '2019 সালে'
 * normalize('জং’কে')            // 'জংকে'
 * normalize('Putin')            // 'putin'
 * ```
 */
export function normalize(text: string): string {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `normalize() takes a string, got ${describeValue(text)}.`)
  }
  let current = text.normalize('NFC')
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const repaired = applyBengaliRules(current)
    if (repaired === current) return current
    current = repaired.normalize('NFC')
  }
  return current
}

/**
 * One pass of the Bengali rules over NFC text. Returns the input itself when nothing changed,
 * so that callers can test for a fixpoint with `===`.
 */
function applyBengaliRules(text: string): string {
  const out: number[] = []
  let changed = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const previous = out.length > 0 ? (out[out.length - 1] as number) : -1
    const replacement = ruleFor(text, i, code, previous, out)
    if (replacement === KEEP) {
      out.push(code)
    } else {
      changed = true
      if (replacement !== DROP) out.push(replacement)
    }
  }
  return changed ? fromCodes(out) : text
}

const KEEP = -1
const DROP = -2

/**
 * Decides what becomes of the code unit at `i`: kept, dropped, or replaced. May also rewrite the
 * end of `out` (khanda ta after a ZWJ, candrabindu moved behind a vowel sign, `অ` + `া`).
 */
function ruleFor(text: string, i: number, code: number, previous: number, out: number[]): number {
  if (code < 0x80 && code !== 0x27) return asciiRule(text, i, code, previous) // the apostrophe ' is handled below
  if (INVISIBLE.has(code)) return DROP
  if (code === ZWJ) {
    if (previous === VIRAMA && out[out.length - 2] === TA) {
      out.length -= 2
      out.push(KHANDA_TA)
    }
    return DROP
  }
  if (APOSTROPHES.has(code)) return isSuffixApostrophe(text, i, previous) ? DROP : KEEP
  if (code < 0x0980 || code > 0x09ff) return lowerCaseRule(code)
  if (isBengaliDigit(code)) return code - 0x09e6 + 0x30
  if (code === CURRENCY_NUMERATOR_FOUR) return DANDA
  if (code === VIRAMA && previous === TA && isKhandaTaContext(text, i + 1)) {
    out[out.length - 1] = KHANDA_TA
    return DROP
  }
  if (code === SIGN_AA && previous === VOWEL_A) {
    out[out.length - 1] = VOWEL_AA
    return DROP
  }
  if (isBengaliMark(code) && code === previous) return DROP
  if (isVowelSign(code) && previous === CANDRABINDU) {
    out[out.length - 1] = code
    out.push(CANDRABINDU)
    return DROP
  }
  return KEEP
}

/** ASCII: upper case to lower case; `:` between Bengali letters to visarga. */
function asciiRule(text: string, i: number, code: number, previous: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20
  if (code === 0x3a && isBengaliLetterOrMark(previous) && isBengaliLetter(text.charCodeAt(i + 1))) {
    return VISARGA
  }
  return KEEP
}

/** An apostrophe between a letter or digit and a Bengali letter belongs inside the word. */
function isSuffixApostrophe(text: string, i: number, previous: number): boolean {
  if (!isBengaliLetter(text.charCodeAt(i + 1))) return false
  return isBengaliLetterOrMark(previous) || isAsciiAlphanumeric(previous)
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

/**
 * After `ত্`, khanda ta is meant when the next letter (joiners skipped) is a consonant that does
 * not form a conjunct with ত, or when the word ends there.
 */
function isKhandaTaContext(text: string, from: number): boolean {
  let j = from
  while (j < text.length && INVISIBLE.has(text.charCodeAt(j))) j++
  if (j >= text.length) return true
  const next = text.charCodeAt(j)
  if (next === ZWJ) return false // handled when the ZWJ itself is read
  if (isConsonant(next)) return !TA_CONJUNCT_PARTNERS.has(next)
  return !isBengaliLetterOrMark(next)
}

/**
 * Lower-cases a non-ASCII, non-Bengali BMP letter when that keeps it one code unit. A surrogate
 * on its own has no case, so letters outside the BMP are kept as they are.
 */
function lowerCaseRule(code: number): number {
  const char = String.fromCharCode(code)
  const lower = char.toLowerCase()
  if (lower === char || lower.length !== 1) return KEEP
  return lower.charCodeAt(0)
}

/** Builds a string from code units in chunks (spreading a huge array would overflow the stack). */
function fromCodes(codes: number[]): string {
  const CHUNK = 8192
  if (codes.length <= CHUNK) return String.fromCharCode(...codes)
  let result = ''
  for (let i = 0; i < codes.length; i += CHUNK) {
    result += String.fromCharCode(...codes.slice(i, i + CHUNK))
  }
  return result
}
