/**
 * Phonetic alias keys for Bengali words: K0 (blocking key) and K1 (verification key).
 *
 * The same word, above all a transcribed foreign name, is spelled in several ways
 * (ভ্লাদিভস্তক / ভ্লাদিভোস্টক, মাস্টার / মাষ্টার, ন্যাটো / নেটো). The variation follows a few
 * axes: aspiration, dental vs retroflex, the three sibilants, the inherent vowel vs o-kar,
 * vowel length. Keys erase exactly those axes.
 *
 * - K0: the consonant-class skeleton, with one `V` for a word-initial vowel (or run of vowels).
 * - K1: K0 plus three vowel classes `I`, `U`, `E`. অ আ া ও ো ঔ ৌ are dropped because they are
 *   the vowels that alternate with the inherent vowel.
 *
 * Two words are aliases when their K0 are equal and their K1 are within {@link aliasThreshold}
 * by {@link keyDistance}. The rules follow docs/bengali-text.md §3.2; romanize.ts maps Latin
 * words onto the same alphabet.
 *
 * Input: one word in canonical NFC form (nukta letters decomposed, no joiners). Anything
 * outside the Bengali block is ignored, so the functions never throw.
 *
 * @module
 */

/** The two keys of a word. */
export interface AliasKeys {
  /** Consonant-class skeleton with initial-vowel marker `V` (blocking key). */
  readonly k0: string
  /** K0 with the vowel classes `I`, `U`, `E` (verification key). */
  readonly k1: string
}

/**
 * Consonant classes. Each row lists the NFC letters keyed as one symbol.
 * Context rules (ক্ষ, জ্ঞ, nukta letters, ya-/ba-phala, geminates) are in {@link BengaliKeyScanner}.
 */
export const CONSONANT_CLASSES = {
  K: 'কখ', // velar voiceless stops, aspiration merged; ক্ষ is keyed as খ
  G: 'গঘ', // velar voiced stops; জ্ঞ is keyed as G (pronounced /gg/)
  Q: 'ঙং', // velar nasal and anusvara (রঙ / রং); ঙ্গ and ংগ are one Q
  C: 'চছ', // palatal voiceless affricates
  J: 'জঝয', // palatal voiced affricates; য is /dʒ/ (যাদু / জাদু) when not a ya-phala
  N: 'নণঞ', // dental, retroflex and palatal nasals
  T: 'তথটঠৎ', // dental and retroflex voiceless stops, khanda ta
  D: 'দধডঢ', // dental and retroflex voiced stops
  P: 'প', // labial voiceless stop
  F: 'ফ', // /pʰ ~ f/; English f is written ফ
  B: 'বভ', // ভ is /bʱ ~ v/; English v and w are written ভ or ব
  M: 'ম', // labial nasal
  R: 'রৰ', // r, Assamese ra; ড় ঢ় come from NUKTA_CLASSES
  L: 'ল', // l
  S: 'শষস', // the three sibilants
  H: 'হ', // h
} as const

/** A consonant class symbol. */
export type ConsonantClass = keyof typeof CONSONANT_CLASSES

/**
 * Syllabic letters keyed as a consonant class followed by the vowel class I:
 * Bengali pronounces ঋ / ৃ as "ri" (কৃষি krishi, ঋণ rin) and ঌ as "li".
 */
export const SYLLABIC_CLASSES = {
  R: 'ঋৃৠৄ', // vocalic r, independent and as vowel sign (long forms too)
  L: 'ঌৡৢৣ', // vocalic l (rare)
} as const

/** Vowel classes of K1. Row `A` is dropped from the keys. */
export const VOWEL_CLASSES = {
  I: 'ইঈিী', // i, ii: vowel length is not distinctive in spelling (জেলেনস্কি / জেলেনস্কী)
  U: 'উঊুূ', // u, uu
  E: 'এঐেৈ', // e, oi (ৈ is /oi/ but alternates with ে in transcriptions)
  A: 'অআাওোঔৌ', // dropped: they alternate with the inherent vowel (ভস্তক / ভোস্টক)
} as const

/** Letters written with a nukta (NFC keeps them decomposed) and their class; '' = dropped. */
export const NUKTA_CLASSES = {
  য: '', // য় is a glide between vowels (পিয়ংইয়ং / পিয়ংইয়াং): dropped
  ড: 'R', // ড় is a flap r
  ঢ: 'R', // ঢ় is an aspirated flap r
} as const

/** Marks that never change a key: candrabindu, visarga, au length mark, avagraha. */
export const SILENT_MARKS = 'ঁঃৗঽ'

/** Every symbol a key can contain. */
export const KEY_ALPHABET = 'KGQCJNTDPFBMRLSHIUEV'

/** Alias threshold for a K0 of at most {@link SHORT_KEY_MAX_LENGTH} symbols: K1 must be equal. */
export const SHORT_KEY_THRESHOLD = 0
/** Longest K0 that counts as short. */
export const SHORT_KEY_MAX_LENGTH = 2
/** Alias threshold for a K0 of 3 to {@link MEDIUM_KEY_MAX_LENGTH} symbols: one vowel edit. */
export const MEDIUM_KEY_THRESHOLD = 0.5
/** Longest K0 that counts as medium. */
export const MEDIUM_KEY_MAX_LENGTH = 4
/** Alias threshold for a longer K0: two vowel edits or one consonant edit. */
export const LONG_KEY_THRESHOLD = 1
/** Cost of inserting, deleting or substituting a vowel class in {@link keyDistance}. */
export const VOWEL_EDIT_COST = 0.5
/** Cost of any edit that involves a consonant class or `V`. */
export const CONSONANT_EDIT_COST = 1

const BLOCK_START = 0x0980
const BLOCK_SIZE = 0x80
const VIRAMA = 0x09cd
const NUKTA = 0x09bc
const KA = 0x0995
const SSA = 0x09b7
const JA = 0x099c
const NYA = 0x099e
const YA = 0x09af
const BA = 0x09ac
const MA = 0x09ae
const RA = 0x09b0
const AA_SIGN = 0x09be
const ANUSVARA = 0x0982
const KHANDA_TA = 0x09ce
/** Precomposed nukta letters, not NFC, accepted anyway: ড় ঢ় য়. */
const PRECOMPOSED_NUKTA: Readonly<Record<number, string>> = { 0x09dc: 'R', 0x09dd: 'R', 0x09df: '' }

// Kind 0 (the default) means: not part of any key (digits, signs like ঁ ঃ, other scripts).
const KIND_CONSONANT = 1
const KIND_VOWEL = 2
const KIND_SYLLABIC = 3
const KIND_VIRAMA = 4
const KIND_GLIDE = 5

/** Per code point of the Bengali block: what it is, and its key symbol ('' for a dropped vowel). */
const KIND = new Uint8Array(BLOCK_SIZE)
const SYMBOL: string[] = new Array<string>(BLOCK_SIZE).fill('')

function fillTable(table: Readonly<Record<string, string>>, kind: number): void {
  for (const [symbol, letters] of Object.entries(table)) {
    for (const letter of letters) {
      const offset = letter.charCodeAt(0) - BLOCK_START
      KIND[offset] = kind
      SYMBOL[offset] = symbol === 'A' ? '' : symbol
    }
  }
}

fillTable(CONSONANT_CLASSES, KIND_CONSONANT)
fillTable(SYLLABIC_CLASSES, KIND_SYLLABIC)
fillTable(VOWEL_CLASSES, KIND_VOWEL)
KIND[VIRAMA - BLOCK_START] = KIND_VIRAMA
for (const [code, symbol] of Object.entries(PRECOMPOSED_NUKTA)) {
  KIND[Number(code) - BLOCK_START] = symbol === '' ? KIND_GLIDE : KIND_CONSONANT
  SYMBOL[Number(code) - BLOCK_START] = symbol
}

const INDEPENDENT_VOWEL_FIRST = 0x0985
const INDEPENDENT_VOWEL_LAST = 0x0994

/** NUKTA_CLASSES by the code of the base letter. */
const NUKTA_BY_CODE: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(NUKTA_CLASSES).map(([letter, symbol]) => [letter.charCodeAt(0), symbol]),
)

/** The class of a base letter followed by a nukta, or undefined when the nukta changes nothing. */
function nuktaClass(code: number): string | undefined {
  return NUKTA_BY_CODE[code]
}

/**
 * One left-to-right pass over a word's code units. Holds the keys built so far and the little
 * context the rules need (previous consonant, whether it was joined by a virama, first syllable).
 */
class BengaliKeyScanner {
  k0 = ''
  k1 = ''
  private last = '' // last symbol appended to k1
  private leading = true // no consonant yet: vowels form the initial V
  private firstCluster = true // still inside the word's first consonant cluster
  private prevCode = 0 // code of the last consonant letter
  private prevWasConsonant = false
  private joinedByVirama = false // a virama stands between the last consonant and the next
  private dead = false // last letter was ং or ৎ: no inherent vowel follows it
  private rephPosition = false // last consonant is a র that a following consonant makes a reph
  private yaPhalaInFirstCluster = false

  scan(word: string): void {
    const length = word.length
    for (let i = 0; i < length; i++) {
      const code = word.charCodeAt(i)
      const offset = code - BLOCK_START
      if (offset < 0 || offset >= BLOCK_SIZE) continue
      const kind = KIND[offset]
      if (kind === KIND_CONSONANT) {
        const withNukta = word.charCodeAt(i + 1) === NUKTA ? nuktaClass(code) : undefined
        if (withNukta !== undefined) i++
        if (withNukta === '') this.glide()
        else this.consonant(code, withNukta ?? SYMBOL[offset] ?? '')
      } else if (kind === KIND_VOWEL) this.vowel(code, SYMBOL[offset] ?? '')
      else if (kind === KIND_VIRAMA) this.virama()
      else if (kind === KIND_SYLLABIC) this.syllabic(SYMBOL[offset] ?? '')
      else if (kind === KIND_GLIDE) this.glide()
    }
  }

  private consonant(code: number, symbol: string): void {
    const joined = this.joinedByVirama
    if (joined && this.isSilentPhala(code)) return this.silentPhala(code)
    if (joined && this.prevCode === KA && code === SSA) return // ক্ষ is keyed as খ
    if (joined && this.prevCode === JA && code === NYA) return this.replaceLast('G') // জ্ঞ
    if (this.prevWasConsonant && !joined && !this.dead) this.firstCluster = false
    const wordInitial = this.k0 === ''
    const collapses = (joined || this.dead) && (symbol === this.last || (symbol === 'G' && this.last === 'Q'))
    if (!collapses) this.emitConsonant(symbol)
    this.rephPosition = code === RA && !joined && !wordInitial
    this.afterConsonant(code)
  }

  /** ya-phala and ba-phala are silent after a consonant, except after a reph (কার্য, সর্ব) and ম্ব. */
  private isSilentPhala(code: number): boolean {
    if (code !== YA && code !== BA) return false
    if (this.prevCode === RA && this.rephPosition) return false
    return !(code === BA && this.prevCode === MA)
  }

  private silentPhala(code: number): void {
    if (code === YA && this.firstCluster) this.yaPhalaInFirstCluster = true
    this.joinedByVirama = false
  }

  /** য় between vowels: dropped from both keys. */
  private glide(): void {
    this.endCluster()
  }

  /** ঋ / ৃ: the consonant class, then vowel I. */
  private syllabic(symbol: string): void {
    this.emitConsonant(symbol)
    this.emitVowel('I')
    this.endCluster()
  }

  private vowel(code: number, symbol: string): void {
    if (this.leading) {
      if (this.k0 === '') this.emitInitialVowel()
    } else if (symbol !== '') this.emitVowel(symbol)
    else if (code === AA_SIGN && this.yaPhalaInFirstCluster) this.emitVowel('E') // ্যা is /æ/
    const independent = code >= INDEPENDENT_VOWEL_FIRST && code <= INDEPENDENT_VOWEL_LAST
    if (independent || !this.leading) this.endCluster()
  }

  /** A virama joins the next consonant; after an initial vowel it can only carry a ya-phala (অ্যা). */
  private virama(): void {
    if ((this.prevWasConsonant && !this.dead) || this.leading) this.joinedByVirama = true
  }

  private endCluster(): void {
    this.firstCluster = false
    this.prevWasConsonant = false
    this.joinedByVirama = false
    this.dead = false
    this.yaPhalaInFirstCluster = false
  }

  private afterConsonant(code: number): void {
    this.prevCode = code
    this.prevWasConsonant = true
    this.joinedByVirama = false
    this.dead = code === ANUSVARA || code === KHANDA_TA
    if (this.dead) this.firstCluster = false
  }

  private emitInitialVowel(): void {
    this.k0 = 'V'
    this.k1 = 'V'
    this.last = 'V'
  }

  private emitConsonant(symbol: string): void {
    this.leading = false
    this.k0 += symbol
    this.k1 += symbol
    this.last = symbol
  }

  private emitVowel(symbol: string): void {
    if (this.last === symbol) return
    this.k1 += symbol
    this.last = symbol
  }

  private replaceLast(symbol: string): void {
    if (this.last !== 'J') return
    this.k0 = this.k0.slice(0, -1) + symbol
    this.k1 = this.k1.slice(0, -1) + symbol
    this.last = symbol
  }
}

/**
 * Computes the K0 and K1 alias keys of one Bengali word.
 *
 * Aspirates, dental/retroflex stops, the sibilants and the nasals ন ণ ঞ are merged; ক্ষ is keyed
 * as খ, জ্ঞ as গ; য় and silent ya-/ba-phala are dropped (word-initial `্যা` gives E in K1);
 * consonants joined by a virama collapse when they share a class; ঙ/ং are Q and ঙ্গ/ংগ one Q;
 * ঋ/ৃ are R followed by I. One pass, table lookups only; never throws.
 *
 * @param word - one word in canonical NFC form
 * @returns the keys; both are '' for a word with no Bengali letter
 * @example
 * ```ts
 * bengaliKeys('ভ্লাদিভোস্টক') // { k0: 'BLDBSTK', k1: 'BLDIBSTK' }
 * bengaliKeys('ন্যাটো')       // { k0: 'NT', k1: 'NET' }
 * ```
 */
export function bengaliKeys(word: string): AliasKeys {
  const scanner = new BengaliKeyScanner()
  scanner.scan(word)
  return { k0: scanner.k0, k1: scanner.k1 }
}

function editCost(symbol: number): number {
  // I, U, E are vowel classes; every other symbol is a consonant class or V.
  return symbol === 73 || symbol === 85 || symbol === 69 ? VOWEL_EDIT_COST : CONSONANT_EDIT_COST
}

function substituteCost(a: number, b: number): number {
  if (a === b) return 0
  return editCost(a) === VOWEL_EDIT_COST && editCost(b) === VOWEL_EDIT_COST ? VOWEL_EDIT_COST : CONSONANT_EDIT_COST
}

/**
 * Weighted edit distance between two K1 keys: inserting, deleting or substituting a vowel class
 * (I, U, E) costs {@link VOWEL_EDIT_COST}; any edit involving a consonant class or V costs
 * {@link CONSONANT_EDIT_COST}.
 *
 * @param a - a K1 key
 * @param b - another K1 key
 * @param max - optional bound: once the distance must exceed it, a value greater than `max` is
 *   returned early (not necessarily the exact distance)
 * @example
 * ```ts
 * keyDistance(bengaliKeys('মিয়ানমার').k1, bengaliKeys('মায়ানমার').k1) // 0.5 (MINMR vs MNMR)
 * keyDistance(bengaliKeys('পুতিন').k1, bengaliKeys('পতন').k1)         // 1 (PUTIN vs PTN)
 * ```
 */
export function keyDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) * VOWEL_EDIT_COST > max) return max + VOWEL_EDIT_COST
  let previous = new Float64Array(b.length + 1)
  let current = new Float64Array(b.length + 1)
  for (let j = 1; j <= b.length; j++) previous[j] = (previous[j - 1] ?? 0) + editCost(b.charCodeAt(j - 1))
  for (let i = 1; i <= a.length; i++) {
    const symbol = a.charCodeAt(i - 1)
    current[0] = (previous[0] ?? 0) + editCost(symbol)
    let rowMin = current[0] ?? 0
    for (let j = 1; j <= b.length; j++) {
      const other = b.charCodeAt(j - 1)
      const value = Math.min(
        (previous[j] ?? 0) + editCost(symbol),
        (current[j - 1] ?? 0) + editCost(other),
        (previous[j - 1] ?? 0) + substituteCost(symbol, other),
      )
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return rowMin
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] ?? 0
}

/**
 * Largest K1 distance at which two words with the same K0 still count as aliases. Short keys
 * collide a lot (নেটো and নেতা share K1 `NET`), so the budget grows with the K0 length.
 *
 * @param k0Length - number of symbols in K0
 * @returns 0 for K0 ≤ 2 symbols, 0.5 for 3–4, 1 for 5 or more
 * @example
 * ```ts
 * aliasThreshold(bengaliKeys('পুতিন').k0.length)        // 0.5 (PTN)
 * aliasThreshold(bengaliKeys('ভ্লাদিভোস্টক').k0.length) // 1 (BLDBSTK)
 * ```
 */
export function aliasThreshold(k0Length: number): number {
  if (k0Length <= SHORT_KEY_MAX_LENGTH) return SHORT_KEY_THRESHOLD
  if (k0Length <= MEDIUM_KEY_MAX_LENGTH) return MEDIUM_KEY_THRESHOLD
  return LONG_KEY_THRESHOLD
}
