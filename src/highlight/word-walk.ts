/**
 * The words of a text for snippets, found faster than the general tokenizer: the same words, in
 * the same order, with the same offsets as {@link forEachWord}, which a snippet must reproduce
 * exactly (a mark wraps the words the index saw).
 *
 * The text is cut at separators: spaces, dandas, quotes, brackets, controls (and the marks a space
 * or a quote carries along in its cluster). The tokenizer's state starts afresh after each of
 * them: a separator closes the word before it, and nothing joins a word across one (a clitic
 * joins only through a hyphen, an apostrophe or directly). Most pieces between two separators
 * are a plain Bengali word, maybe with a `,` `.` `-` `'` `:` before or after it; such a piece is
 * one word, read off in one pass without clusters. Any other piece (digits, Latin, a clitic after
 * a hyphen, `.` inside a number) goes through {@link forEachWord} on its own. Text with
 * characters that the cluster table does not cover goes through it whole. A property test
 * checks the words against the tokenizer's on random text.
 *
 * @example
 * ```ts
 * forEachSnippetWord('পুতিনের, সফর', (start, termEnd) => console.log(start, termEnd))   // 0 7, then 9 12
 * ```
 *
 * @module
 * @internal
 */

import { Joining, coveredText, joiningOf16 } from '../analysis/clusters.js'
import { forEachWord, type WordCallback } from '../analysis/tokenize.js'

const enum Kind {
  /** Anything else: the piece goes through the tokenizer. */
  Other,
  /** A separator starting a cluster of its own (space, danda, quote, bracket…): a cut. */
  Cut,
  /** A control (newline, tab, ZWSP…): a cut after which a mark starts a cluster of its own. */
  ControlCut,
  /** A letter of the Bengali block that starts a cluster (consonant, vowel, ৎ, ং…). */
  Letter,
  /** A mark that joins the cluster before it (vowel sign, virama, nukta, ZWJ, ZWNJ…). */
  Joiner,
  /** `.` `,` `'` `’` `:` `-` and the Unicode hyphens: joins words only between letters or digits. */
  Connector,
}

/** Connectors of the tokenizer: they may sit inside a word, so they never cut. */
const CONNECTORS = new Set([0x2e, 0x2c, 0x27, 0x3a, 0x2d, 0x2019, 0x02bc, 0x2010, 0x2011])

const LETTER_MARK_OR_DIGIT = /^[\p{L}\p{M}\p{Nd}]$/u

/** The kind of every code unit the cluster table covers (below U+2070; the BOM is a control). */
const KINDS = (() => {
  const kinds = new Uint8Array(0x2070)
  for (let code = 0; code < kinds.length; code++) kinds[code] = kindOf(code)
  return kinds
})()

function kindOf(code: number): Kind {
  const joining = joiningOf16(code)
  if (joining === Joining.Other) return Kind.Other
  if (joining === Joining.Mark || joining === Joining.Linker || joining === Joining.Breaker) return Kind.Joiner
  if (CONNECTORS.has(code)) return Kind.Connector
  const bengaliLetter = code >= 0x0980 && code <= 0x09ff && !(code >= 0x09e6 && code <= 0x09ef) && (code < 0x09f2 || code === 0x09fc)
  if (bengaliLetter) return Kind.Letter
  if (LETTER_MARK_OR_DIGIT.test(String.fromCharCode(code))) return Kind.Other
  if (joining === Joining.Control) return Kind.ControlCut
  return joining === Joining.Base ? Kind.Cut : Kind.Other
}

function kindAt(text: string, i: number): Kind {
  const code = text.charCodeAt(i)
  return code < 0x2070 ? (KINDS[code] as Kind) : code === 0xfeff ? Kind.ControlCut : Kind.Other
}

/**
 * Calls `onWord` for every word of `text` exactly as {@link forEachWord} does (same offsets, same
 * order, same script); returning `true` stops the walk.
 */
export function forEachSnippetWord(text: string, onWord: WordCallback): void {
  if (!coveredText(text)) {
    forEachWord(text, onWord)
    return
  }
  const length = text.length
  let i = 0
  while (i < length) {
    // the cuts, and the marks that a cut which is not a control carries in its cluster
    let kind = kindAt(text, i)
    if (kind === Kind.Cut) {
      while (++i < length && kindAt(text, i) === Kind.Joiner);
      continue
    }
    if (kind === Kind.ControlCut) {
      i++
      continue
    }
    // a piece: connectors, a Bengali letter with the letters and marks after it, connectors
    const pieceStart = i
    while (kind === Kind.Connector && ++i < length) kind = kindAt(text, i)
    const wordStart = i < length && kind === Kind.Letter ? i : -1
    if (wordStart >= 0) while (++i < length && ((kind = kindAt(text, i)) === Kind.Letter || kind === Kind.Joiner));
    const wordEnd = i
    while (kind === Kind.Connector && ++i < length) kind = kindAt(text, i)
    if (i === length || kind === Kind.Cut || kind === Kind.ControlCut) {
      if (wordStart >= 0 && onWord(wordStart, wordEnd, wordEnd, 'bengali') === true) return
      continue
    }
    // any other piece, up to the next cut, goes through the tokenizer
    while (++i < length && (kind = kindAt(text, i)) !== Kind.Cut && kind !== Kind.ControlCut);
    if (tokenizePiece(text, pieceStart, i, onWord)) return
  }
}

/** Calls `onWord` for the words of `text.slice(start, end)`, with offsets into `text`; true when it asked to stop. */
function tokenizePiece(text: string, start: number, end: number, onWord: WordCallback): boolean {
  let stopped = false
  forEachWord(text.slice(start, end), (wordStart, termEnd, wordEnd, script) => {
    stopped = onWord(start + wordStart, start + termEnd, start + wordEnd, script) === true
    return stopped
  })
  return stopped
}
