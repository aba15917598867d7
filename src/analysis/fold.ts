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

import { VIRAMA } from './data/bengali-letters.js'

/** One folding rule, for the docs and the test table. */
export interface FoldRule {
  /** What the rule does. */
  readonly name: string
  /** The pattern (on NFC text). */
  readonly pattern: RegExp
  /** The replacement text, or a function of the matched text. */
  readonly replacement: string | ((match: string) => string)
}

const CONSONANT = '[\\u0995-\\u09B9]'

/** Aspirated partners of a consonant that may follow it doubled after reph (`দ্ধ`, `চ্ছ`). */
const REPH_GEMINATES = '(?:ক্ক|ক্খ|গ্গ|গ্ঘ|চ্চ|চ্ছ|জ্জ|জ্ঝ|ট্ট|ট্ঠ|ড্ড|ড্ঢ|ত্ত|ত্থ|দ্দ|দ্ধ|প্প|প্ফ|ব্ব|ব্ভ|ম্ম|য্য|ল্ল|ন্ন|ণ্ণ|শ্শ|ষ্ষ|স্স)'

/** The folding rules, applied in order. */
export const FOLD_RULES: readonly FoldRule[] = [
  { name: 'dirgho-i to rossho-i (ী → ি, ঈ → ই)', pattern: /\u09C0/g, replacement: '\u09BF' },
  { name: 'independent ঈ → ই', pattern: /\u0988/g, replacement: '\u0987' },
  { name: 'dirgho-u to rossho-u (ূ → ু, ঊ → উ)', pattern: /\u09C2/g, replacement: '\u09C1' },
  { name: 'independent ঊ → উ', pattern: /\u098A/g, replacement: '\u0989' },
  { name: 'murdhanya ণ → dental ন', pattern: /\u09A3/g, replacement: '\u09A8' },
  { name: 'ঙ before ক/গ/খ/ঘ in a conjunct → ং', pattern: /\u0999\u09CD(?=[\u0995-\u0998])/g, replacement: '\u0982' },
  { name: 'ঙ at word end or before a consonant → ং', pattern: new RegExp(`\\u0999(?=$|${CONSONANT})`, 'g'), replacement: '\u0982' },
  {
    name: 'doubled consonant after reph → single (কার্য্য → কার্য)',
    pattern: new RegExp(`(?<=\\u09B0\\u09CD)${REPH_GEMINATES}`, 'g'),
    replacement: (geminate: string) => geminate.slice(2), // keep the second consonant of the pair
  },
  { name: 'word-final visarga dropped (ক্রমশঃ → ক্রমশ)', pattern: /\u0983$/g, replacement: '' },
].map((rule) => ({ ...rule, pattern: new RegExp(rule.pattern.source.normalize('NFC'), rule.pattern.flags) }))

/** Folds one normalised word (see {@link FOLD_RULES}); words that need nothing come back as they are. */
export function fold(word: string): string {
  if (!mayNeedFolding(word)) return word
  let folded = word
  for (const rule of FOLD_RULES) {
    // two calls because TypeScript's replace() overloads take a string or a function, not their union
    folded = typeof rule.replacement === 'string' ? folded.replace(rule.pattern, rule.replacement) : folded.replace(rule.pattern, rule.replacement)
  }
  return folded
}

/** A quick scan: does the word hold any character a rule looks at? */
function mayNeedFolding(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code === 0x09c0 || code === 0x0988 || code === 0x09c2 || code === 0x098a || code === 0x09a3) return true
    if (code === 0x0999 || code === 0x0983) return true
    if (code === VIRAMA && word.charCodeAt(i - 1) === 0x09b0) return true
  }
  return false
}
