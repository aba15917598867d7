/**
 * The part of the OpenSearch / Elasticsearch query DSL and index API that this entry emits, as
 * TypeScript types. The shapes are checked against the official clients' own types in
 * `test/opensearch/client-types.test-d.ts`, so a body built here is a body both clients accept.
 *
 * @module
 */

/** A term query on one field: the token and its boost (and a name, to learn which clause matched). */
export interface TermQueryBody {
  /** The indexed token. */
  value: string
  /** Score multiplier. */
  boost?: number
  /** Reported back in the hit's `matched_queries`. */
  _name?: string
}

/** A prefix query on one field. */
export interface PrefixQueryBody {
  /** The start of the indexed tokens. */
  value: string
  /** How the matching terms are scored: `top_terms_blended_freqs_N` scores the N first as one term. */
  rewrite?: string
  /** Score multiplier. */
  boost?: number
  /** Reported back in the hit's `matched_queries`. */
  _name?: string
}

/** A fuzzy query on one (keyword) field. */
export interface FuzzyQueryBody {
  /** The value to match within `fuzziness` edits. */
  value: string
  /** Edits allowed (0, 1 or 2). */
  fuzziness: number
  /** Leading characters that must match exactly. */
  prefix_length?: number
  /** Most terms the query expands to. */
  max_expansions?: number
  /** Count a swap of two neighbours as one edit. */
  transpositions?: boolean
  /** `constant_score` keeps every matching term (for filters). */
  rewrite?: string
}

/** A phrase query on one field: the query text goes through the field's analyzer. */
export interface MatchPhraseQueryBody {
  /** The pre-analysed phrase: words separated by spaces, a word's alternatives by `|`. */
  query: string
  /** Positions the words may stand apart or out of order and still match (a sloppy phrase). */
  slop?: number
  /** Score multiplier. */
  boost?: number
  /** Reported back in the hit's `matched_queries`. */
  _name?: string
}

/** A boolean combination of queries. */
export interface BoolQueryBody<F = never> {
  /** Clauses that must match and add to the score. */
  must?: QueryDsl<F>[]
  /** Clauses that add to the score when they match. */
  should?: QueryDsl<F>[]
  /** Clauses that exclude the documents they match. */
  must_not?: QueryDsl<F>[]
  /** Clauses that must match and do not score (the caller's own filters). */
  filter?: (QueryDsl<F> | F)[]
  /** How many `should` clauses must match. */
  minimum_should_match?: number
  /** Score multiplier. */
  boost?: number
}

/** The best of several queries, plus `tie_breaker` times the others. */
export interface DisMaxQueryBody<F = never> {
  /** The alternatives. */
  queries: QueryDsl<F>[]
  /** Share of the other matching alternatives' scores added to the best one. */
  tie_breaker?: number
  /** Score multiplier. */
  boost?: number
}

/** A `bool` query. */
export type BoolQuery<F = never> = {
  /** Boolean combination of clauses. */
  bool: BoolQueryBody<F>
}
/** A `dis_max` query. */
export type DisMaxQuery<F = never> = {
  /** The best of several alternatives. */
  dis_max: DisMaxQueryBody<F>
}
/** A `term` query: one field → its term. */
export type TermQuery = {
  /** The field (one key) and its term. */
  term: Record<string, TermQueryBody>
}
/** A `terms` query: one field → any of its values (no scoring). */
export type TermsQuery = {
  /** The field (one key) and its values. */
  terms: Record<string, string[]>
}
/** A `prefix` query: one field → the start of its terms. */
export type PrefixQuery = {
  /** The field (one key) and the prefix. */
  prefix: Record<string, PrefixQueryBody>
}
/** A `fuzzy` query: one field → a value within some edits. */
export type FuzzyQuery = {
  /** The field (one key) and the value. */
  fuzzy: Record<string, FuzzyQueryBody>
}
/** A `match_phrase` query: one field → a phrase analysed by the field's analyzer. */
export type MatchPhraseQuery = {
  /** The field (one key) and the phrase. */
  match_phrase: Record<string, MatchPhraseQueryBody>
}
/** A query that matches nothing (a query without a word to look for). */
export type MatchNoneQuery = {
  /** Always empty. */
  match_none: Record<string, never>
}

/** One query of the subset this entry emits. */
export type QueryDsl<F = never> = BoolQuery<F> | DisMaxQuery<F> | TermQuery | TermsQuery | PrefixQuery | FuzzyQuery | MatchPhraseQuery | MatchNoneQuery

/** A sort order. */
export type SortOrder = {
  /** Ascending or descending. */
  order: 'asc' | 'desc'
}

/** The query of a `rescore` section: how its score joins the first pass's. */
export interface RescoreQuery<F = never> {
  /** Run on the first pass's best hits only. */
  rescore_query: QueryDsl<F>
  /** Factor of the first-pass score. */
  query_weight: number
  /** Factor of the rescore query's score (added only where it matches). */
  rescore_query_weight: number
  /** `total`: the two weighted scores are added. */
  score_mode: 'total'
}

/** A `rescore` section: re-scores the best `window_size` hits of each shard with a second query. */
export interface Rescore<F = never> {
  /** Hits re-scored per shard (at least `size + from`, so the page is re-scored whole). */
  window_size: number
  /** The second query and how its score is combined. */
  query: RescoreQuery<F>
}

/** The body of a search request (`client.search({ index, body })`). */
export interface SearchBody<F = never> {
  /** The query. */
  query: QueryDsl<F>
  /** Hits to return. */
  size: number
  /** Hits to skip. */
  from?: number
  /** The `_source` fields to return (false: none). */
  _source?: string[] | false
  /** Stored fields to return: `['_none_']` skips them all, `_id` included (ids then come from doc values). */
  stored_fields?: string[]
  /** Fields returned from doc values (columnar, cheap to read), under each hit's `fields`. */
  docvalue_fields?: string[]
  /** Sort order (the vocabulary lookups sort by document frequency). */
  sort?: Record<string, SortOrder>[]
  /** Count hits exactly only up to this number (false: do not count). */
  track_total_hits?: boolean | number
  /** Proximity: the best hits re-scored by how close the query's words stand (queries of two or more words). */
  rescore?: Rescore<F>
}

/** The header of one search in a multi-search: the index it searches. */
export interface MsearchHeader {
  /** The index searched. */
  index: string
}

/** One line of a multi-search body: a header, then the search body. */
export type MsearchItem = MsearchHeader | SearchBody

/** The tokenizer of the pre-analysed fields: splits on whitespace only. */
export interface WhitespaceTokenizerSettings {
  /** Always `'whitespace'`. */
  type: 'whitespace'
  /** Longer tokens are split at this length (the default, 255, would cut a long word group). */
  max_token_length: number
}

/** The token filter that stacks a word's alternatives: one token per capture, at the word's position. */
export interface PatternCaptureSettings {
  /** Always `'pattern_capture'`. */
  type: 'pattern_capture'
  /** false: the group `exact|~stem` itself is not indexed, only its parts. */
  preserve_original: boolean
  /** Regular expressions whose capture groups become tokens. */
  patterns: string[]
}

/** A custom analyzer: a tokenizer and token filters, by name. */
export interface CustomAnalyzerSettings {
  /** Always `'custom'`. */
  type: 'custom'
  /** The tokenizer's name. */
  tokenizer: string
  /** The token filters' names, in order. */
  filter: string[]
}

/** The analysis components of an index. */
export interface AnalysisSettings {
  /** Tokenizers by name. */
  tokenizer?: Record<string, WhitespaceTokenizerSettings>
  /** Token filters by name. */
  filter?: Record<string, PatternCaptureSettings>
  /** Analyzers by name. */
  analyzer?: Record<string, CustomAnalyzerSettings>
}

/** A BM25 similarity with its parameters. */
export interface Bm25SimilaritySettings {
  /** Always `'BM25'`. */
  type: 'BM25'
  /** Term-frequency saturation. */
  k1: number
  /** Length normalisation. */
  b: number
}

/** Index-level settings. */
export interface IndexLevelSettings {
  /** Similarities by name. */
  similarity?: Record<string, Bm25SimilaritySettings>
  /** Primary shards (the vocabulary index has one). */
  number_of_shards?: number
  /** Replicas kept on every node (`'0-all'`), so a lookup is answered where it arrives. */
  auto_expand_replicas?: string
}

/** Index settings: the analysis chain and the similarity this entry's mappings name. */
export interface IndexSettings {
  /** Analysis components. */
  analysis?: AnalysisSettings
  /** Index-level settings. */
  index?: IndexLevelSettings
}

/** A pre-analysed text field. */
export interface TextFieldMapping {
  /** Always `'text'`. */
  type: 'text'
  /** The analyzer's name. */
  analyzer: string
  /** The similarity's name. */
  similarity?: string
  /** What the postings keep: positions, for phrases. */
  index_options?: 'positions'
}

/** A keyword (exact value) or a long (a number, sortable) field. */
export interface ValueFieldMapping {
  /** The field type. */
  type: 'keyword' | 'long'
}

/** An object field: its own properties. */
export interface ObjectFieldMapping {
  /** The mapped sub-fields. */
  properties: Record<string, FieldMapping>
}

/** A field mapping of the subset this entry emits. */
export type FieldMapping = TextFieldMapping | ValueFieldMapping | ObjectFieldMapping

/** Index mappings. */
export interface IndexMappings {
  /** false: fields not named in `properties` stay in `_source` but are not indexed. */
  dynamic: false
  /** The mapped fields. */
  properties: Record<string, FieldMapping>
}

/** The body of `indices.create` (or the `template` of an index template). */
export interface IndexBody {
  /** Analysis and similarity. */
  settings: IndexSettings
  /** Field mappings. */
  mappings: IndexMappings
}
