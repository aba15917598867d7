/**
 * Suffix rules of the light stemmer, as data. Source: our own reading of Bengali grammar (case,
 * plural, classifier, emphatic and common verb endings), checked against the rule sets named in
 * `docs/analysis.md`. Every string is stored in NFC (nukta letters decomposed) and checked at load.
 *
 * A *strong* suffix is stripped; a *weak* one is stripped and the unstripped word is kept as a
 * second stem candidate, because such endings are often part of the word (`কমিটি`, `সরকার`).
 *
 * @module
 * @internal
 */

/** What must end the remaining stem for a suffix to be stripped. */
export type LeftContext =
  | 'any'
  | 'consonant' // a consonant, a conjunct, or ং
  | 'vowel' // a vowel sign, an independent vowel or ং
  | 'vowel-or-consonant'
  | 'vowel-not-e' // a vowel sign other than ে, or an independent vowel
  | 'aa-o-u' // া ো ু ূ
  | 'locative-te' // a vowel sign other than া/ে, an independent vowel, or য়া

/** One suffix rule. */
export interface SuffixRule {
  /** The ending, in NFC. */
  readonly suffix: string
  /** Strong rules strip; weak rules strip and keep the unstripped word as a second candidate. */
  readonly strength: 'strong' | 'weak'
  /** What must end the remaining stem. */
  readonly context: LeftContext
  /** What the rule is, for the test table and the docs. */
  readonly name: string
}

const rule = (name: string, strength: SuffixRule['strength'], context: LeftContext, suffixes: string[]): SuffixRule[] =>
  suffixes.map((suffix) => ({ suffix: suffix.normalize('NFC'), strength, context, name }))

/** The rules; the stemmer tries the longest matching suffix first. */
export const SUFFIX_RULES: readonly SuffixRule[] = [
  ...rule('plural+case', 'strong', 'any', [
    'গুলোকে', 'গুলোতে', 'গুলোয়', 'গুলোর', 'গুলিকে', 'গুলিতে', 'গুলির', 'গুলো', 'গুলি', 'গুলা',
    'সমূহের', 'সমূহকে', 'সমূহে', 'সমূহ', 'দেরকে', 'দের',
  ]),
  ...rule('plural -য়েরা', 'strong', 'vowel', ['য়েরা']),
  ...rule('plural -েরা', 'strong', 'consonant', ['েরা']),
  ...rule('plural -রা', 'strong', 'vowel-or-consonant', ['রা']),
  ...rule('classifier', 'weak', 'any', ['টিকে', 'টিতে', 'টির', 'টি']),
  ...rule('genitive -য়ের', 'strong', 'vowel', ['য়ের']),
  ...rule('genitive -ের', 'strong', 'any', ['ের']),
  ...rule('objective/comitative', 'strong', 'any', ['কে', 'সহ']),
  ...rule('locative -তে', 'strong', 'locative-te', ['তে']),
  ...rule('locative -য়ে', 'weak', 'vowel', ['য়ে']),
  ...rule('genitive -র after a vowel', 'weak', 'vowel-not-e', ['র']),
  ...rule('locative -য় after a vowel', 'weak', 'aa-o-u', ['য়']),
  ...rule('locative -ে after a consonant', 'weak', 'consonant', ['ে']),
  ...rule('o-kar variant', 'weak', 'consonant', ['ো']),
  ...rule('verb ending', 'strong', 'any', [
    'েছিলেন', 'েছিলাম', 'েছিল', 'েছেন', 'েছে', 'ছিলেন', 'ছিলাম', 'ছিল', 'চ্ছেন', 'চ্ছিল', 'চ্ছে', 'ছেন', 'লেন', 'বেন',
  ]),
].sort((a, b) => b.suffix.length - a.suffix.length)

/** Emphatic clitics stripped before the suffix slot: `পুতিনেরই`, `দেশেও`. */
export const EMPHATIC_CLITICS: readonly string[] = ['ই', 'ও']
