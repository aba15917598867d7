/**
 * Grapheme-cluster starts for text made only of common characters (ASCII, Latin-1, the Bengali
 * block, the Devanagari dandas, general punctuation and the BOM), without an object or a string
 * per cluster: the indexer walks every cluster of every document, and unicode-segmenter's
 * iterator allocates two per cluster.
 *
 * The cluster rules (UAX #29) that these characters can meet are applied here: CR LF stay
 * together; controls stand alone; extending marks, spacing marks and ZWJ join the cluster before
 * them; a consonant after a virama joins it (the conjunct rule GB9c, with ZWNJ ending a conjunct).
 * Each character's property is read once, at load, from unicode-segmenter itself, so both agree;
 * a property test checks them against each other on random text. Text with any other character
 * goes through unicode-segmenter.
 *
 * @module
 * @internal
 */

import { countGraphemes } from 'unicode-segmenter/grapheme'

/** What a character does to cluster boundaries. */
export const enum Joining {
  /** Starts a cluster (GB999). */
  Base,
  /** Joins the cluster before it (Extend, SpacingMark, ZWJ). */
  Mark,
  /** Stands alone (Control, CR, LF). */
  Control,
  /** A consonant: starts a cluster, unless a virama run before it joins them (GB9c). */
  Consonant,
  /** A virama: a mark that links a consonant to the next. */
  Linker,
  /** A mark that ends a conjunct run (ZWNJ). */
  Breaker,
  /** Not covered here: the text goes through unicode-segmenter. */
  Other,
}

const CR = 0x0d
const LF = 0x0a

/** The ranges covered, each [first, last]. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x00ff],
  [0x0964, 0x0965],
  [0x0980, 0x09ff],
  [0x2000, 0x206f],
  [0xfeff, 0xfeff],
]

/** The joining behaviour of every character below U+2070, and of U+FEFF (Other outside the ranges). */
const TABLE = (() => {
  const table = new Uint8Array(0x2070).fill(Joining.Other)
  const clusters = (text: string): number => countGraphemes(text)
  for (const [first, last] of RANGES) {
    for (let code = first; code <= Math.min(last, 0x206f); code++) table[code] = joiningOf(String.fromCharCode(code), clusters)
  }
  return table
})()
const BOM_JOINING = joiningOf('\ufeff', (text) => countGraphemes(text))

/** Reads one character's behaviour off the segmenter. */
function joiningOf(char: string, clusters: (text: string) => number): Joining {
  const code = char.charCodeAt(0)
  if (code === CR || code === LF) return Joining.Control
  // a control breaks on both sides, even before a mark
  if (clusters(`a${char}`) === 2 && clusters(`${char}a`) === 2 && clusters(`${char}\u0301`) === 2) return Joining.Control
  if (clusters(`a${char}`) === 1) {
    if (clusters(`\u0995${char}\u0995`) === 1) return Joining.Linker
    // a mark inside a conjunct run keeps it going, unless it is a breaker
    return clusters(`\u0995\u09cd${char}\u0995`) === 1 ? Joining.Mark : Joining.Breaker
  }
  // pictographs (© ® ‼ ⁉) join across ZWJ, and prepended marks join what follows: left to the segmenter
  if (clusters(`${char}\u200d${char}`) === 1 || clusters(`${char}a`) === 1) return Joining.Other
  return clusters(`\u0995\u09cd${char}`) === 1 ? Joining.Consonant : Joining.Base
}

/** The joining behaviour of one UTF-16 code unit. */
export function joiningOf16(code: number): Joining {
  return code < 0x2070 ? (TABLE[code] as Joining) : code === 0xfeff ? BOM_JOINING : Joining.Other
}

/** Can the fast path cut this text (every character covered)? */
export function coveredText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (joiningOf16(text.charCodeAt(i)) === Joining.Other) return false
  return true
}

/**
 * Calls `visit(start)` for the first code unit of every cluster of a covered text, in order
 * (each cluster ends where the next starts, the last at the text's end).
 */
export function forEachClusterStart(text: string, visit: (start: number) => void): void {
  // conjunct state: 0 none, 1 consonant [mark linker]* seen, 2 ... with a linker among them
  let conjunct = 0
  let previous = Joining.Control
  let previousCode = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const joining = joiningOf16(code)
    let boundary: boolean
    if (i === 0) boundary = true
    else if (previousCode === CR && code === LF) boundary = false
    else if (previous === Joining.Control || joining === Joining.Control) boundary = true
    else if (joining === Joining.Mark || joining === Joining.Linker || joining === Joining.Breaker) boundary = false
    else if (joining === Joining.Consonant) boundary = conjunct !== 2
    else boundary = true
    if (boundary) visit(i)
    // the conjunct run after this character
    if (joining === Joining.Consonant) conjunct = 1
    else if (joining === Joining.Linker) conjunct = conjunct === 0 ? 0 : 2
    else if (joining !== Joining.Mark || conjunct === 0) conjunct = 0
    previous = joining
    previousCode = code
  }
}
