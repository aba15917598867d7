/**
 * Latin words (English spellings of names, or romanised "Banglish" Bengali typed the Avro way)
 * mapped onto the alias-key alphabet of alias-keys.ts, so that `vladivostok` meets
 * ভ্লাদিভোস্টক and `sorkar` meets সরকার without any word list.
 *
 * The word is cut into spelling units: digraphs first ({@link LATIN_DIGRAPHS}), then single
 * letters ({@link LATIN_LETTER_CLASSES}, or a rule that looks at the neighbours for c g x y w n s
 * h and a final e); a word without vowels is read as an acronym ({@link LATIN_LETTER_NAMES}).
 * A unit gives one or more raw keys, and ambiguous units multiply into readings, the primary one
 * first, at most {@link MAX_LATIN_ALTERNATIVES}. Each reading is folded into K0/K1 with the
 * conventions of the Bengali side: a leading vowel run is one `V`, a vowel class repeated in a
 * row is kept once, a consonant class repeated with no vowel between is kept once (doubled
 * letters, `ck`, `tth`), and G after Q goes (ng + g). Rules: docs/bengali-text.md §3.2 and §4.5;
 * measured against romanised queries in docs/analysis-keys.md.
 *
 * @module
 */

import type { AliasKeys } from './alias-keys.js'

/** At most this many key alternatives are returned for one Latin word. */
export const MAX_LATIN_ALTERNATIVES = 8

/** A suffix strip must leave at least this many letters. */
export const MIN_ROMAN_STEM_LENGTH = 3

/**
 * Multi-letter spellings, longest first. Each gives one or more raw keys; in raw keys `a` stands
 * for a vowel that is dropped from K1 but still separates two consonants.
 */
export const LATIN_DIGRAPHS: ReadonlyArray<readonly [spelling: string, alternatives: readonly string[]]> = Object.entries({
  tion: ['SaN', 'TIaN'], // English -tion is শন (স্টেশন); Banglish ti+o is তি
  tia: ['TI', 'S'], // English -tial, -tian: essential এসেনশিয়াল / এসেনসিয়াল
  sch: ['S', 'SK', 'SC'], // German sch (শ), English school (স্ক), Banglish s+ch (poschim, শ্চ)
  chr: ['KR'], // Greek ch before r: christ, chris
  tch: ['C', 'TC'], // watch; or t + ch across a boundary (bidyutchalito)
  ksh: ['K'], // ক্ষ: lakshmi, dakshin
  ch: ['C'], // চ ছ
  sh: ['S'], // শ ষ
  th: ['T', 'D'], // থ ঠ; English voiced th is written দ (the দ্য, brother ব্রাদার)
  dh: ['D'], // ধ ঢ
  bh: ['B'], // ভ
  kh: ['K'], // খ
  ph: ['F'], // ফ
  gh: ['G'], // ঘ; never the soft g
  jh: ['J'], // ঝ
  zh: ['J'], // ঝ / zh
  ck: ['K'], // English ck
  nk: ['QK', 'NK'], // ঙ্ক / ংক (bank), or ন + ক across a boundary (sontanke)
  ng: ['Q', 'NG'], // ঙ / ং and ঙ্গ (bangla, singapore), or ন + গ (dingulo)
  ee: ['I'], // ঈ / ী
  ea: ['I'], // English ea: peace, korea
  oo: ['U'], // ঊ / ূ
  ou: ['U', 'a'], // English ou (seoul) or Avro OU (ৌ, dropped)
  au: ['a'], // ঔ / ৌ, or English au (paul): dropped
  ai: ['E', 'I'], // English ai (ukraine, ে) or Banglish a+i (bhai, াই)
  ay: ['E'], // English ay (not before a vowel: there y is a glide, dayitto দায়িত্ব)
  ei: ['E'], // ei
  ey: ['E'], // ey (not before a vowel)
  ew: ['IU'], // English ew /juː/: new নিউ (not before a vowel: dewa দেওয়া)
})

/** Single letters that always give the same raw key. Context letters are in {@link contextLetter}. */
export const LATIN_LETTER_CLASSES: Readonly<Record<string, string>> = {
  a: 'a', o: 'a', // া / আ, ো / ও, or (Banglish o) the inherent vowel: dropped
  i: 'I', u: 'U', // ি / ই, ু / উ
  b: 'B', v: 'B', // ব, ভ
  d: 'D', t: 'T', // দ ড, ত ট
  j: 'J', z: 'J', // জ, য
  k: 'K', q: 'K', // ক
  f: 'F', l: 'L', m: 'M', n: 'N', p: 'P', r: 'R', s: 'S', // ফ ল ম ন প র স
}

/**
 * English letter names as Bengali writes them, as raw keys: a word without vowel letters is an
 * acronym, read letter by letter (BSD বিএসডি, TV টিভি, Banglish r আর). So only the consonant
 * letters have an entry: a word holding a e i o u or y is never read this way.
 */
export const LATIN_LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'BI', c: 'SI', d: 'DI', f: 'EF', g: 'JI', h: 'EIC', j: 'JE', // বি সি ডি এফ জি এইচ জে
  k: 'KE', l: 'EL', m: 'EM', n: 'EN', p: 'PI', q: 'KIU', r: 'aR', // কে এল এম এন পি কিউ আর
  s: 'ES', t: 'TI', v: 'BI', w: 'DaBLIU', x: 'EKS', z: 'JED', // এস টি ভি ডব্লিউ এক্স জেড
}

/** Romanised Bengali endings stripped by {@link romanSuffixStrips}, longest first. */
export const ROMAN_SUFFIXES: readonly string[] = [
  'guloke', 'gulote', 'gulor', // plural + case: -গুলোকে -গুলোতে -গুলোর
  'chilen', 'echen', // verb, honorific: -ছিলেন -েছেন
  'derke', 'gulo', 'guli', // -দেরকে -গুলো -গুলি
  'chen', 'eche', // verb: -ছেন -েছে
  'der', 'yer', 'tir', // -দের, -য়ের, -টির
  'er', 'ke', 'te', 'ra', 'ti', // -ের -কে -তে -রা -টি
  'r', 'y', // -র, -য়, only after a vowel
]

/** Endings of {@link ROMAN_SUFFIXES} stripped only after a vowel letter. */
const AFTER_VOWEL_SUFFIXES: readonly string[] = ['r', 'y']

const VOWEL_LETTERS = 'aeiou'
/** Letters after which an `h` only marks aspiration (and `chh`, `kkh`). */
const ASPIRATING_LETTERS = 'bcdgjkptszh'
/** Raw-key symbols that are vowels. */
const RAW_VOWELS = 'IUEa'

function isVowelLetter(letter: string | undefined): boolean {
  return letter !== undefined && VOWEL_LETTERS.includes(letter)
}

function isConsonantLetter(letter: string | undefined): boolean {
  return letter !== undefined && letter >= 'a' && letter <= 'z' && !VOWEL_LETTERS.includes(letter)
}

function isFrontVowelLetter(letter: string | undefined): boolean {
  return letter === 'e' || letter === 'i' || letter === 'y'
}

/**
 * Raw key alternatives of a letter whose key depends on its neighbours:
 * c, g, x, y, w, n, s, h and a final e.
 */
function contextLetter(word: string, i: number): readonly string[] | undefined {
  const letter = word[i]
  const previous = word[i - 1]
  const next = word[i + 1]
  switch (letter) {
    case 'c': // c before e/i/y is s (বাইসাইকেল); elsewhere k; Avro c is চ
      return isFrontVowelLetter(next) ? ['S', 'C'] : ['K', 'C']
    case 'g': // g before e/i/y: Gaza গাজা vs Georgia জর্জিয়া
      return isFrontVowelLetter(next) ? ['G', 'J'] : ['G']
    case 'x': // x is ks (এক্স); word-initially also s (শিনহুয়া)
      return i === 0 ? ['KS', 'S'] : ['KS']
    case 'y': // initial y + vowel: the initial vowel; between vowels a glide; before a: ya-phala; else i
      if (i === 0 && isVowelLetter(next)) return ['a']
      if (isVowelLetter(previous) && isVowelLetter(next)) return ['']
      return isConsonantLetter(previous) && next === 'a' ? ['I', 'E'] : ['I']
    case 'w': // initial w + vowel: the initial vowel; after a consonant u (সুইডেন); else dropped (wh = হ)
      if (i === 0 && isVowelLetter(next)) return ['a']
      return isConsonantLetter(previous) && isVowelLetter(next) ? ['U'] : ['']
    case 'n': // n before a consonant: ন, or a typed candrabindu (chand চাঁদ) or anusvara (sonrokkhon সংরক্ষণ)
      return isConsonantLetter(next) && next !== 'n' && next !== 'y' ? ['N', ''] : undefined
    case 's': // English s between vowels is often /z/, written জ (music মিউজিক)
      return isVowelLetter(previous) && isVowelLetter(next) ? ['S', 'J'] : undefined
    case 'h': // h after an aspirating letter is part of it (chh, kkh); otherwise হ
      return previous !== undefined && ASPIRATING_LETTERS.includes(previous) ? [''] : ['H']
    case 'e': // a final e after a consonant is silent in English, a vowel in Banglish (kore)
      if (i === word.length - 1 && isConsonantLetter(previous) && hasVowelBefore(word, i - 1)) return ['', 'E']
      return ['E']
    default:
      return undefined
  }
}

function hasVowelBefore(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowelLetter(word[i]) || word[i] === 'y') return true
  return false
}

/** Digraphs ending in a glide letter (ay, ey, ew) give way to the glide rule before a vowel. */
function matchDigraph(word: string, i: number): readonly [string, readonly string[]] | undefined {
  for (const entry of LATIN_DIGRAPHS) {
    const [spelling] = entry
    if (!word.startsWith(spelling, i)) continue
    const endsInGlide = spelling.endsWith('y') || spelling.endsWith('w')
    if (endsInGlide && isVowelLetter(word[i + spelling.length])) continue
    return entry
  }
  return undefined
}

/** Cuts a word into units; each unit is its list of raw key alternatives. */
function latinUnits(word: string): Array<readonly string[]> {
  const units: Array<readonly string[]> = []
  for (let i = 0; i < word.length; ) {
    const letter = word[i] ?? ''
    const digraph = matchDigraph(word, i)
    if (digraph !== undefined) {
      units.push(digraph[1])
      i += digraph[0].length
      continue
    }
    const contextual = contextLetter(word, i)
    const key = LATIN_LETTER_CLASSES[letter]
    if (contextual !== undefined) units.push(contextual)
    else if (key !== undefined && letter === word[i - 1] && isConsonantLetter(letter)) {
      units.push([key, `a${key}`]) // geminate (bidda বিদ্দা) or two syllables (panni পাননি)
    } else if (key !== undefined) units.push([key])
    i++
  }
  return units
}

/** A word with no vowel letter (a e i o u y) is an acronym: bsd, tv, r (আর). */
function isAcronym(word: string): boolean {
  return !/[aeiouy]/.test(word)
}

/** Units of an acronym: letter names, separated by a dropped vowel (each name is its own syllable). */
function letterNameUnits(word: string): Array<readonly string[]> {
  return [...word].map((letter, i) => [(i > 0 ? 'a' : '') + (LATIN_LETTER_NAMES[letter] ?? '')])
}

/** Most partial readings kept while the alternatives of a word are multiplied out. */
const READING_BEAM = 64

/**
 * Readings of a word: one choice per unit, ordered by how many non-primary choices they make
 * (the primary reading first), at most {@link READING_BEAM}.
 */
function expandUnits(units: ReadonlyArray<readonly string[]>): string[] {
  let readings = [{ raw: '', detours: 0 }]
  for (const alternatives of units) {
    readings = readings
      .flatMap(({ raw, detours }) => alternatives.map((alternative, k) => ({ raw: raw + alternative, detours: detours + (k > 0 ? 1 : 0) })))
      .sort((a, b) => a.detours - b.detours)
      .slice(0, READING_BEAM)
  }
  return readings.map(({ raw }) => raw)
}

/** Folds a raw key (classes plus `a` for dropped vowels) into K0 and K1. */
function foldRawKey(raw: string): AliasKeys {
  let k0 = ''
  let k1 = ''
  let last = ''
  let lastConsonant = ''
  let vowelSince = true
  for (const symbol of raw) {
    if (RAW_VOWELS.includes(symbol)) {
      vowelSince = true
      if (k0 === '') k0 = k1 = last = 'V'
      else if (lastConsonant !== '' && symbol !== 'a' && symbol !== last) k1 += last = symbol
      continue
    }
    const joined = !vowelSince && (symbol === lastConsonant || (symbol === 'G' && lastConsonant === 'Q'))
    if (!joined) {
      k0 += symbol
      k1 += symbol
      last = symbol
    }
    lastConsonant = symbol
    vowelSince = false
  }
  return { k0, k1 }
}

/**
 * True when the word is made of ASCII letters only (the words {@link latinKeys} maps).
 *
 * @example
 * ```ts
 * isLatinWord('putin') // true
 * isLatinWord('পুতিন') // false
 * ```
 */
export function isLatinWord(word: string): boolean {
  if (word.length === 0) return false
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) | 0x20
    if (code < 0x61 || code > 0x7a) return false
  }
  return true
}

/**
 * Maps a Latin word (English spelling or romanised Bengali) to alias keys on the alphabet of
 * {@link bengaliKeys}, with up to {@link MAX_LATIN_ALTERNATIVES} alternatives for ambiguous
 * letters. Compare them with the Bengali keys by equal K0 and {@link keyDistance} on K1.
 *
 * @param word - a lower-case ASCII word; other characters are skipped
 * @returns distinct key pairs, the most likely reading first; [] when nothing is left
 * @example
 * ```ts
 * latinKeys('vladivostok') // [{ k0: 'BLDBSTK', k1: 'BLDIBSTK' }] – same K0 as ভ্লাদিভোস্টক
 * latinKeys('sorkar')      // [{ k0: 'SRKR', k1: 'SRKR' }] – সরকার
 * ```
 */
export function latinKeys(word: string): AliasKeys[] {
  const letters = word.toLowerCase().replace(/[^a-z]+/g, '')
  if (letters === '') return []
  const seen = new Set<string>()
  const keys: AliasKeys[] = []
  const readings = isAcronym(letters) ? [letterNameUnits(letters), latinUnits(letters)] : [latinUnits(letters)]
  for (const raw of readings.flatMap(expandUnits)) {
    const folded = foldRawKey(raw)
    const id = `${folded.k0} ${folded.k1}`
    if (folded.k0 === '' || seen.has(id)) continue
    seen.add(id)
    keys.push(folded)
    if (keys.length === MAX_LATIN_ALTERNATIVES) break
  }
  return keys
}

/**
 * The word with one common romanised Bengali case, plural, classifier or verb ending removed
 * (`-er`, `-ke`, `-te`, `-der`, `-ra`, `-gulo`, `-r`/`-y` after a vowel, `-echen` …), as extra
 * candidates beside the word itself. A strip must leave {@link MIN_ROMAN_STEM_LENGTH} letters;
 * an ending that is the tail of a longer matching ending is not tried again (`-der` hides `-er`).
 *
 * @param word - a lower-case ASCII word
 * @returns stripped forms, longest ending first; [] when no ending applies
 * @example
 * ```ts
 * romanSuffixStrips('bangladesher') // ['bangladesh']  – বাংলাদেশের → বাংলাদেশ
 * romanSuffixStrips('dhakay')       // ['dhaka']       – ঢাকায় → ঢাকা
 * ```
 */
export function romanSuffixStrips(word: string): string[] {
  const matched: string[] = []
  const strips: string[] = []
  for (const suffix of ROMAN_SUFFIXES) {
    if (!word.endsWith(suffix) || matched.some((longer) => longer.endsWith(suffix))) continue
    const stem = word.slice(0, word.length - suffix.length)
    if (stem.length < MIN_ROMAN_STEM_LENGTH) continue
    if (AFTER_VOWEL_SUFFIXES.includes(suffix) && !isVowelLetter(stem[stem.length - 1])) continue
    matched.push(suffix)
    strips.push(stem)
  }
  return strips
}
