/**
 * Stage 2 of the analysis chain: word segmentation on grapheme clusters.
 *
 * The text is walked one extended grapheme cluster at a time (unicode-segmenter, Unicode 17 with
 * the conjunct rule GB9c), so a word never splits inside a cluster, at a vowel sign, a virama or a
 * nukta. A cluster whose first code point is a letter, a mark or a decimal digit is word material.
 * On top of that, UAX #29-like rules: `.` and `,` stay inside numbers, an apostrophe or `:` between
 * letters stays inside the word, a number and a Bengali word split (`২৫শে` → `25` + `শে`), and a
 * clitic after a hyphen or a number joins the word before it (`ইউএন-এর`, `১২টি`).
 *
 * Offsets always point into the ORIGINAL text, so highlighting slices the user's own string.
 *
 * @module
 */

import { graphemeSegments } from 'unicode-segmenter/grapheme'
import { coveredText, forEachClusterStart } from './clusters.js'
import { BanglaSearchError, describeValue } from '../errors.js'
import { isBengaliDigit } from './data/bengali-letters.js'
import { normalize } from './normalize.js'

/** One word of a text. */
export interface Token {
  /** The word in canonical form (see {@link normalize}). */
  readonly term: string
  /** Offset of the word's first code unit in the original text. */
  readonly start: number
  /** Offset just past the word (its clitic included) in the original text. */
  readonly end: number
  /** The word's position: 0 for the first word of the text, then 1, 2, … */
  readonly position: number
  /** What the word is made of: Bengali script, a number, or other letters (Latin…). */
  readonly script: TokenScript
}

/** What a token is made of. */
export type TokenScript = 'bengali' | 'number' | 'other'

/** A word found by {@link forEachWord}: offsets into the original text. Returning `true` stops the walk. @internal */
export type WordCallback = (start: number, termEnd: number, end: number, script: TokenScript) => boolean | void

/**
 * Case and classifier clitics that join a number (`২০২৩-এর`, `১২টি`) or, after a hyphen, any word
 * (`ইউএন-এর`). None begins with a vowel sign: a sign always clings to the cluster before it (the
 * digit or the hyphen of `১০ের`, `বিএনপি-ের`), so the run after it is `র`.
 */
const CASE_CLITICS = ['এর', 'র', 'কে', 'তে', 'য়', 'য়ে', 'য়ের', 'এ', 'ও', 'ই', 'রা', 'সহ', 'টি', 'টির']

/** Clitics that join the word before a hyphen: `ইউএন-এর`, `Putin-এর`, `বিএনপি-র`, `দল-গুলোর`. */
const HYPHEN_CLITICS = new Set([...CASE_CLITICS, 'দের', 'গুলো', 'গুলোর'].map((s) => s.normalize('NFC')))

/** Clitics that join a number written before them: `২৫শে`, `১২টি`, `২য়`, `১০ম`, `২০২৩-এর`. */
const NUMBER_SUFFIXES = new Set(
  [...CASE_CLITICS, 'শে', 'টা', 'টিতে', 'টিকে', 'টায়', 'ম', 'তম', 'লা', 'জন', 'জনের', 'জনকে', 'দিন'].map((s) => s.normalize('NFC')),
)

/** How a word run is joined to the word before it: directly, through a hyphen, or not at all. */
const enum Joint {
  Gap,
  Adjacent,
  Hyphen,
}

const enum ClusterClass {
  Separator,
  Bengali,
  Digit,
  OtherLetter,
  Point, // . or , inside numbers
  Apostrophe,
  Colon,
  Hyphen,
}

/**
 * Splits a text into words with offsets into the original text and positions.
 *
 * @param text - any string
 * @returns the words in order; empty for a text without letters or digits
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `text` is not a string
 *
 * @example
 * ```ts
 * tokenize('পুতিনের সঙ্গে বৈঠকে।').map((t) => t.term)   // ['পুতিনের', 'সঙ্গে', 'বৈঠকে']
 * tokenize('২০২৪ সালে ১,২৫০ টাকা').map((t) => t.term)   // ['2024', 'সালে', '1250', 'টাকা']
 * tokenize('ইউএন-এর')[0]                               // { term: 'ইউএন', start: 0, end: 7, … }
 * ```
 */
export function tokenize(text: string): Token[] {
  if (typeof text !== 'string') {
    throw new BanglaSearchError('INVALID_ARGUMENT', `tokenize() takes a string, got ${describeValue(text)}.`)
  }
  const tokens: Token[] = []
  const terms = new Map<string, string>() // each distinct raw word is normalised once
  forEachWord(text, (start, termEnd, end, script) => {
    const raw = text.slice(start, termEnd)
    let term = terms.get(raw)
    if (term === undefined) {
      term = wordTerm(raw, script)
      terms.set(raw, term)
    }
    tokens.push({ term, start, end, position: tokens.length, script })
  })
  return tokens
}

/** The script of a raw word, read from its first code point as the tokenizer does. @internal */
export function wordScript(rawWord: string): TokenScript {
  return scriptOf(classify(rawWord.codePointAt(0) ?? 0))
}

/** The canonical term of a raw word: normalised; numbers lose their thousands separators. @internal */
export function wordTerm(rawWord: string, script: TokenScript): string {
  const term = normalize(rawWord)
  return script === 'number' ? term.replace(/,/g, '') : term
}

/**
 * Calls `onWord` for every word of `text`, in order, with offsets into `text`. The low-level form
 * of {@link tokenize} used by the indexer, which caches the analysis of each distinct raw word.
 * `termEnd` is where the word proper ends; `end` includes a joined clitic.
 *
 * @internal
 */
export function forEachWord(text: string, onWord: WordCallback): void {
  if (coveredText(text)) forEachWordFast(text, new WordSegmenter(text, onWord))
  else forEachWordBySegmenter(text, onWord)
}

/** {@link forEachWord} on clusters from unicode-segmenter, for any text (the fast path's reference). @internal */
export function forEachWordBySegmenter(text: string, onWord: WordCallback): void {
  const segmenter = new WordSegmenter(text, onWord)
  for (const cluster of graphemeSegments(text)) {
    segmenter.push(cluster.index, cluster.index + cluster.segment.length, classify(cluster._hd))
    if (segmenter.stopped) return
  }
  segmenter.finish()
}

/**
 * {@link forEachWord} over text of common characters: clusters from the allocation-free cutter,
 * and runs of clusters of one word class (or separators) pushed as one (the state machine treats
 * them the same as one by one).
 */
function forEachWordFast(text: string, segmenter: WordSegmenter): void {
  let runStart = -1
  let runClass = ClusterClass.Separator
  forEachClusterStart(text, (start) => {
    const cls = classify(text.charCodeAt(start))
    if (runStart >= 0 && cls === runClass && (isWordClass(cls) || cls === ClusterClass.Separator)) return
    if (runStart >= 0 && !segmenter.stopped) segmenter.push(runStart, start, runClass)
    runStart = start
    runClass = cls
  })
  if (runStart >= 0 && !segmenter.stopped) segmenter.push(runStart, text.length, runClass)
  segmenter.finish()
}

/** The state machine of {@link forEachWord}: word runs, connectors, and one run held back for clitics. */
class WordSegmenter {
  #runStart = -1
  #runEnd = -1
  #runScript: TokenScript = 'other'
  #lastClass = ClusterClass.Separator
  #connectorClass = ClusterClass.Separator
  #connectorEnd = -1
  #heldStart = -1
  #heldTermEnd = -1
  #heldEnd = -1
  #heldScript: TokenScript = 'other'
  #runJoint = Joint.Gap
  readonly #text: string
  readonly #onWord: WordCallback

  constructor(text: string, onWord: WordCallback) {
    this.#text = text
    this.#onWord = onWord
  }

  push(start: number, end: number, cls: ClusterClass): void {
    if (isWordClass(cls)) {
      this.#pushWordCluster(start, end, cls)
    } else if (cls !== ClusterClass.Separator && this.#runStart >= 0 && this.#connectorEnd < 0) {
      this.#connectorClass = cls
      this.#connectorEnd = end
    } else {
      this.#closeRun()
    }
  }

  finish(): void {
    this.#closeRun()
    this.#flushHeld()
  }

  #pushWordCluster(start: number, end: number, cls: ClusterClass): void {
    if (this.#runStart >= 0 && this.#connectorEnd >= 0) {
      if (this.#connectorJoins(cls)) {
        this.#extend(end, cls)
        return
      }
      // a hyphen or an apostrophe right before a Bengali word may join a clitic to the word before
      const joined = (this.#connectorClass === ClusterClass.Hyphen || this.#connectorClass === ClusterClass.Apostrophe) && this.#connectorEnd === start
      this.#closeRun()
      this.#openRun(start, end, cls, joined ? Joint.Hyphen : Joint.Gap)
      return
    }
    if (this.#runStart >= 0 && scriptsSplit(this.#lastClass, cls)) {
      this.#closeRun()
      this.#openRun(start, end, cls, Joint.Adjacent)
      return
    }
    if (this.#runStart >= 0) this.#extend(end, cls)
    else this.#openRun(start, end, cls, Joint.Gap)
  }

  /** Does the held connector stay inside the word, given the cluster after it? */
  #connectorJoins(next: ClusterClass): boolean {
    switch (this.#connectorClass) {
      case ClusterClass.Point:
        return this.#lastClass === ClusterClass.Digit && next === ClusterClass.Digit
      // inside a Bengali word (`ক'রে`, `বিএনপি'র`, `দু:খ`); after a Latin name or a number an apostrophe separates a clitic (`Putin’এর`)
      case ClusterClass.Apostrophe:
      case ClusterClass.Colon:
        return this.#lastClass === ClusterClass.Bengali && next === ClusterClass.Bengali
      default:
        return false
    }
  }

  #extend(end: number, cls: ClusterClass): void {
    this.#runEnd = end
    this.#lastClass = cls
    this.#connectorEnd = -1
  }

  #openRun(start: number, end: number, cls: ClusterClass, joint: Joint): void {
    this.#runStart = start
    this.#runEnd = end
    this.#runScript = scriptOf(cls)
    this.#runJoint = joint
    this.#lastClass = cls
    this.#connectorEnd = -1
  }

  #closeRun(): void {
    this.#connectorEnd = -1
    if (this.#runStart < 0) return
    const start = this.#runStart
    const end = this.#runEnd
    this.#runStart = -1
    if (this.#joinsHeldWord(start, end)) {
      this.#heldEnd = end // the clitic joins the held word; the word's term does not change
      return
    }
    this.#flushHeld()
    this.#heldStart = start
    this.#heldTermEnd = end
    this.#heldEnd = end
    this.#heldScript = this.#runScript
  }

  /** A Bengali clitic right after a hyphen, a number or a Latin word joins that word. */
  #joinsHeldWord(start: number, end: number): boolean {
    if (this.#runJoint === Joint.Gap || this.#heldStart < 0 || this.#runScript !== 'bengali') return false
    const piece = normalize(this.#text.slice(start, end))
    if (this.#runJoint === Joint.Hyphen) return HYPHEN_CLITICS.has(piece)
    if (this.#heldScript === 'number') return NUMBER_SUFFIXES.has(piece)
    return this.#heldScript === 'other' && HYPHEN_CLITICS.has(piece)
  }

  /** Set when the callback asked to stop. */
  stopped = false

  #flushHeld(): void {
    if (this.#heldStart < 0 || this.stopped) return
    if (this.#onWord(this.#heldStart, this.#heldTermEnd, this.#heldEnd, this.#heldScript) === true) this.stopped = true
    this.#heldStart = -1
  }
}

function isWordClass(cls: ClusterClass): boolean {
  return cls === ClusterClass.Bengali || cls === ClusterClass.Digit || cls === ClusterClass.OtherLetter
}

/** A number and a Bengali word split, and so do Bengali and other letters; Latin letters and digits stay together (`g20`). */
function scriptsSplit(previous: ClusterClass, next: ClusterClass): boolean {
  if (previous === next) return false
  return previous === ClusterClass.Bengali || next === ClusterClass.Bengali
}

function scriptOf(cls: ClusterClass): TokenScript {
  if (cls === ClusterClass.Bengali) return 'bengali'
  if (cls === ClusterClass.Digit) return 'number'
  return 'other'
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u
const DECIMAL_DIGIT = /^\p{Nd}$/u
const otherClassCache = new Map<number, ClusterClass>()

/** The class of a cluster, decided by its first code point. */
function classify(codePoint: number): ClusterClass {
  if (codePoint < 0x80) return classifyAscii(codePoint)
  if (codePoint >= 0x0980 && codePoint <= 0x09ff) {
    if (isBengaliDigit(codePoint)) return ClusterClass.Digit
    if (codePoint >= 0x09f2 && codePoint !== 0x09fc) return ClusterClass.Separator // ৲ ৳ ৷ ৺ … signs
    return ClusterClass.Bengali
  }
  if (codePoint === 0x2019 || codePoint === 0x02bc) return ClusterClass.Apostrophe
  if (codePoint === 0x2010 || codePoint === 0x2011) return ClusterClass.Hyphen
  let cls = otherClassCache.get(codePoint)
  if (cls === undefined) {
    const char = String.fromCodePoint(codePoint)
    cls = DECIMAL_DIGIT.test(char) ? ClusterClass.Digit : LETTER_OR_MARK.test(char) ? ClusterClass.OtherLetter : ClusterClass.Separator
    if (otherClassCache.size < 4096) otherClassCache.set(codePoint, cls)
  }
  return cls
}

function classifyAscii(code: number): ClusterClass {
  if (code >= 0x30 && code <= 0x39) return ClusterClass.Digit
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return ClusterClass.OtherLetter
  switch (code) {
    case 0x2e: // .
    case 0x2c: // ,
      return ClusterClass.Point
    case 0x27:
      return ClusterClass.Apostrophe
    case 0x3a:
      return ClusterClass.Colon
    case 0x2d:
      return ClusterClass.Hyphen
    default:
      return ClusterClass.Separator
  }
}
