/**
 * Snippets: the best window of a field's text around the matched words, with the user's own
 * characters marked. Offsets come from the same tokenizer the index uses, so a mark always wraps
 * whole words (whole grapheme clusters) of the original string, whatever its encoding.
 *
 * @module
 */

import { wordTerm } from '../analysis/tokenize.js'
import { BanglaSearchError, describeValue } from '../errors.js'
import type { HighlightOptions } from '../types.js'
import { prefilterFor, type WordPrefilter } from './word-key.js'
import { forEachSnippetWord } from './word-walk.js'

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
 * When `terms` is a `Set`, only the words that pass its {@link prefilterFor} key test are
 * normalised and looked up (the others cannot match); any other `has` sees every word.
 *
 * @example
 * ```ts
 * makeSnippet('রুশ প্রেসিডেন্ট পুতিনের সঙ্গে বৈঠক', new Set(['পুতিনের']), resolveHighlight(true))
 * // 'রুশ প্রেসিডেন্ট <mark>পুতিনের</mark> সঙ্গে বৈঠক'
 * ```
 */
export function makeSnippet(text: string, terms: Pick<ReadonlySet<string>, 'has'>, options: ResolvedHighlight): string | undefined {
  const words = wordsAroundHits(text, terms, options.length)
  if (words.hits.length === 0) return undefined
  const [from, to] = bestWindow(words, options.length)
  const windowStart = from === 0 ? 0 : (words.starts[from] as number)
  const windowEnd = to === words.starts.length - 1 && words.complete ? text.length : (words.ends[to] as number)
  let snippet = windowStart > 0 ? options.ellipsis : ''
  let cursor = windowStart
  for (const hit of words.hits) {
    const start = words.starts[hit] as number
    const end = words.ends[hit] as number
    if (start < windowStart || end > windowEnd) continue
    snippet += escape(text.slice(cursor, start), options) + options.open + escape(text.slice(start, end), options) + options.close
    cursor = end
  }
  snippet += escape(text.slice(cursor, windowEnd), options)
  if (windowEnd < text.length) snippet += options.ellipsis
  return snippet
}

/** The words of a text as the snippet sees them: offsets of every word, and which ones are hits. */
interface SnippetWords {
  /** Offset of each word's first code unit, in order. */
  readonly starts: number[]
  /** Offset just past each word (its clitic included). */
  readonly ends: number[]
  /** The hits: indexes into `starts`, in order. */
  readonly hits: number[]
  /** The canonical term of each hit, parallel to `hits`. */
  readonly hitTerms: string[]
  /** Are these all the words of the text? */
  readonly complete: boolean
}

/** The prefilter of each term set a snippet has met (a search hands the same set to all its hits). */
const prefilters = new WeakMap<object, WordPrefilter>()

function prefilterOf(terms: Pick<ReadonlySet<string>, 'has'>): WordPrefilter | undefined {
  if (!(terms instanceof Set)) return undefined
  let prefilter = prefilters.get(terms)
  if (prefilter === undefined) {
    prefilter = prefilterFor(terms as Set<string>)
    prefilters.set(terms, prefilter)
  }
  return prefilter
}

/**
 * The words of the text up to a window's length past the {@link MAX_SNIPPET_HITS}th hit, with
 * the hits marked, and whether they are all of its words. Each distinct raw word that passes the
 * prefilter is normalised once.
 */
function wordsAroundHits(text: string, terms: Pick<ReadonlySet<string>, 'has'>, length: number): SnippetWords {
  const words = { starts: [] as number[], ends: [] as number[], hits: [] as number[], hitTerms: [] as string[], complete: true }
  const prefilter = prefilterOf(terms)
  const termOf = new Map<string, string>()
  let stopAfter = Number.POSITIVE_INFINITY
  forEachSnippetWord(text, (start, termEnd, end, script) => {
    if (start > stopAfter) {
      words.complete = false
      return true
    }
    words.starts.push(start)
    words.ends.push(end)
    if (prefilter !== undefined && !prefilter(text, start, termEnd)) return false
    const raw = text.slice(start, termEnd)
    let term = termOf.get(raw)
    if (term === undefined) {
      term = wordTerm(raw, script)
      termOf.set(raw, term)
    }
    if (!terms.has(term)) return false
    words.hits.push(words.starts.length - 1)
    words.hitTerms.push(term)
    if (words.hits.length === MAX_SNIPPET_HITS) stopAfter = end + length
    return false
  })
  return words
}

/** The word range [from, to] of at most `length` code units holding the most distinct matched terms. */
function bestWindow(words: SnippetWords, length: number): [number, number] {
  const { starts, ends, hits, hitTerms } = words
  let best: [number, number] | undefined
  let bestScore = 0
  hits.forEach((from, h) => {
    const first = starts[from] as number
    let to = from - 1
    for (let j = from; j < starts.length && (ends[j] as number) - first <= length; j++) to = j
    const seen = new Set<string>() // the hits inside the window (none when its first word is too long)
    for (let k = h; k < hits.length && (hits[k] as number) <= to; k++) seen.add(hitTerms[k] as string)
    to = Math.max(to, from)
    if (best === undefined || seen.size > bestScore) {
      bestScore = seen.size
      best = [from, to]
    }
  })
  return centre(words, best ?? [0, 0], length)
}

/** Moves a window that starts at its first hit a little back, so the hit has some context. */
function centre({ starts, ends }: SnippetWords, [from, to]: [number, number], length: number): [number, number] {
  let start = from
  const budget = length / 4
  while (start > 0 && (starts[from] as number) - (starts[start - 1] as number) <= budget) start--
  let end = to
  while (end > start && (ends[end] as number) - (starts[start] as number) > length) end--
  return [start, Math.max(end, from)]
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escape(text: string, options: ResolvedHighlight): string {
  return options.escapeHtml ? text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char) : text
}
