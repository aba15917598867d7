/**
 * One search from a parsed query to hits: plan (analysis and expansion), scoring plan (lists per
 * clause and field), top-k selection with pruning, then hits with their matches, stored fields,
 * snippets and explanations.
 *
 * @module
 * @internal
 */

import type { DocumentTable } from '../documents.js'
import { makeSnippet, resolveHighlight } from '../highlight/snippet.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import type { CursorPool } from '../index/list-cursor.js'
import type { StringList } from '../index/string-list.js'
import type { ResolvedIndexOptions, ResolvedSearchOptions } from '../options.js'
import { MAX_QUERY_CLAUSES, type ParsedQuery, type QueryClause } from '../query/parse.js'
import type { DocumentId, MatchInfo, SearchHit, SearchOptions, StoredFields } from '../types.js'
import type { FuzzyMatcher } from './fuzzy.js'
import { describeHits, explainDocument } from './hits.js'
import type { ExpansionContext } from './expand.js'
import { planQuery, type PlanOptions, type PlannedClause } from './plan.js'
import type { PrefixLookup } from './prefix.js'
import { candidateCount, rerankByProximity } from './rerank.js'
import { planScoring, type ScoringClause, type ScoringSetup } from './scoring-plan.js'
import { topDocuments } from './top-docs.js'
import type { WordCache } from './word-cache.js'

export { MAX_QUERY_CLAUSES } from '../query/parse.js'

/** Everything a search reads. */
export interface SearchContext {
  readonly index: InvertedIndex
  readonly documents: DocumentTable
  readonly options: ResolvedIndexOptions
  readonly prefixes: PrefixLookup
  readonly fuzzy: FuzzyMatcher
  readonly synonyms: ReadonlyMap<string, readonly string[]>
  /** Plans of recent words (per index generation). */
  readonly cache?: WordCache
  /** Cursors reused from query to query. */
  readonly cursors?: CursorPool
}

/** Runs one parsed query. `prune: false` scores every candidate (tests compare the two). */
export function runQuery(parsed: ParsedQuery, resolved: ResolvedSearchOptions, given: SearchOptions | undefined, context: SearchContext, prune = true): SearchHit[] {
  const { index, options } = context
  const segments = index.searchSegments()
  const cache = context.cache
  const expansion = { index, prefixes: context.prefixes, fuzzy: context.fuzzy, synonyms: context.synonyms, ...(cache === undefined ? {} : { cache }) }
  let plan = planQuery(parsed, expansion, resolved, MAX_QUERY_CLAUSES)
  if (!plan.some((clause) => !clause.exclude)) return []
  const { fields, boost, bm25 } = options
  const setup: ScoringSetup = {
    index,
    segments,
    fields: resolved.fields.map((field) => fields.indexOf(field)),
    boosts: resolved.fields.map((field) => ownNumber(boost, field) * ownNumber(given?.boost, field)),
    bm25,
    ...(cache === undefined ? {} : { cache }),
    ...(context.cursors === undefined ? {} : { cursors: context.cursors }),
  }
  let clauses = planScoring(plan, setup)
  // ranking hook (pasted titles): a quoted phrase no document holds is read as its words, while
  // the other clauses keep their meaning (quotes are often part of a pasted title)
  if (clauses.some(isUnheldPhrase)) {
    context.cursors?.releaseAll()
    const words = parsed.clauses.map((clause, i) => (i < MAX_QUERY_CLAUSES && isUnheldPhraseClause(clause, expansion, resolved, setup) ? { ...clause, type: 'word' as const, prefix: false } : clause))
    context.cursors?.releaseAll()
    plan = planQuery({ ...parsed, clauses: words }, expansion, resolved, MAX_QUERY_CLAUSES)
    clauses = planScoring(plan, setup)
  }
  try {
    return hitsOf(clauses, plan, resolved, given, context, prune)
  } finally {
    context.cursors?.releaseAll()
  }
}

/** A phrase clause of the scoring plan (not an exclusion) that no document holds in any searched field. */
function isUnheldPhrase(clause: ScoringClause): boolean {
  return !clause.exclude && clause.planned.words.length > 1 && clause.fields.every((part) => part.phrase === undefined || part.phrase.wordTerms.size === 0)
}

/** Is this query clause a phrase (not an exclusion) that no document holds? */
function isUnheldPhraseClause(clause: QueryClause, expansion: ExpansionContext, options: PlanOptions, setup: ScoringSetup): boolean {
  if (clause.type !== 'phrase' || clause.exclude) return false
  const plan = planQuery({ clauses: [clause], warnings: [] }, expansion, options, 1)
  return planScoring(plan, setup).some(isUnheldPhrase)
}

/** Selects the top documents of a scoring plan and builds their hits. */
function hitsOf(clauses: ScoringClause[], plan: readonly PlannedClause[], resolved: ResolvedSearchOptions, given: SearchOptions | undefined, context: SearchContext, prune: boolean): SearchHit[] {
  const { index, documents, options } = context
  const { fields } = options
  const { ids, order } = documents
  const filter = given?.filter
  const wanted = resolved.offset + resolved.limit
  // ranking hook (proximity, rerank.ts): a query of two or more words asks for the best
  // PROXIMITY.depth candidates, re-scores them with the proximity bonus, then cuts the page
  const first = topDocuments(clauses, {
    count: Math.min(candidateCount(clauses, wanted), index.liveCount),
    requireAll: resolved.combineWith === 'and',
    prune,
    deleted: index.deletedSinceVacuum > 0 ? index.deletedFlags() : undefined,
    keep: filter === undefined ? () => true : (doc) => filter(documents.lazyStored(doc), ids[doc] as DocumentId),
    orderOf: (doc) => order[doc] as number,
  })
  const top = rerankByProximity(first, clauses, index, index.searchSegments()).slice(resolved.offset, wanted)
  const highlight = given?.highlight ? resolveHighlight(given.highlight) : undefined
  const matchedTerms = highlight === undefined ? undefined : termsOfPlan(plan, index.vocabulary.terms)
  const matches = describeHits(clauses, top, index.vocabulary, fields)
  return top.map((found, i) => {
    const { doc, score } = found
    const match = matches[i] as MatchInfo[]
    const stored = documents.stored(doc)
    // spread, not Object.assign: a stored field named __proto__ must stay data
    const hit: Record<string, unknown> = { ...stored, id: ids[doc], score, match }
    if (highlight !== undefined && matchedTerms !== undefined) Object.assign(hit, snippetOf(stored, match, fields, matchedTerms, highlight))
    if (resolved.explain) hit['explanation'] = explainDocument(clauses, doc, fields)
    Object.defineProperty(hit, INSPECT, INSPECT_HIT)
    return hit as SearchHit
  })
}

/** The indexed terms a plan looks for (not those it excludes), to mark in snippets. */
function termsOfPlan(plan: readonly PlannedClause[], terms: StringList): Set<string> {
  const found = new Set<string>()
  for (const clause of plan) {
    if (clause.exclude) continue
    for (const word of clause.words) for (const term of word) found.add(terms.get(term.termId))
  }
  return found
}

/** A snippet from the first stored field (those that matched first) that holds a match. */
function snippetOf(
  stored: StoredFields | undefined,
  match: readonly MatchInfo[],
  fields: readonly string[],
  terms: ReadonlySet<string>,
  highlight: ReturnType<typeof resolveHighlight>,
): { snippet?: string; snippetField?: string } {
  if (stored === undefined) return {}
  for (const field of new Set([...match.map((m) => m.field), ...fields])) {
    const text = stored[field]
    const snippet = typeof text === 'string' ? makeSnippet(text, terms, highlight) : undefined
    if (snippet !== undefined) return { snippet, snippetField: field }
  }
  return {}
}

/** A field's factor in a boost table, 1 when absent (own properties only: a field may be named `constructor`). */
function ownNumber(table: Readonly<Record<string, number>> | undefined, field: string): number {
  return table !== undefined && Object.hasOwn(table, field) ? (table[field] as number) : 1
}

/** Node's `util.inspect` hook, reached through the global symbol registry (no Node import). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** Gives a hit a short, readable form in the Node REPL: id, score, match kinds and snippet (not enumerable). */
const INSPECT_HIT: PropertyDescriptor = {
  enumerable: false,
  value(this: SearchHit): string {
    const kinds = this.match.map((m) => `${m.term}:${m.kind}`).join(', ')
    const snippet = this.snippet === undefined ? '' : `\n  ${this.snippet}`
    return `Hit ${JSON.stringify(this.id)} score ${this.score.toFixed(3)} [${kinds}]${snippet}`
  },
}
