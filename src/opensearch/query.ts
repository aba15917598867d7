/**
 * Step two of a search: the query DSL. Each query word becomes one `dis_max` per searched field
 * over the tokens it matches, each a `term` query boosted by its match kind (the weights of
 * `src/search/weights.ts`), so a document scores by its best form of the word; `prefix*` adds a
 * `prefix` query, phrases become `match_phrase` over the pre-analysed alternatives, `-word` a
 * `must_not`. Stopwords count a quarter and only add to documents another word found, as in
 * memory; field boosts multiply each field's `dis_max`. A query of two or more content words
 * also gets a `rescore` section that rewards its words standing close together and in order
 * (`./proximity.ts`).
 *
 * @module
 */

import { parseQuery, type ParsedQuery } from '../query/parse.js'
import { PREFIX_MAX_TERMS } from '../search/prefix.js'
import { MATCH_WEIGHTS } from '../search/weights.js'
import type { QueryDsl, SearchBody } from './dsl.js'
import { expandQueryWord, VocabularyView, type Expansion } from './expansion.js'
import { resolveOpenSearchOptions, type OpenSearchOptions, type ResolvedOpenSearchOptions } from './options.js'
import { proximityRescore, type ClauseExpansions } from './proximity.js'
import { checkQueryText, resolveQueryOptions, type OpenSearchSearchOptions, type ResolvedQueryOptions } from './search-options.js'
import { ALTERNATIVE_SEPARATOR } from './stacked.js'
import { analyseQuery, type AnalysedClause } from './words.js'

/**
 * Share of the other matching forms' scores a word's `dis_max` adds to the best one. Measured
 * through the Lucene harness (bench/engines/opensearch-lucene.ts): see docs/scale-out.md.
 */
export const TIE_BREAKER = 0.3
/** A phrase matched through stems or variants counts this much of an exact phrase. */
export const PHRASE_VARIANT_WEIGHT = MATCH_WEIGHTS.stem
/**
 * Most leaf queries in one request. OpenSearch counts every leaf of the query tree against
 * `indices.query.bool.max_clause_count` (1,024 by default); clauses past this budget are dropped.
 */
export const MAX_LEAF_QUERIES = 1000
/** How a prefix query scores: its most frequent completions as one blended term, as in memory. */
export const PREFIX_REWRITE = `top_terms_blended_freqs_${PREFIX_MAX_TERMS}`

/**
 * Turns a query in the library's syntax into the body of a search request: words, `"phrases"`,
 * `-exclusions` and `prefix*`, expanded through the vocabulary given in `options.vocabulary`.
 *
 * @throws {@link BanglaSearchError} `INVALID_QUERY` or `INVALID_OPTION`
 * @example
 * ```ts
 * const body = toOpenSearchQuery('পুতিনের সফর', { index: 'articles', fields: ['text'] }, { vocabulary })
 * const response = await client.search({ index: 'articles', body })
 * ```
 */
export function toOpenSearchQuery<F = never>(query: string, options: OpenSearchOptions, searchOptions: OpenSearchSearchOptions<F> = {}): SearchBody<F> {
  checkQueryText(query, 'toOpenSearchQuery()')
  const index = resolveOpenSearchOptions(options)
  return queryOf(parseQuery(query), index, resolveQueryOptions(searchOptions, index))
}

/** The search body of a parsed query. @internal */
export function queryOf<F>(parsed: ParsedQuery, index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<F>): SearchBody<F> {
  const setup = { vocabulary: search.vocabulary === undefined ? undefined : new VocabularyView(search.vocabulary), synonyms: index.synonyms }
  const scoring: QueryDsl<F>[] = []
  const stopwords: QueryDsl<F>[] = []
  const excluded: QueryDsl<F>[] = []
  const used: ClauseExpansions[] = []
  let leaves = 0
  analyseQuery(parsed, search).forEach((clause, clauseIndex) => {
    const words = clause.words.map((word) => expandQueryWord(word, setup))
    const cost = words.reduce((sum, word) => sum + word.reduce((n, e) => n + (e.kind === 'prefix' ? PREFIX_MAX_TERMS : 1), 0), 0) * search.fields.length
    if (leaves + cost > MAX_LEAF_QUERIES) return
    leaves += cost
    used.push({ clause, words })
    if (clause.exclude) excluded.push(...exclusion(clause, words, index, search))
    else (clause.weight < 1 ? stopwords : scoring).push(clauseQuery(clause, clauseIndex, words, index, search))
  })
  const body: SearchBody<F> = { query: combine(scoring, stopwords, excluded, search), size: search.limit, from: search.offset, track_total_hits: false }
  const rescore = proximityRescore(used, index, search)
  if (rescore !== undefined) body.rescore = rescore
  if (index.storeFields.length > 0) body._source = [index.idField, ...index.storeFields.filter((field) => field !== index.idField)]
  else {
    // nothing stored to show: the id comes from doc values, and no stored field is read at all
    body._source = false
    body.stored_fields = ['_none_']
    body.docvalue_fields = [index.idField]
  }
  return body
}

/** The clauses put together: content words ranked, stopwords only adding to what they found. */
function combine<F>(scoring: QueryDsl<F>[], stopwords: QueryDsl<F>[], excluded: QueryDsl<F>[], search: ResolvedQueryOptions<F>): QueryDsl<F> {
  if (scoring.length === 0 && stopwords.length === 0) return { match_none: {} }
  const bool: { must?: QueryDsl<F>[]; should?: QueryDsl<F>[]; must_not?: QueryDsl<F>[]; filter?: (QueryDsl<F> | F)[]; minimum_should_match?: number } = {}
  if (search.combineWith === 'and') bool.must = [...scoring, ...stopwords]
  else if (scoring.length === 0) {
    bool.should = stopwords
    bool.minimum_should_match = 1
  } else {
    bool.must = [scoring.length === 1 ? (scoring[0] as QueryDsl<F>) : { bool: { should: scoring } }]
    if (stopwords.length > 0) bool.should = stopwords
  }
  if (excluded.length > 0) bool.must_not = excluded
  if (search.filter.length > 0) bool.filter = [...search.filter]
  const only = Object.keys(bool).length === 1 && bool.must?.length === 1 ? bool.must[0] : undefined
  return only ?? { bool }
}

/** One word or phrase: the sum over the searched fields of its boosted per-field query. */
function clauseQuery<F>(clause: AnalysedClause, clauseIndex: number, words: readonly Expansion[][], index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<F>): QueryDsl<F> {
  const perField = search.fields.map((field, slot) => {
    const path = `${index.analyzedField}.${index.fields[field] as string}`
    const name = (kind: string, token: string): string => `${clauseIndex}:${field}:${kind}:${token}`
    const queries = clause.phrase ? phraseQueries<F>(path, words, name) : (words[0] ?? []).map((expansion) => leafQuery<F>(path, expansion, name(expansion.kind, expansion.token)))
    const boost = (search.boosts[slot] ?? 1) * (search.fields.length === 1 ? clause.weight : 1)
    return { dis_max: { queries, tie_breaker: TIE_BREAKER, boost } }
  })
  return perField.length === 1 ? (perField[0] as QueryDsl<F>) : { bool: { should: perField, boost: clause.weight } }
}

function leafQuery<F>(path: string, expansion: Expansion, name: string): QueryDsl<F> {
  if (expansion.kind === 'prefix') return { prefix: { [path]: { value: expansion.token, rewrite: PREFIX_REWRITE, boost: expansion.weight, _name: name } } }
  return { term: { [path]: { value: expansion.token, boost: expansion.weight, _name: name } } }
}

/** A phrase: the words as written, and (weaker) the words in any of their matched forms. */
function phraseQueries<F>(path: string, words: readonly Expansion[][], name: (kind: string, token: string) => string): QueryDsl<F>[] {
  const exact = words.map((word) => word.find((e) => e.kind === 'exact')?.token ?? word[0]?.token ?? '').join(' ')
  const queries: QueryDsl<F>[] = [{ match_phrase: { [path]: { query: exact, boost: 1, _name: name('exact', exact) } } }]
  const variants = alternatives(words)
  if (variants !== exact) queries.push({ match_phrase: { [path]: { query: variants, boost: PHRASE_VARIANT_WEIGHT, _name: name('stem', variants) } } })
  return queries
}

/** The phrase with each word's alternatives joined by `|`, as the field's analyzer stacks them. */
function alternatives(words: readonly Expansion[][]): string {
  return words.map((word) => word.map((e) => e.token).join(ALTERNATIVE_SEPARATOR)).join(' ')
}

/** An excluded word or phrase: any field holding it excludes the document. */
function exclusion<F>(clause: AnalysedClause, words: readonly Expansion[][], index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<F>): QueryDsl<F>[] {
  return search.fields.map((field) => {
    const path = `${index.analyzedField}.${index.fields[field] as string}`
    if (clause.phrase) return { match_phrase: { [path]: { query: alternatives(words) } } }
    return { terms: { [path]: (words[0] ?? []).map((e) => e.token) } }
  })
}
