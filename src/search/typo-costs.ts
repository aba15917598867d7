/**
 * What a Bengali typo costs: the slips people make when they type Bengali, as named classes of
 * letters with a cost each, for the weighted edit distance of {@link typoDistance}. An edit not
 * listed here costs 1; a listed one less, so that `অর্তে` (থ typed as ত) is closer to `অর্থে`
 * than `অর্কে` is.
 *
 * Sources: the confusions Bengali spelling guides list (Bangla Academy's *প্রমিত বাংলা বানানের
 * নিয়ম*: ি/ী, ু/ূ, ন/ণ, শ/ষ/স, জ/য), the aspiration pairs of the varga table (phonetic
 * keyboards such as Avro type ক and খ as k and kh), and the edits of the misspelling dev set
 * (bench/ranking/misspell.ts). All letters are NFC (ড় is ড + nukta, one unit here).
 *
 * @module
 * @internal
 */

/** Letters typed for one another, at a cost below a full substitution. */
export interface SubstitutionClass {
  /** The rule's id (each has a row in the tests). */
  readonly rule: string
  /** The letters (units: a code point, or a letter with its nukta) that stand for one another. */
  readonly letters: readonly string[]
  /** The cost of typing one for another. */
  readonly cost: number
}

/** Letters typed or left out by slips that cost less than a full insertion or deletion. */
export interface IndelClass {
  readonly rule: string
  readonly letters: readonly string[]
  readonly cost: number
}

/** A length or quality slip of a vowel; the spelling reform made ি/ী and ু/ূ a common doubt. */
const VOWEL_LENGTH = 0.25
/** A vowel for its neighbour (ে/ৈ, ো/ৌ). */
const VOWEL_NEIGHBOUR = 0.5
/** A consonant for its aspirated or unaspirated partner, or a homophone. */
const CONSONANT_PAIR = 0.5
/** Letters pronounced alike everywhere (ন/ণ, শ/ষ/স, ং/ঙ). */
const HOMOPHONE = 0.25

/** The substitution classes. */
export const SUBSTITUTION_CLASSES: readonly SubstitutionClass[] = [
  { rule: 'i-length', letters: ['ি', 'ী'], cost: VOWEL_LENGTH }, // বীন্দু → বিন্দু
  { rule: 'u-length', letters: ['ু', 'ূ'], cost: VOWEL_LENGTH }, // গূষ্টি → গুষ্টি
  { rule: 'independent-i-length', letters: ['ই', 'ঈ'], cost: VOWEL_LENGTH }, // ঈদানীং → ইদানীং
  { rule: 'independent-u-length', letters: ['উ', 'ঊ'], cost: VOWEL_LENGTH },
  { rule: 'e-oi', letters: ['ে', 'ৈ'], cost: VOWEL_NEIGHBOUR }, // হাঁটৈ → হাঁটে
  { rule: 'o-ou', letters: ['ো', 'ৌ'], cost: VOWEL_NEIGHBOUR }, // গৌপন → গোপন
  { rule: 'independent-e-oi', letters: ['এ', 'ঐ'], cost: VOWEL_NEIGHBOUR },
  { rule: 'independent-o-ou', letters: ['ও', 'ঔ'], cost: VOWEL_NEIGHBOUR },
  { rule: 'aspiration-k', letters: ['ক', 'খ'], cost: CONSONANT_PAIR }, // সকলখে → সকলকে
  { rule: 'aspiration-g', letters: ['গ', 'ঘ'], cost: CONSONANT_PAIR }, // নঘরে → নগরে
  { rule: 'aspiration-c', letters: ['চ', 'ছ'], cost: CONSONANT_PAIR },
  { rule: 'aspiration-j', letters: ['জ', 'ঝ'], cost: CONSONANT_PAIR },
  { rule: 'aspiration-tt', letters: ['ট', 'ঠ'], cost: CONSONANT_PAIR }, // সময়ঠা → সময়টা
  { rule: 'aspiration-dd', letters: ['ড', 'ঢ'], cost: CONSONANT_PAIR },
  { rule: 'aspiration-t', letters: ['ত', 'থ'], cost: CONSONANT_PAIR }, // অর্তে → অর্থে
  { rule: 'aspiration-d', letters: ['দ', 'ধ'], cost: CONSONANT_PAIR },
  { rule: 'aspiration-p', letters: ['প', 'ফ'], cost: CONSONANT_PAIR },
  { rule: 'aspiration-b', letters: ['ব', 'ভ'], cost: CONSONANT_PAIR }, // দিভস → দিবস
  { rule: 'dental-retroflex-t', letters: ['ত', 'ট'], cost: CONSONANT_PAIR }, // ইন্টারনেট / ইন্তারনেত
  { rule: 'dental-retroflex-th', letters: ['থ', 'ঠ'], cost: CONSONANT_PAIR },
  { rule: 'dental-retroflex-d', letters: ['দ', 'ড'], cost: CONSONANT_PAIR },
  { rule: 'dental-retroflex-dh', letters: ['ধ', 'ঢ'], cost: CONSONANT_PAIR },
  { rule: 'ja-ya', letters: ['জ', 'য'], cost: CONSONANT_PAIR }, // জাবো → যাবো
  { rule: 'ra-rra', letters: ['র', 'ড\u09BC', 'ঢ\u09BC'], cost: CONSONANT_PAIR }, // উজার → উজাড়
  { rule: 'na-nna', letters: ['ন', 'ণ'], cost: HOMOPHONE }, // আসুণ → আসুন
  { rule: 'sibilants', letters: ['শ', 'ষ', 'স'], cost: HOMOPHONE }, // সহর → শহর
  { rule: 'anusvara-nga', letters: ['ং', 'ঙ'], cost: HOMOPHONE }, // রঙ → রং
  { rule: 'ya-glide', letters: ['য়', 'য'], cost: CONSONANT_PAIR }, // য় is য + nukta
]

/** The insertion and deletion classes (context rules are in {@link indelCost}). */
export const INDEL_CLASSES: readonly IndelClass[] = [
  { rule: 'vowel-sign', letters: [...'ািীুূৃেৈোৌ'], cost: 0.5 }, // থকেনি → থাকেনি
  { rule: 'chandrabindu', letters: ['ঁ'], cost: 0.25 }, // ডেকেঁ → ডেকে
  { rule: 'anusvara-visarga', letters: ['ং', 'ঃ'], cost: 0.5 },
  { rule: 'virama', letters: ['\u09CD'], cost: 0.5 }, // a conjunct written apart: শকতি → শক্তি
  { rule: 'ya-glide-dropped', letters: ['য়'], cost: 0.5 }, // দেওা → দেওয়া
]

/** A consonant after a virama that forms a phala (্য ্ব ্র), left out or added as a slip. */
export const PHALA_LETTERS: readonly string[] = ['য', 'ব', 'র']
/** Leaving out or adding a phala consonant (after its virama, which costs its own). */
export const PHALA_COST = 0.5
/** Doubling a consonant (ক → ক্ক: the virama, then this). */
export const GEMINATION_COST = 0.5
/** The two consonants of a conjunct in the other order (ত্ব → ব্ত). */
export const CONJUNCT_SWAP_COST = 0.5
/** Two neighbouring grapheme clusters in the other order (ভালসাবার → ভালবাসার). */
export const CLUSTER_SWAP_COST = 1
/** A grapheme cluster typed twice (পাথথর → পাথর). */
export const CLUSTER_REPEAT_COST = 0.5
/** Two neighbouring letters in the other order. */
export const UNIT_SWAP_COST = 1

const substitutionCosts = new Map<string, number>()
for (const { letters, cost } of SUBSTITUTION_CLASSES) {
  for (const a of letters) for (const b of letters) if (a !== b) substitutionCosts.set(`${a}\u0000${b}`, Math.min(cost, substitutionCosts.get(`${a}\u0000${b}`) ?? 1))
}
const indelCosts = new Map<string, number>()
for (const { letters, cost } of INDEL_CLASSES) for (const letter of letters) indelCosts.set(letter, cost)

/** The cost of typing unit `b` where `a` belongs (0 for the same unit, 1 when no class has both). */
export function substitutionCost(a: string, b: string): number {
  return a === b ? 0 : (substitutionCosts.get(`${a}\u0000${b}`) ?? 1)
}

const VIRAMA = '\u09CD'

/**
 * The cost of inserting or deleting `units[i]`, given its neighbours: a phala consonant after a
 * virama, or a consonant that doubles the one before the virama, costs less than 1.
 */
export function indelCost(units: readonly string[], i: number): number {
  const unit = units[i] as string
  const listed = indelCosts.get(unit)
  if (listed !== undefined) return listed
  if (units[i - 1] === VIRAMA) {
    if (PHALA_LETTERS.includes(unit)) return PHALA_COST
    if (units[i - 2] === unit) return GEMINATION_COST
  }
  return 1
}
