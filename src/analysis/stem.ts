/**
 * Stage 3 of the analysis chain: a light, rule-based stemmer.
 *
 * One optional emphatic clitic (`-ই`, `-ও`), then at most ONE suffix from an ordered table (case,
 * plural, classifier, a few verb endings), with a left-context test per rule and a guard counted
 * in letters: the stem keeps at least two letters. Where a strip is ambiguous, two stem
 * candidates come out; a query word matches a document word when their candidates meet.
 *
 * @module
 */

import { BanglaSearchError, describeValue } from '../errors.js'
import { NUKTA, VIRAMA, isBengaliLetter, isConsonant, isIndependentVowel, isVowelSign } from './data/bengali-letters.js'
import { EMPHATIC_CLITICS, type LeftContext, SUFFIX_RULES, type SuffixRule } from './data/suffixes.js'

/** The fewest letters a stem keeps (consonants, independent vowels, ং, ৎ; signs do not count). */
export const MIN_STEM_LETTERS = 2

const SIGN_E = 0x09c7
const SIGN_AA = 0x09be
const ANUSVARA = 0x0982
const YA_NUKTA_AA = 'য়া'.normalize('NFC')

/** The suffix rules grouped by their last code unit (longest first within a group): a word meets only the rules that can match it. */
const RULES_BY_LAST_CODE: ReadonlyMap<number, readonly SuffixRule[]> = (() => {
  const groups = new Map<number, SuffixRule[]>()
  for (const rule of SUFFIX_RULES) {
    const last = rule.suffix.charCodeAt(rule.suffix.length - 1)
    groups.set(last, [...(groups.get(last) ?? []), rule])
  }
  return groups
})()

/**
 * Returns the stem candidates of one normalised Bengali word: one, or two where the strip is
 * ambiguous (the first is the more stripped). Words that are not Bengali come back unchanged.
 *
 * @param word - one word in canonical form (see {@link normalize})
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `word` is not a string
 *
 * @example
 * ```ts
 * stemCandidates('পুতিনের')     // ['পুতিন']
 * stemCandidates('রাশিয়ার')    // ['রাশিয়া', 'রাশিয়ার']
 * stemCandidates('বৈঠকে')      // ['বৈঠ', 'বৈঠক']
 * ```
 */
export function stemCandidates(word: string): string[] {
  if (typeof word !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `stem() takes a string, got ${describeValue(word)}.`)
  }
  const base = stripEmphatic(word)
  let primary: string | undefined
  let alternative: string | undefined
  for (const rule of RULES_BY_LAST_CODE.get(base.charCodeAt(base.length - 1)) ?? []) {
    if (!base.endsWith(rule.suffix) || base.length === rule.suffix.length) continue
    const stem = base.slice(0, base.length - rule.suffix.length)
    if (!contextHolds(stem, rule.context) || countLetters(stem) < MIN_STEM_LETTERS) continue
    if (primary === undefined) {
      primary = stem
      if (rule.strength === 'weak') {
        alternative = base
        break
      }
    } else if (stem !== primary) {
      alternative = stem
      break
    }
  }
  if (primary === undefined) return [base]
  return alternative === undefined ? [primary] : [primary, alternative]
}

/**
 * Returns the main stem of one normalised Bengali word: the first of {@link stemCandidates}.
 *
 * @example
 * ```ts
 * stem('দেশগুলোর')          // 'দেশ'
 * stem('ক্ষেপণাস্ত্রসহ')      // 'ক্ষেপণাস্ত্র'
 * stem('মাসেরও')             // 'মাস'
 * ```
 */
export function stem(word: string): string {
  return stemCandidates(word)[0] as string
}

/** Strips `-ই`/`-ও` after a consonant (nukta allowed) or after `ে`, keeping two letters. */
function stripEmphatic(word: string): string {
  for (const clitic of EMPHATIC_CLITICS) {
    if (!word.endsWith(clitic) || word.length <= clitic.length) continue
    const rest = word.slice(0, -clitic.length)
    const last = lastCode(rest)
    const beforeNukta = last === NUKTA ? rest.charCodeAt(rest.length - 2) : last
    if ((isConsonant(beforeNukta) || last === SIGN_E) && countLetters(rest) >= MIN_STEM_LETTERS) return rest
  }
  return word
}

function contextHolds(stem: string, context: LeftContext): boolean {
  const last = lastCode(stem)
  const endsInConsonant = isConsonant(last) || last === NUKTA || last === ANUSVARA || last === 0x09ce
  const endsInVowel = isVowelSign(last) || isIndependentVowel(last) || last === ANUSVARA
  switch (context) {
    case 'any':
      return true
    case 'consonant':
      return endsInConsonant
    case 'vowel':
      return endsInVowel
    case 'vowel-or-consonant':
      return endsInVowel || endsInConsonant
    case 'vowel-not-e':
      return (isVowelSign(last) && last !== SIGN_E) || isIndependentVowel(last)
    case 'aa-o-u':
      return last === SIGN_AA || last === 0x09cb || last === 0x09c1 || last === 0x09c2
    case 'locative-te':
      return (isVowelSign(last) && last !== SIGN_AA && last !== SIGN_E) || isIndependentVowel(last) || stem.endsWith(YA_NUKTA_AA)
  }
}

/** Counts letters: consonants not followed by a virama-joined partner count once per conjunct member. */
export function countLetters(word: string): number {
  let letters = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (isBengaliLetter(code) && code !== VIRAMA) letters++
  }
  return letters
}

function lastCode(text: string): number {
  return text.length > 0 ? text.charCodeAt(text.length - 1) : -1
}
