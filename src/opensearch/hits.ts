/**
 * Results: a search response turned back into the library's {@link SearchHit} shape. Which clause
 * matched how comes from the named queries (`matched_queries`); snippets are cut by the library's
 * own highlighter from `_source`, so the marks wrap the user's original characters.
 *
 * @module
 */

import { forEachWord, wordScript, wordTerm } from '../analysis/tokenize.js'
import { BanglaSearchError, describeValue, isPlainObject } from '../errors.js'
import { makeSnippet, type ResolvedHighlight } from '../highlight/snippet.js'
import { parseQuery, type ParsedQuery } from '../query/parse.js'
import { MATCH_KIND_ORDER } from '../search/weights.js'
import type { DocumentId, MatchInfo, MatchKind, SearchHit } from '../types.js'
import { resolveOpenSearchOptions, type OpenSearchOptions, type ResolvedOpenSearchOptions } from './options.js'
import { checkQueryText, resolveQueryOptions, type OpenSearchSearchOptions, type ResolvedQueryOptions } from './search-options.js'
import { exactToken, STEM_MARK, stemsOf } from './stacked.js'
import { hitsOf, unwrapResponse } from './vocabulary.js'
import { analyseQuery } from './words.js'

const KINDS: ReadonlySet<string> = new Set(MATCH_KIND_ORDER)

/**
 * Turns a search response into hits: `{ id, score, match, snippet?, snippetField?, ...stored }`.
 * Give the same query and options as to {@link toOpenSearchQuery}.
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when the response is not a search response
 * @example
 * ```ts
 * const hits = toSearchHits(await client.search({ index: 'articles', body }), query, options, { highlight: true })
 * hits[0].snippet   // '… রুশ প্রেসিডেন্ট <mark>পুতিনের</mark> সঙ্গে …'
 * ```
 */
export function toSearchHits(response: unknown, query: string, options: OpenSearchOptions, searchOptions: OpenSearchSearchOptions<unknown> = {}): SearchHit[] {
  checkQueryText(query, 'toSearchHits()')
  const index = resolveOpenSearchOptions(options)
  return hitsOfParsed(response, parseQuery(query), index, resolveQueryOptions(searchOptions, index))
}

/** The hits of a response to a parsed query. @internal */
export function hitsOfParsed(response: unknown, parsed: ParsedQuery, index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<unknown>): SearchHit[] {
  const labels = analyseQuery(parsed, search).map((clause) => clause.label)
  return hitsOf(unwrapResponse(response), 'The search').map((raw) => {
    const source = isPlainObject(raw['_source']) ? raw['_source'] : {}
    const matched = matchedNames(raw['matched_queries']).map((name) => parseName(name, index)).filter((m) => m !== undefined)
    const hit = Object.create(null) as Record<string, unknown>
    for (const field of index.storeFields) if (Object.hasOwn(source, field)) hit[field] = source[field]
    const fields = isPlainObject(raw['fields']) ? raw['fields'] : {}
    const values: unknown = fields[index.idField]
    const fromDocValues: unknown = Array.isArray(values) ? values[0] : undefined
    hit['id'] = documentId(source[index.idField] ?? fromDocValues, raw['_id'])
    hit['score'] = typeof raw['_score'] === 'number' ? raw['_score'] : 0
    hit['match'] = describeMatches(matched, labels, source)
    if (search.highlight !== undefined) Object.assign(hit, snippetOf(source, matched, index, search.highlight))
    return { ...hit } as SearchHit
  })
}

/** One named query that matched: clause, field, kind and token. */
interface MatchedQuery {
  readonly clause: number
  readonly field: string
  readonly kind: MatchKind
  readonly token: string
}

/** `matched_queries` is a list of names, or (with `include_named_queries_score`) a name → score map. */
function matchedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === 'string')
  if (isPlainObject(value)) return Object.keys(value)
  return []
}

/** Reads `<clause>:<field position>:<kind>:<token>` (the token may hold any character). */
function parseName(name: string, index: ResolvedOpenSearchOptions): MatchedQuery | undefined {
  const match = /^(\d+):(\d+):([a-z]+):/.exec(name)
  if (match === null) return undefined
  const [prefix, clause, field, kind] = match as unknown as [string, string, string, string]
  const fieldName = index.fields[Number(field)]
  if (fieldName === undefined || !KINDS.has(kind)) return undefined
  return { clause: Number(clause), field: fieldName, kind: kind as MatchKind, token: name.slice(prefix.length) }
}

/** The best match of each clause (best kind, then the first searched field), best kind first. */
function describeMatches(matched: readonly MatchedQuery[], labels: readonly string[], source: Record<string, unknown>): MatchInfo[] {
  const best = new Map<number, MatchedQuery>()
  for (const m of matched) {
    const known = best.get(m.clause)
    if (known === undefined || rank(m.kind) < rank(known.kind)) best.set(m.clause, m)
  }
  return [...best.values()]
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.clause - b.clause)
    .flatMap((m): MatchInfo[] => {
      const query = labels[m.clause] ?? m.token
      const text = source[m.field]
      const phraseWords = m.kind === 'prefix' ? [] : m.token.split(' ')
      if (phraseWords.length > 1) {
        const terms = typeof text === 'string' ? phraseRun(text, phraseWords) : undefined
        if (terms !== undefined) return terms.map((term, i) => ({ query, term, field: m.field, kind: phraseWordKind(m.kind, term, phraseWords[i] as string) }))
      }
      const term = (typeof text === 'string' ? firstWord(text, matcherOf([m])) : undefined) ?? tokenText(m.token)
      return [{ query, term, field: m.field, kind: m.kind }]
    })
}

/**
 * The words of the first place in a text where a phrase matched, in their canonical forms; each
 * phrase word is its alternatives joined by `|`, as the phrase query sent them.
 */
function phraseRun(text: string, phraseWords: readonly string[]): string[] | undefined {
  const matchers = phraseWords.map((word) => matcherOf([{ clause: 0, field: '', kind: 'stem', token: word }]))
  const recent: string[] = []
  let found: string[] | undefined
  forEachWord(text, (start, termEnd, _end, script) => {
    recent.push(wordTerm(text.slice(start, termEnd), script))
    if (recent.length > matchers.length) recent.shift()
    if (recent.length === matchers.length && recent.every((term, i) => (matchers[i] as WordMatcher).has(term))) found = [...recent]
    return found !== undefined
  })
  return found
}

/** A word of a matched phrase: exact when written as in the query, else the phrase's kind of match. */
function phraseWordKind(phraseKind: MatchKind, term: string, alternatives: string): MatchKind {
  const asWritten = alternatives.split('|')[0]
  return phraseKind === 'exact' || exactToken(term) === asWritten ? 'exact' : phraseKind
}

function rank(kind: MatchKind): number {
  return MATCH_KIND_ORDER.indexOf(kind)
}

/** A stem token's stem, or the token itself. */
function tokenText(token: string): string {
  return token.startsWith(STEM_MARK) ? token.slice(STEM_MARK.length) : token
}

/** Does a word of a text (its canonical term) match one of the matched queries? */
type WordMatcher = { has(term: string): boolean }

function matcherOf(matched: readonly MatchedQuery[]): WordMatcher {
  const tokens = new Set<string>()
  const prefixes: string[] = []
  for (const m of matched) {
    if (m.kind === 'prefix') prefixes.push(m.token)
    else for (const token of m.token.split(/[ |]/)) tokens.add(token)
  }
  const known = new Map<string, boolean>()
  return {
    has(term: string): boolean {
      let yes = known.get(term)
      if (yes === undefined) {
        const script = wordScript(term)
        yes =
          tokens.has(exactToken(term)) ||
          (script === 'bengali' && stemsOf(term, script).some((stem) => tokens.has(STEM_MARK + exactToken(stem)))) ||
          prefixes.some((prefix) => exactToken(term).startsWith(prefix))
        known.set(term, yes)
      }
      return yes
    },
  }
}

/** The first word of a text that the matcher accepts, in its canonical form. */
function firstWord(text: string, matcher: WordMatcher): string | undefined {
  let found: string | undefined
  forEachWord(text, (start, termEnd, _end, script) => {
    const term = wordTerm(text.slice(start, termEnd), script)
    if (!matcher.has(term)) return false
    found = term
    return true
  })
  return found
}

/** A snippet from the first stored field (those that matched first) that holds a match. */
function snippetOf(source: Record<string, unknown>, matched: readonly MatchedQuery[], index: ResolvedOpenSearchOptions, highlight: ResolvedHighlight): { snippet?: string; snippetField?: string } {
  const matcher = matcherOf(matched)
  for (const field of new Set([...matched.map((m) => m.field), ...index.fields])) {
    const text = source[field]
    const snippet = typeof text === 'string' ? makeSnippet(text, matcher, highlight) : undefined
    if (snippet !== undefined) return { snippet, snippetField: field }
  }
  return {}
}

/** The id as indexed: from `_source` (a number stays a number) or doc values (a string), else the `_id`. */
function documentId(fromSource: unknown, fromMeta: unknown): DocumentId {
  if (typeof fromSource === 'string' || (typeof fromSource === 'number' && Number.isFinite(fromSource))) return fromSource
  if (typeof fromMeta === 'string') return fromMeta
  throw new BanglaSearchError('INVALID_ARGUMENT', `A hit has neither an id in _source nor an _id, got ${describeValue(fromMeta)}.`)
}
