/**
 * The pairs every engine adapter must make meet, run against each real engine: a document holds
 * one form, the query the other, in both directions. Distractors hold neither form, so a hit is
 * never a match on everything.
 */

/** One pair of forms of a word that must match each other. */
export interface MeetCase {
  /** What the pair tests. */
  readonly kind: 'inflection' | 'digits' | 'unicode' | 'spelling reform'
  /** Form written in the document. */
  readonly inDocument: string
  /** Form typed in the query. */
  readonly inQuery: string
}

const YA_NUKTA = '\u09DF' // য় precomposed (NFC decomposes it)
const YA_PLUS_NUKTA = '\u09AF\u09BC' // য + nukta

const PAIRS: ReadonlyArray<readonly [MeetCase['kind'], string, string]> = [
  ['inflection', 'পুতিনের', 'পুতিন'],
  ['inflection', 'দেশগুলোর', 'দেশ'],
  ['inflection', 'ওয়াশিংটনে', 'ওয়াশিংটনের'],
  ['digits', '২০১৯', '2019'],
  ['digits', '১২৫০', '1,250'],
  ['unicode', `রাশি${YA_NUKTA}া`, `রাশি${YA_PLUS_NUKTA}া`],
  ['unicode', 'সাড়ম্বরে'.normalize('NFD'), 'সাড়ম্বরে'.normalize('NFC')],
  ['unicode', 'উত্\u200Dক্ষেপণ', 'উৎক্ষেপণ'], // legacy khanda ta: ত + hasanta + ZWJ
  ['spelling reform', 'সরকারী', 'সরকারি'],
  ['spelling reform', 'শ্রেণী', 'শ্রেণি'],
  ['spelling reform', 'গভর্ণর', 'গভর্নর'],
]

/** Each pair in both directions. */
export const MEET_CASES: readonly MeetCase[] = PAIRS.flatMap(([kind, a, b]) => [
  { kind, inDocument: a, inQuery: b },
  { kind, inDocument: b, inQuery: a },
])

/** Documents around the one under test: Bengali text sharing no word with any pair. */
export const DISTRACTORS: readonly string[] = [
  'ঢাকায় আজ বৃষ্টি হয়েছে',
  'নদীর ধারে একটি গ্রাম',
  'চট্টগ্রাম বন্দরে জাহাজ ভিড়েছে',
]

/** The document under test: the form inside a short sentence. */
export function sentenceWith(form: string): string {
  return `গতকাল ${form} নিয়ে আলোচনা হয়`
}

/** A case's label for `it.each`. */
export function label(testCase: MeetCase): string {
  return `${testCase.kind}: ${JSON.stringify(testCase.inQuery)} finds ${JSON.stringify(testCase.inDocument)}`
}
