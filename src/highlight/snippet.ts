/**
 * Snippets: the best window of a field's text around the matched words, with the user's own
 * characters marked. Offsets come from the same tokenizer the index uses, so a mark always wraps
 * whole words (whole grapheme clusters) of the original string, whatever its encoding.
 *
 * @module
 */

import { tokenize, type Token } from '../analysis/tokenize.js'
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

/** Fills in the defaults: `<mark>…</mark>`, HTML-escaped, 160 units, `…`. */
export function resolveHighlight(options: boolean | HighlightOptions | undefined): ResolvedHighlight {
  const given = typeof options === 'object' && options !== null ? options : {}
  return {
    open: given.open ?? '<mark>',
    close: given.close ?? '</mark>',
    escapeHtml: given.escapeHtml ?? true,
    length: given.length ?? DEFAULT_SNIPPET_LENGTH,
    ellipsis: given.ellipsis ?? '…',
  }
}

/**
 * Cuts the best window of `text` and marks the words whose canonical term is in `terms`.
 * Returns undefined when no word of the text matches.
 *
 * @example
 * ```ts
 * makeSnippet('রুশ প্রেসিডেন্ট পুতিনের সঙ্গে বৈঠক', new Set(['পুতিনের']), resolveHighlight(true))
 * // 'রুশ প্রেসিডেন্ট <mark>পুতিনের</mark> সঙ্গে বৈঠক'
 * ```
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, options: ResolvedHighlight): string | undefined {
  const tokens = tokenize(text)
  const hits = tokens.filter((token) => terms.has(token.term))
  if (hits.length === 0) return undefined
  const [from, to] = bestWindow(tokens, hits, options.length)
  const start = (tokens[from] as Token).start
  const end = (tokens[to] as Token).end
  const windowStart = from === 0 ? 0 : start
  const windowEnd = to === tokens.length - 1 ? text.length : end
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

/** The token range [from, to] of at most `length` code units holding the most distinct matched terms. */
function bestWindow(tokens: readonly Token[], hits: readonly Token[], length: number): [number, number] {
  const hitIndexes = new Set(hits.map((hit) => hit.position))
  let best: [number, number] = [hits[0]?.position ?? 0, hits[0]?.position ?? 0]
  let bestScore = 0
  for (const hit of hits) {
    const from = hit.position
    const seen = new Set<string>()
    let to = from
    for (let j = from; j < tokens.length && (tokens[j] as Token).end - hit.start <= length; j++) {
      to = j
      if (hitIndexes.has(j)) seen.add((tokens[j] as Token).term)
    }
    if (seen.size > bestScore) {
      bestScore = seen.size
      best = [from, to]
    }
  }
  return centre(tokens, best, length)
}

/** Moves a window that starts at its first hit a little back, so the hit has some context. */
function centre(tokens: readonly Token[], [from, to]: [number, number], length: number): [number, number] {
  let start = from
  const budget = length / 4
  while (start > 0 && (tokens[from] as Token).start - (tokens[start - 1] as Token).start <= budget) start--
  let end = to
  while (end > start && (tokens[end] as Token).end - (tokens[start] as Token).start > length) end--
  return [start, Math.max(end, from)]
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escape(text: string, options: ResolvedHighlight): string {
  return options.escapeHtml ? text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char) : text
}
