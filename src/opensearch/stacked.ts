/**
 * Pre-analysis: the library's own analysis chain runs on the client, and each field is sent to the
 * cluster as a line of word groups the cluster only has to split. A Bengali word becomes
 * `exact|~stem` (`পুতিনের|~পুতিন`), other words stay as they are (`putin`, `2019`). The index's
 * analyzer (a whitespace tokenizer and a `pattern_capture` filter on `|`) puts every part of a group
 * at the word's position, so term queries find the exact form or the stem, and phrases still
 * match by position.
 *
 * @module
 */

import { foldedStems } from '../analysis/analyze.js'
import { forEachWord, wordScript, wordTerm, type TokenScript } from '../analysis/tokenize.js'

/** Marks a stem token: `~পুতিন` is the stem, `পুতিন` the word as written. */
export const STEM_MARK = '~'
/** Separates the alternatives of one word in the pre-analysed text. */
export const ALTERNATIVE_SEPARATOR = '|'
/**
 * Longest token sent, in UTF-16 code units; longer words are cut to it in documents and queries
 * alike (a cluster refuses terms over 32,766 UTF-8 bytes, and no real word is this long).
 */
export const MAX_TOKEN_LENGTH = 200
/** Distinct raw words whose groups are remembered between documents. */
const GROUP_CACHE_SIZE = 200_000

/** One word of a field as the cluster indexes it. */
export interface StackedWord {
  /** The whole group, e.g. `পুতিনের|~পুতিন`. */
  readonly group: string
  /** The word's folded stems (the word itself for non-Bengali words). */
  readonly stems: readonly string[]
}

/** The token of a word as written (cut to {@link MAX_TOKEN_LENGTH}). */
export function exactToken(term: string): string {
  return term.length > MAX_TOKEN_LENGTH ? term.slice(0, MAX_TOKEN_LENGTH) : term
}

/**
 * The token of a stem: `~stem` for a Bengali stem; a non-Bengali word is its own stem, and is
 * indexed once, as written.
 *
 * @example
 * ```ts
 * stemToken('পুতিন')  // '~পুতিন'
 * stemToken('putin')  // 'putin'
 * ```
 */
export function stemToken(stem: string): string {
  return wordScript(stem) === 'bengali' ? STEM_MARK + exactToken(stem) : exactToken(stem)
}

/** The stems of a term: its folded stem candidates when Bengali, the term itself otherwise. */
export function stemsOf(term: string, script: TokenScript): string[] {
  return script === 'bengali' ? foldedStems(term) : [term]
}

/** The group of one normalised word: `exact|~stem…` for Bengali, the word alone otherwise. */
export function wordGroup(term: string, script: TokenScript): StackedWord {
  const stems = stemsOf(term, script)
  if (script !== 'bengali') return { group: exactToken(term), stems }
  const parts = [exactToken(term), ...stems.map((stem) => STEM_MARK + exactToken(stem))]
  return { group: parts.join(ALTERNATIVE_SEPARATOR), stems }
}

const cache = new Map<string, StackedWord>()

/**
 * The pre-analysed form of a field's text, and calls `onStem` for the stems of its distinct words
 * (a stem shared by two words comes twice; the caller counts distinct ones).
 *
 * @example
 * ```ts
 * stackedText('পুতিনের সফর 2019')   // 'পুতিনের|~পুতিন সফর|~সফর 2019'
 * ```
 */
export function stackedText(text: string, onStem?: (stem: string) => void): string {
  const groups: string[] = []
  const distinct = new Set<StackedWord>()
  forEachWord(text, (start, termEnd, _end, script) => {
    const raw = text.slice(start, termEnd)
    let word = cache.get(raw)
    if (word === undefined) {
      word = wordGroup(wordTerm(raw, script), script)
      if (cache.size >= GROUP_CACHE_SIZE) cache.clear()
      // a copy: a slice may keep the whole document's text alive
      cache.set((' ' + raw).slice(1), word)
    }
    groups.push(word.group)
    distinct.add(word)
  })
  if (onStem !== undefined) for (const word of distinct) for (const stem of word.stems) onStem(stem)
  return groups.join(' ')
}
