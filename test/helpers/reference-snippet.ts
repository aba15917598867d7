/**
 * The snippet maker as it was before the word-key prefilter (every word normalised, one object
 * per word): the oracle that test/highlight/snippet.test.ts checks the fast one against. Kept
 * verbatim apart from this header and the imports; do not "improve" it.
 */
import { forEachWord, wordTerm } from '../../src/analysis/tokenize.js'
import { MAX_SNIPPET_HITS, type ResolvedHighlight } from '../../src/highlight/snippet.js'

/** {@link makeSnippet} before the prefilter. */
export function referenceSnippet(text: string, terms: Pick<ReadonlySet<string>, 'has'>, options: ResolvedHighlight): string | undefined {
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
