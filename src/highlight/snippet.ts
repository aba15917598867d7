/**
 * Snippets: the best window of a field's text around the matched words, with the user's own
 * characters marked. Offsets come from the same tokenizer the index uses, so a mark always wraps
 * whole words (whole grapheme clusters) of the original string, whatever its encoding.
 *
 * @module
 */

import { forEachWord, wordTerm } from '../analysis/tokenize.js'
import { BanglaSearchError, describeValue } from '../errors.js'
import type { HighlightOptions } from '../types.js'

/** Default snippet length, in code units of the original text (about 100 Bengali clusters). */
export const DEFAULT_SNIPPET_LENGTH = 160

/** Highlight options with every default filled in. */
export interface ResolvedHighlight {
  readonly open: string
  readonly close: string
  readonly escapeHtml: boolean
  readonly length: number
  readonly ellipsis: string
}

/** The longest snippet that may be asked for, in code units. */
export const MAX_SNIPPET_LENGTH = 10_000

/**
 * Checks highlight options and fills in the defaults: `<mark>…</mark>`, HTML-escaped, 160 units, `…`.
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` for a wrong type or an out-of-range length
 */
export function resolveHighlight(options: boolean | HighlightOptions | undefined): ResolvedHighlight {
  const given = typeof options === 'object' && options !== null ? options : {}
  const length = given.length ?? DEFAULT_SNIPPET_LENGTH
  if (!Number.isInteger(length) || length < 1 || length > MAX_SNIPPET_LENGTH) {
    throw new BanglaSearchError('INVALID_OPTION', `highlight.length must be a whole number from 1 to ${MAX_SNIPPET_LENGTH}, got ${describeValue(length)}.`)
  }
  const text = (name: 'open' | 'close' | 'ellipsis', fallback: string): string => {
    const value = given[name] ?? fallback
    if (typeof value !== 'string') throw new BanglaSearchError('INVALID_OPTION', `highlight.${name} must be a string, got ${describeValue(value)}.`)
    return value
  }
  const escapeHtml = given.escapeHtml ?? true
  if (typeof escapeHtml !== 'boolean') throw new BanglaSearchError('INVALID_OPTION', `highlight.escapeHtml must be true or false, got ${describeValue(escapeHtml)}.`)
  return { open: text('open', '<mark>'), close: text('close', '</mark>'), escapeHtml, length, ellipsis: text('ellipsis', '…') }
}

/** Hits collected at most before the window is chosen (a 10 MB field is not read to its end). */
export const MAX_SNIPPET_HITS = 32

/**
 * Cuts the best window of `text` and marks the words whose canonical term is in `terms` (a set,
 * or any object whose `has` says which terms to mark).
 * Returns undefined when no word of the text matches.
 *
 * @example
 * ```ts
 * makeSnippet('রুশ প্রেসিডেন্ট পুতিনের সঙ্গে বৈঠক', new Set(['পুতিনের']), resolveHighlight(true))
 * // 'রুশ প্রেসিডেন্ট <mark>পুতিনের</mark> সঙ্গে বৈঠক'
 * ```
 */
export function makeSnippet(text: string, terms: Pick<ReadonlySet<string>, 'has'>, options: ResolvedHighlight): string | undefined {
  const { words, complete } = wordsAroundHits(text, terms, options.length)
  const hits = words.filter((word) => word.hit)
  if (hits.length === 0) return undefined
  const [from, to] = bestWindow(words, options.length)
  const windowStart = from === 0 ? 0 : (words[from] as SnippetWord).start
  const windowEnd = to === words.length - 1 && complete ? text.length : (words[to] as SnippetWord).end
  let snippet = windowStart > 0 ? options.ellipsis : ''
  let cursor = windowStart
  for (const hit of hits) {
    if (hit.start < windowStart || hit.end > windowEnd) continue
    snippet += escape(text.slice(cursor, hit.start), options) + options.open + escape(text.slice(hit.start, hit.end), options) + options.close
    cursor = hit.end
  }
  snippet += escape(text.slice(cursor, windowEnd), options)
  if (windowEnd < text.length) snippet += options.ellipsis
  return snippet
}

/** A word of the text as the snippet sees it. */
interface SnippetWord {
  readonly start: number
  readonly end: number
  readonly term: string
  readonly hit: boolean
}

/**
 * The words of the text up to a window's length past the {@link MAX_SNIPPET_HITS}th hit, with
 * the hits marked, and whether they are all of its words. Each distinct raw word is normalised once.
 */
function wordsAroundHits(text: string, terms: Pick<ReadonlySet<string>, 'has'>, length: number): { words: SnippetWord[]; complete: boolean } {
  const words: SnippetWord[] = []
  const termOf = new Map<string, string>()
  let hits = 0
  let stopAfter = Number.POSITIVE_INFINITY
  let complete = true
  forEachWord(text, (start, termEnd, end, script) => {
    if (start > stopAfter) {
      complete = false
      return true
    }
    const raw = text.slice(start, termEnd)
    let term = termOf.get(raw)
    if (term === undefined) {
      term = wordTerm(raw, script)
      termOf.set(raw, term)
    }
    const hit = terms.has(term)
    words.push({ start, end, term, hit })
    if (hit && ++hits === MAX_SNIPPET_HITS) stopAfter = end + length
    return false
  })
  return { words, complete }
}

/** The word range [from, to] of at most `length` code units holding the most distinct matched terms. */
function bestWindow(words: readonly SnippetWord[], length: number): [number, number] {
  let best: [number, number] | undefined
  let bestScore = 0
  words.forEach((first, from) => {
    if (!first.hit) return
    const seen = new Set<string>()
    let to = from
    for (let j = from; j < words.length && (words[j] as SnippetWord).end - first.start <= length; j++) {
      to = j
      if ((words[j] as SnippetWord).hit) seen.add((words[j] as SnippetWord).term)
    }
    if (best === undefined || seen.size > bestScore) {
      bestScore = seen.size
      best = [from, to]
    }
  })
  return centre(words, best ?? [0, 0], length)
}

/** Moves a window that starts at its first hit a little back, so the hit has some context. */
function centre(words: readonly SnippetWord[], [from, to]: [number, number], length: number): [number, number] {
  let start = from
  const budget = length / 4
  while (start > 0 && (words[from] as SnippetWord).start - (words[start - 1] as SnippetWord).start <= budget) start--
  let end = to
  while (end > start && (words[end] as SnippetWord).end - (words[start] as SnippetWord).start > length) end--
  return [start, Math.max(end, from)]
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escape(text: string, options: ResolvedHighlight): string {
  return options.escapeHtml ? text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char) : text
}
