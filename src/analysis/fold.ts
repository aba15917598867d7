/**
 * Stage 4 of the analysis chain: orthographic folding of spelling-reform pairs.
 *
 * Bengali spelling was reformed (Bangla Academy rules, 1992 and later), and older and newer text,
 * Bangladeshi and West Bengal text, spell the same word differently: `সরকারী`/`সরকারি`,
 * `শ্রেণী`/`শ্রেণি`, `গভর্ণর`/`গভর্নর`, `রঙ`/`রং`, `সঙ্গীত`/`সংগীত`, `কার্য্য`/`কার্য`, `ক্রমশঃ`/`ক্রমশ`.
 * Folding maps each pair onto one form. It is lossy (it merges a few real minimal pairs such as
 * `দিন`/`দীন`), so it applies to stem terms only; the exact term keeps the word as written.
 *
 * @module
 */

/** One folding rule, for the docs and the test table. */
export interface FoldRule {
  /** The rule's id; the comment beside each rule gives an example. */
  readonly name: string
  /** The pattern (on NFC text; no rule involves a nukta letter, so NFC and NFD agree). */
  readonly pattern: RegExp
  /** The replacement text. */
  readonly replacement: string
}

/**
 * After a reph, a consonant written twice (কার্য্য, ধর্ম্ম) or before its aspirated partner
 * (বার্দ্ধক্য, মূর্চ্ছা) is written once. Each entry: a consonant, then its partner if it has one.
 * No ণ: the `murdhanya-na` rule has already made it ন.
 */
const REPH_DOUBLED = ['কখ', 'গঘ', 'চছ', 'জঝ', 'টঠ', 'ডঢ', 'তথ', 'দধ', 'পফ', 'বভ', 'ম', 'য', 'ল', 'ন', 'শ', 'ষ', 'স']

/** The folding rules, applied in order. */
export const FOLD_RULES: readonly FoldRule[] = [
  { name: 'dirgho-i', pattern: /\u09C0/g, replacement: '\u09BF' }, // ী → ি: সরকারী → সরকারি
  { name: 'independent-dirgho-i', pattern: /\u0988/g, replacement: '\u0987' }, // ঈ → ই: ঈদ → ইদ
  { name: 'dirgho-u', pattern: /\u09C2/g, replacement: '\u09C1' }, // ূ → ু: দূষিত → দুষিত
  { name: 'independent-dirgho-u', pattern: /\u098A/g, replacement: '\u0989' }, // ঊ → উ: ঊর্মি → উর্মি
  { name: 'murdhanya-na', pattern: /\u09A3/g, replacement: '\u09A8' }, // ণ → ন: গভর্ণর → গভর্নর
  { name: 'nga-conjunct', pattern: /\u0999\u09CD(?=[\u0995-\u0998])/g, replacement: '\u0982' }, // ঙ্ক ঙ্গ → ংক ংগ: সঙ্গীত
  { name: 'nga-final', pattern: /\u0999(?=$|[\u0995-\u09B9])/g, replacement: '\u0982' }, // ঙ at the end or before a consonant → ং: রঙ, বাঙলা
  {
    name: 'reph-doubling', // কার্য্য → কার্য: the first of the pair and its virama go
    pattern: new RegExp(`(?<=\u09B0\u09CD)(?:${REPH_DOUBLED.map((pair) => `${pair.charAt(0)}\u09CD(?=[${pair}])`).join('|')})`, 'g'),
    replacement: '',
  },
  { name: 'final-visarga', pattern: /\u0983$/g, replacement: '' }, // ক্রমশঃ → ক্রমশ
]

/** A quick test: does the word hold any character a rule looks at (reph included)? */
const MAY_NEED_FOLDING = /[\u09C0\u0988\u09C2\u098A\u09A3\u0999\u0983]|\u09B0\u09CD/

/** Folds one normalised word (see {@link FOLD_RULES}); words that need nothing come back as they are. */
export function fold(word: string): string {
  if (!MAY_NEED_FOLDING.test(word)) return word
  let folded = word
  for (const rule of FOLD_RULES) folded = folded.replace(rule.pattern, rule.replacement)
  return folded
}
