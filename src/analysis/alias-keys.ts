/**
 * Phonetic alias keys for Bengali words. One word, above all a transcribed name, is spelled in
 * several ways (ভ্লাদিভস্তক / ভ্লাদিভোস্টক, মাস্টার / মাষ্টার, ন্যাটো / নেটো) along a few axes:
 * aspiration, dental vs retroflex, the sibilants, inherent vowel vs o-kar, vowel length. The keys
 * erase those axes. K0 (blocking key) is the consonant-class skeleton with one `V` for a
 * word-initial vowel run; K1 (verification key) adds the vowel classes `I`, `U`, `E`. Two words
 * are aliases when K0 is equal and K1 is within {@link aliasThreshold} by {@link keyDistance}.
 * Rules: docs/bengali-text.md §3.2, listed in {@link BENGALI_KEY_RULES}; romanize.ts maps Latin
 * words onto the same alphabet. Input: one word in NFC (nukta letters decomposed, no joiners);
 * anything outside the Bengali block is ignored, so nothing here throws.
 *
 * @module
 */

import { NUKTA, VIRAMA, isIndependentVowel } from './data/bengali-letters.js'

/** The two keys of a word. */
export interface AliasKeys {
  /** Consonant-class skeleton with the initial-vowel marker `V` (blocking key). */
  readonly k0: string
  /** K0 with the vowel classes `I`, `U`, `E` (verification key). */
  readonly k1: string
}

/** Consonant classes: each row lists the NFC letters keyed as one symbol. */
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
  F: 'ফ', // /pʰ ~ f/: English f is written ফ
  B: 'বভ', // ভ is /bʱ ~ v/: English v is written ভ
  M: 'ম', // labial nasal
  R: 'রৰ', // r and Assamese ra; ড় ঢ় come from NUKTA_CLASSES, ঋ from SYLLABIC_CLASSES
  L: 'ল', // l
  S: 'শষস', // the three sibilants
  H: 'হ', // h
} as const

/** Syllabic letters, keyed as their consonant class followed by I: ঋ / ৃ are said "ri" (কৃষি, ঋণ). */
export const SYLLABIC_CLASSES = {
  R: 'ঋৃৠৄ', // vocalic r, independent and as a vowel sign
  L: 'ঌৡৢৣ', // vocalic l (rare)
} as const

/** Vowel classes of K1 (independent letters and signs). Row `A` is dropped from the keys. */
export const VOWEL_CLASSES = {
  I: 'ইঈিী', // i and long i: length is not kept in spelling (জেলেনস্কি / জেলেনস্কী)
  U: 'উঊুূ', // u and long u
  E: 'এঐেৈ', // e and oi (ৈ alternates with ে in transcriptions)
  A: 'অআাওোঔৌ', // dropped: they alternate with the inherent vowel (ভস্তক / ভোস্টক)
} as const

/** Letters written with a nukta (NFC keeps them decomposed) and their class; '' = dropped. */
export const NUKTA_CLASSES = {
  য: '', // য় is a glide between vowels (পিয়ংইয়ং / পিয়ংইয়াং): dropped
  ড: 'R', // ড় is a flapped r
  ঢ: 'R', // ঢ় is an aspirated flapped r
} as const

/** Every rule of the keys, by id (each has a row in the key tests). */
export const BENGALI_KEY_RULES = {
  'consonant-class': 'aspirates, dental/retroflex, sibilants and nasals merged (CONSONANT_CLASSES)',
  'vowel-class': 'I, U, E kept in K1; অ আ া ও ো ঔ ৌ dropped (VOWEL_CLASSES)',
  'initial-vowel': 'a word-initial vowel or run of vowels is one V',
  'vowel-repeat': 'a vowel class repeated in a row is kept once',
  geminate: 'consonants of one class joined by a virama are one symbol (ত্ত, দ্ধ, চ্ছ)',
  'nga-ga': 'ঙ্গ and ংগ are one Q',
  kssa: 'ক্ষ is keyed as খ',
  jnya: 'জ্ঞ is keyed as G',
  'ya-phala': 'ya-phala after a consonant is dropped',
  'ya-phala-aa': 'ya-phala + া in the first cluster of the word is E in K1 (ন্যাটো / নেটো)',
  'ha-ya': 'হ্য is keyed as J (সহ্য, ঐতিহ্য)',
  reph: 'য and ব after a reph are consonants (কার্য, সর্ব)',
  'ba-phala': 'ba-phala after a consonant other than ম is dropped (বিশ্ব, স্বাধীন; ম্ব keeps B)',
  nukta: 'য় is dropped; ড় ঢ় are R (NUKTA_CLASSES)',
  'syllabic-r': 'ঋ and ৃ are R followed by I (SYLLABIC_CLASSES)',
  'silent-mark': 'ঁ ঃ ৗ ঽ and characters outside the Bengali block add nothing',
} as const

/** A rule id of {@link BENGALI_KEY_RULES}. */
export type BengaliKeyRule = keyof typeof BENGALI_KEY_RULES

/** Every symbol a key can contain. */
export const KEY_ALPHABET = 'KGQCJNTDPFBMRLSHIUEV'

/** Longest K0 that counts as short; short keys alias only on equal K1. */
export const SHORT_KEY_MAX_LENGTH = 2
/** Longest K0 that counts as medium. */
export const MEDIUM_KEY_MAX_LENGTH = 4
/** Alias threshold for short K0 (≤ 2 symbols): K1 must be equal. */
export const SHORT_KEY_THRESHOLD = 0
/** Alias threshold for medium K0 (3–4 symbols): one vowel edit. */
export const MEDIUM_KEY_THRESHOLD = 0.5
/** Alias threshold for long K0 (≥ 5 symbols): two vowel edits or one consonant edit. */
export const LONG_KEY_THRESHOLD = 1
/** Cost of inserting, deleting or substituting a vowel class in {@link keyDistance}. */
export const VOWEL_EDIT_COST = 0.5
/** Cost of any edit that involves a consonant class or `V`. */
export const CONSONANT_EDIT_COST = 1

const BLOCK_START = 0x0980
const BLOCK_SIZE = 0x80
const [AA_SIGN, ANUSVARA, KHANDA_TA] = [0x09be, 0x0982, 0x09ce]
const [KA, SSA, JA, NYA, YA, BA, MA, RA, HA] = [...'কষজঞযবমরহ'].map((letter) => letter.charCodeAt(0))
/** Precomposed ড় ঢ় য় are not NFC but are accepted anyway. */
const PRECOMPOSED_NUKTA_LETTERS: ReadonlyArray<readonly [number, string]> = [[0x09dc, 'R'], [0x09dd, 'R'], [0x09df, '']]

// What each code point of the Bengali block is; 0 (the default) adds nothing to a key.
const KIND_CONSONANT = 1
const KIND_VOWEL = 2
const KIND_SYLLABIC = 3
const KIND_VIRAMA = 4
const KIND = new Uint8Array(BLOCK_SIZE)
/** The key symbol of each code point of the block ('' for a dropped vowel or a glide). */
const SYMBOL: string[] = new Array<string>(BLOCK_SIZE).fill('')
/** The class of a base letter followed by a nukta, by code point. */
const NUKTA_SYMBOL = new Map<number, string>()

function fillTable(table: Readonly<Record<string, string>>, kind: number): void {
  for (const [symbol, letters] of Object.entries(table)) {
    for (const letter of letters) {
      KIND[letter.charCodeAt(0) - BLOCK_START] = kind
      SYMBOL[letter.charCodeAt(0) - BLOCK_START] = symbol === 'A' ? '' : symbol
    }
  }
}

fillTable(CONSONANT_CLASSES, KIND_CONSONANT)
fillTable(SYLLABIC_CLASSES, KIND_SYLLABIC)
fillTable(VOWEL_CLASSES, KIND_VOWEL)
KIND[VIRAMA - BLOCK_START] = KIND_VIRAMA
for (const [letter, symbol] of Object.entries(NUKTA_CLASSES)) NUKTA_SYMBOL.set(letter.charCodeAt(0), symbol)
for (const [code, symbol] of PRECOMPOSED_NUKTA_LETTERS) {
  KIND[code - BLOCK_START] = KIND_CONSONANT
  SYMBOL[code - BLOCK_START] = symbol
}

/**
 * One left-to-right pass over the code units of a word: the keys built so far, plus the little
 * context the cluster rules need.
 */
class BengaliKeyScanner {
  #k0 = ''
  #k1 = ''
  #last = '' // last symbol appended to K1
  #leading = true // no consonant yet: vowels make the initial V
  #firstCluster = true // still in the first consonant cluster of the word
  #prevCode = 0 // the consonant just read, 0 after a vowel
  #joined = false // a virama joins the consonant just read to the next one
  #dead = false // the letter just read was ং or ৎ, which carry no inherent vowel
  #reph = false // the consonant just read is a র that becomes a reph
  #yaPhalaE = false // a ya-phala in the first cluster: a following া is /æ/

  /** Computes the keys of one word; the scanner is reset first, so one instance serves every call. */
  scan(word: string): AliasKeys {
    this.#k0 = this.#k1 = this.#last = ''
    this.#leading = this.#firstCluster = true
    this.#prevCode = 0
    this.#joined = this.#dead = this.#reph = this.#yaPhalaE = false
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i)
      const offset = code - BLOCK_START
      if (offset < 0 || offset >= BLOCK_SIZE) continue
      const kind = KIND[offset]
      const symbol = SYMBOL[offset] ?? ''
      if (kind === KIND_CONSONANT) {
        const nukta = word.charCodeAt(i + 1) === NUKTA ? NUKTA_SYMBOL.get(code) : undefined
        if (nukta !== undefined) i++
        const letter = nukta ?? symbol
        if (letter === '') this.#endCluster() // য়, a glide: dropped
        else this.#consonant(code, letter)
      } else if (kind === KIND_VOWEL) this.#vowel(code, symbol)
      else if (kind === KIND_VIRAMA) this.#virama()
      else if (kind === KIND_SYLLABIC) this.#syllabic(symbol)
    }
    return { k0: this.#k0, k1: this.#k1 }
  }

  #consonant(code: number, symbol: string): void {
    const joined = this.#joined
    const prevCode = this.#prevCode
    if (joined && (code === YA || code === BA) && this.#isSilentPhala(code)) return this.#silentPhala(code)
    if (joined && prevCode === KA && code === SSA) return this.#afterConsonant(code) // ক্ষ is খ
    if (joined && prevCode === JA && code === NYA) return this.#rekeyLast('G', code) // জ্ঞ is /gg/
    if (prevCode !== 0 && !joined && !this.#dead) this.#firstCluster = false
    const wordInitial = this.#k0 === ''
    const tied = joined || this.#dead
    if (!(tied && (symbol === this.#last || (symbol === 'G' && this.#last === 'Q')))) this.#emitConsonant(symbol)
    this.#afterConsonant(code)
    this.#reph = code === RA && !joined && !wordInitial
  }

  /** ya- and ba-phala are silent, except after a reph (কার্য, সর্ব) and in ম্ব. */
  #isSilentPhala(code: number): boolean {
    if (this.#prevCode === RA && this.#reph) return false
    return !(code === BA && this.#prevCode === MA)
  }

  #silentPhala(code: number): void {
    if (code === YA && this.#prevCode === HA) return this.#rekeyLast('J', code) // হ্য is /dʒʱ/
    if (code === YA && this.#firstCluster) this.#yaPhalaE = true
    this.#joined = false
  }

  /** ঋ / ৃ: the consonant class, then the vowel I. */
  #syllabic(symbol: string): void {
    this.#emitConsonant(symbol)
    this.#emitVowel('I')
    this.#endCluster()
  }

  #vowel(code: number, symbol: string): void {
    if (this.#leading) {
      if (this.#k0 === '') this.#k0 = this.#k1 = this.#last = 'V'
      if (isIndependentVowel(code)) this.#endCluster()
      return
    }
    if (symbol !== '') this.#emitVowel(symbol)
    else if (code === AA_SIGN && this.#yaPhalaE) this.#emitVowel('E') // ্যা is /æ/
    this.#endCluster()
  }

  /** A virama joins the next consonant; after an initial vowel it can only carry a ya-phala (অ্যা). */
  #virama(): void {
    if ((this.#prevCode !== 0 && !this.#dead) || this.#leading) this.#joined = true
  }

  #endCluster(): void {
    this.#firstCluster = false
    this.#prevCode = 0
    this.#joined = false
    this.#dead = false
    this.#yaPhalaE = false
  }

  #afterConsonant(code: number): void {
    this.#prevCode = code
    this.#joined = false
    this.#yaPhalaE = false
    this.#dead = code === ANUSVARA || code === KHANDA_TA
    if (this.#dead) this.#firstCluster = false
  }

  #emitConsonant(symbol: string): void {
    this.#leading = false
    this.#k0 += symbol
    this.#k1 += symbol
    this.#last = symbol
  }

  #emitVowel(symbol: string): void {
    if (this.#last === symbol) return
    this.#k1 += symbol
    this.#last = symbol
  }

  /** The consonant just emitted (K0 and K1 end with it) and the one joined to it are keyed as `symbol`. */
  #rekeyLast(symbol: string, code: number): void {
    this.#k0 = this.#k0.slice(0, -1) + symbol
    this.#k1 = this.#k1.slice(0, -1) + symbol
    this.#last = symbol
    this.#afterConsonant(code)
  }
}

/**
 * Computes the K0 and K1 alias keys of one Bengali word (rules: {@link BENGALI_KEY_RULES}).
 * One pass over the code units with table lookups; never throws.
 *
 * @param word - one word in canonical NFC form (nukta letters decomposed)
 * @returns the keys; both are '' for a word with no Bengali letter
 * @example
 * ```ts
 * bengaliKeys('ভ্লাদিভোস্টক') // { k0: 'BLDBSTK', k1: 'BLDIBSTK' }, as for ভ্লাদিভস্তক
 * bengaliKeys('ন্যাটো')       // { k0: 'NT', k1: 'NET' }, as for নেটো
 * ```
 */
export function bengaliKeys(word: string): AliasKeys {
  return SCANNER.scan(word)
}

/** One scanner, reset by every scan: bengaliKeys runs once per vocabulary word, so no allocation. */
const SCANNER = new BengaliKeyScanner()

/** Edit cost of one key symbol (by char code): I (73), U (85) and E (69) are vowel classes. */
function editCost(symbol: number): number {
  return symbol === 73 || symbol === 85 || symbol === 69 ? VOWEL_EDIT_COST : CONSONANT_EDIT_COST
}

function substituteCost(a: number, b: number): number {
  if (a === b) return 0
  return Math.max(editCost(a), editCost(b))
}

/**
 * Weighted edit distance between two K1 keys: inserting, deleting or substituting a vowel class
 * (I, U, E) costs {@link VOWEL_EDIT_COST}; any edit involving a consonant class or V costs
 * {@link CONSONANT_EDIT_COST}.
 *
 * @param a - a K1 key
 * @param b - another K1 key
 * @param max - optional bound: once the distance must exceed it, some value greater than `max`
 *   is returned at once (not necessarily the exact distance)
 * @example
 * ```ts
 * keyDistance(bengaliKeys('মিয়ানমার').k1, bengaliKeys('মায়ানমার').k1) // 0.5 (MINMR, MNMR)
 * keyDistance(bengaliKeys('পুতিন').k1, bengaliKeys('পতন').k1)         // 1 (PUTIN, PTN)
 * ```
 */
export function keyDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) * VOWEL_EDIT_COST > max) return max + VOWEL_EDIT_COST
  let previous = new Float64Array(b.length + 1)
  let current = new Float64Array(b.length + 1)
  for (let j = 1; j <= b.length; j++) previous[j] = (previous[j - 1] as number) + editCost(b.charCodeAt(j - 1))
  for (let i = 1; i <= a.length; i++) {
    const symbol = a.charCodeAt(i - 1)
    let rowMin = (current[0] = (previous[0] as number) + editCost(symbol))
    for (let j = 1; j <= b.length; j++) {
      const other = b.charCodeAt(j - 1)
      const value = Math.min(
        (previous[j] as number) + editCost(symbol),
        (current[j - 1] as number) + editCost(other),
        (previous[j - 1] as number) + substituteCost(symbol, other),
      )
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return rowMin
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] as number
}

/**
 * Largest K1 distance at which two words with the same K0 still count as aliases. Short keys
 * collide a lot (নেটো and নেতা share K1 `NET`), so the budget grows with the K0 length.
 *
 * @param k0Length - number of symbols in K0
 * @returns {@link SHORT_KEY_THRESHOLD} (0) up to 2 symbols, {@link MEDIUM_KEY_THRESHOLD} (0.5)
 *   for 3–4, {@link LONG_KEY_THRESHOLD} (1) from 5
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
