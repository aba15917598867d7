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

/** One query of the subset this entry emits. */
export type QueryDsl<F = never> =
  | { bool: BoolQueryBody<F> }
  | { dis_max: DisMaxQueryBody<F> }
  | { term: Record<string, TermQueryBody> }
  | { terms: Record<string, string[]> }
  | { prefix: Record<string, PrefixQueryBody> }
  | { fuzzy: Record<string, FuzzyQueryBody> }
  | { match_phrase: Record<string, MatchPhraseQueryBody> }
  | { match_none: Record<string, never> }

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
  sort?: Record<string, { order: 'asc' | 'desc' }>[]
  /** Count hits exactly only up to this number (false: do not count). */
  track_total_hits?: boolean | number
}

/** One search of a multi-search: the header names the index. */
export type MsearchItem = { index: string } | SearchBody

/** Index settings: the analysis chain and the similarity this entry's mappings name. */
export interface IndexSettings {
  /** Analysis components. */
  analysis?: {
    tokenizer?: Record<string, { type: 'whitespace'; max_token_length: number }>
    filter?: Record<string, { type: 'pattern_capture'; preserve_original: boolean; patterns: string[] }>
    analyzer?: Record<string, { type: 'custom'; tokenizer: string; filter: string[] }>
  }
  /** Index-level settings. */
  index?: {
    similarity?: Record<string, { type: 'BM25'; k1: number; b: number }>
    number_of_shards?: number
    auto_expand_replicas?: string
  }
}

/** A field mapping of the subset this entry emits. */
export type FieldMapping =
  | { type: 'text'; analyzer: string; similarity?: string; index_options?: 'positions' }
  | { type: 'keyword' }
  | { type: 'long' }
  | { properties: Record<string, FieldMapping> }

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
