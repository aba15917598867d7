/**
 * fast-check generators for the robustness suite: Bengali text built the way Bengali is written
 * (syllables of consonant clusters, vowel signs and modifiers), the same with marks and joiners in
 * places they should never be, mixed scripts, lone surrogates, control characters, and query
 * syntax. Every generator is small and shrinks to short strings.
 */

import fc from 'fast-check'

const chars = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i))

/** ক … হ without the unassigned code points of the block. */
export const CONSONANTS = chars(0x0995, 0x09b9).filter((c) => !['\u09a9', '\u09b1', '\u09b3', '\u09b4', '\u09b5'].includes(c))
/** অ … ঔ. */
export const INDEPENDENT_VOWELS = [...'অআইঈউঊঋএঐওঔ']
/** া … ৌ and ৃ. */
export const VOWEL_SIGNS = [...'ািীুূৃেৈোৌ']
/** Candrabindu, anusvara, visarga. */
export const MODIFIERS = ['\u0981', '\u0982', '\u0983']
export const VIRAMA = '\u09cd'
export const NUKTA = '\u09bc'
export const ZWJ = '\u200d'
export const ZWNJ = '\u200c'
/** Every assigned-or-not code point of the Bengali block, to put marks where they never belong. */
export const BENGALI_BLOCK = chars(0x0980, 0x09ff)

/** A consonant, sometimes with a nukta, sometimes precomposed (ড় ঢ় য় are not NFC). */
const consonant = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CONSONANTS) },
  { weight: 1, arbitrary: fc.constantFrom('ড' + NUKTA, 'ঢ' + NUKTA, 'য' + NUKTA, '\u09dc', '\u09dd', '\u09df') },
)

/** A consonant cluster: up to three consonants joined by a virama, sometimes with a joiner after it. */
const cluster = fc
  .array(fc.tuple(consonant, fc.constantFrom('', '', '', ZWJ, ZWNJ)), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([letter, joiner], i) => (i === 0 ? letter : VIRAMA + joiner + letter)).join(''))

/** One syllable: an independent vowel, or a cluster with an optional vowel sign and modifier; or ৎ. */
export const bengaliSyllable = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(cluster, fc.constantFrom('', ...VOWEL_SIGNS), fc.constantFrom('', '', '', ...MODIFIERS)).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...INDEPENDENT_VOWELS), fc.constantFrom('', '', ...MODIFIERS)).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constant('ৎ') },
)

/** Suffixes and clitics that the stemmer and the tokenizer care about. */
const SUFFIXES = ['', '', '', 'ের', 'এর', 'কে', 'তে', 'রা', 'গুলো', 'গুলোর', 'দের', 'টি', 'টির', 'য়', 'ই', 'ও']

/** A well-formed Bengali word: 1–4 syllables and maybe a suffix. */
export const bengaliWord = fc
  .tuple(fc.array(bengaliSyllable, { minLength: 1, maxLength: 4 }), fc.constantFrom(...SUFFIXES))
  .map(([syllables, suffix]) => syllables.join('') + suffix)

/** A Bengali word with marks in odd places: a sign first, doubled signs, trailing viramas, joiners, nukta on a vowel. */
export const oddBengaliWord = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: bengaliSyllable },
      { weight: 3, arbitrary: fc.constantFrom(...VOWEL_SIGNS, ...MODIFIERS, VIRAMA, NUKTA, ZWJ, ZWNJ, '\u00ad', '\u200b', '\ufeff') },
      { weight: 1, arbitrary: fc.constantFrom(...BENGALI_BLOCK) },
      { weight: 1, arbitrary: fc.constantFrom('অা', 'ত' + VIRAMA + ZWJ, 'ত' + VIRAMA, '\u0981\u09be', VIRAMA + VIRAMA, '৷') },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''))

/** Numbers in both digit scripts, with separators and the suffixes that attach to them. */
export const numberText = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...'0123456789০১২৩৪৫৬৭৮৯'), fc.constantFrom('', '', '', ',', '.')), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('', '', 'টি', 'শে', '-এর', 'য়', '%', 'ম'),
  )
  .map(([digits, suffix]) => digits.map(([digit, separator]) => digit + separator).join('') + suffix)

/** Latin words in any case, some that look like romanised Bengali. */
export const latinWord = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 10 }),
  fc.constantFrom('putin', 'Putin', 'PUTIN', 'dhaka', 'vladivostok', 'kim', "kim's", 'G20', 'covid19', 'Ärger', 'éclair', 'ﬁne'),
)

/** Other scripts and symbols: Devanagari, Arabic, CJK, Cyrillic, combining Latin, emoji sequences, astral letters. */
export const otherScript = fc.constantFrom(
  'नमस्ते', 'क्षत्रिय', 'مرحبا', 'سلام', '中文', '日本語', 'Привет', 'e\u0301', 'a\u0308\u0301', '👨\u200d👩\u200d👧', '🇧🇩', '👍🏽', '𝐀𝐁', '𐐷', 'ǅ', 'İ', 'ß', 'ﷺ', '\u0e01\u0e33',
)

/** Lone and reversed surrogates, and a valid pair. */
export const surrogates = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', '\ud83d\ude00', '\ud800\ud800')

/** Control and special characters: NUL, C0/C1 controls, noncharacters, BOM, separators. */
export const controls = fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\ufffe', '\uffff', '\ufeff', '\u2028', '\u2029', '\ufffd')

/** What sits between words: spaces, punctuation and the connectors the tokenizer treats specially. */
export const connector = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '।', '॥', ',', '.', "'", '’', 'ʼ', ':', '-', '‐', '‑', '—', '"', '“', '”', '(', ')', '?', '!', '৳', '৺')

/** Characters that mean something in the query syntax or in regular expressions. */
export const querySyntax = fc.constantFrom('"', '“', '”', '„', '-', '*', '-"', '*"', '.*', '(?:', '[', ']', '\\', '$', '^', '|', '+', '?', '{2}', '/')

/** Any single UTF-16 code unit (lone surrogates included). */
export const anyUnit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })

/** Text made of pieces of every kind above, Bengali-heavy; at most `maxPieces` pieces. */
export function fuzzText(maxPieces = 12): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: bengaliWord },
        { weight: 3, arbitrary: oddBengaliWord },
        { weight: 2, arbitrary: numberText },
        { weight: 3, arbitrary: latinWord },
        { weight: 1, arbitrary: otherScript },
        { weight: 1, arbitrary: surrogates },
        { weight: 1, arbitrary: controls },
        { weight: 1, arbitrary: anyUnit },
        { weight: 8, arbitrary: connector },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''))
}

/** Queries: fuzz text with the query syntax mixed in (quotes, exclusions, prefixes, regex characters). */
export function fuzzQuery(maxPieces = 10): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: fuzzText(3) }, { weight: 2, arbitrary: querySyntax }, { weight: 2, arbitrary: fc.constant(' ') }), { maxLength: maxPieces })
    .map((pieces) => pieces.join(''))
}

/** Everything: structured fuzz text, arbitrary UTF-16, and grapheme soup from the whole of Unicode. */
export function anyInput(maxPieces = 12): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fuzzText(maxPieces) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...BENGALI_BLOCK, ZWJ, ZWNJ, ' ', "'", ':', '-'), maxLength: 40 }) },
  )
}

/** Ids that name members of Object.prototype, next to ordinary ones (string '0' and number 0 differ). */
export const HOSTILE_IDS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '0'] as const

/** Real words with their inflections, spelling variants, a stopword, numbers and Latin, so documents share vocabulary. */
export const ORACLE_WORDS = [
  'পুতিন', 'পুতিনের', 'পুতিনকে', 'রাশিয়া', 'রাশিয়ার', 'রাশি\u09dfা', 'কিম', 'কিমের', 'বৈঠক', 'বৈঠকে', 'ঢাকা', 'ঢাকার', 'ঢাকায়',
  'ভ্লাদিভোস্টক', 'ভ্লাদিভস্তক', 'দেশ', 'দেশের', 'দেশগুলোর', 'সরকারি', 'সরকারী', 'উৎসব', 'উত\u09cd\u200dসব', 'এবং', 'ও', '২০১৯', '2019',
  'putin', 'Moscow', 'জং’কে', 'ইউএন-এর',
] as const

/** A text of oracle words and random Bengali words. */
export const oracleText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ORACLE_WORDS) }, { weight: 1, arbitrary: bengaliWord }), { maxLength: 10 })
  .map((words) => words.join(' '))

/** Documents with unique ids, hostile ids among them. */
export const oracleDocuments = fc.uniqueArray(
  fc.record({ id: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(...HOSTILE_IDS)), title: oracleText, text: oracleText }),
  { selector: (doc) => doc.id, minLength: 1, maxLength: 12 },
)
