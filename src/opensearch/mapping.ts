/**
 * Index bodies: the settings and mappings of the document index (one pre-analysed text field per
 * searchable field) and of the vocabulary index (one entry per stem, with its alias keys and
 * document frequency).
 *
 * @module
 */

import { refuseValue } from '../errors.js'
import type { FieldMapping, IndexBody } from './dsl.js'
import { resolveOpenSearchOptions, type OpenSearchOptions } from './options.js'
import { ALTERNATIVE_SEPARATOR, MAX_TOKEN_LENGTH } from './stacked.js'

/** The analyzer of the pre-analysed fields (whitespace tokenizer + `pattern_capture` on `|`). */
export const ANALYZER_NAME = 'bangla_search'
/** The similarity the pre-analysed fields use: BM25 with the options' `k1` and `b`. */
export const SIMILARITY_NAME = 'bangla_search_bm25'
const TOKENIZER_NAME = 'bangla_search_words'
const FILTER_NAME = 'bangla_search_alternatives'

/** Longest whitespace-separated group: a word and its stems (three tokens of {@link MAX_TOKEN_LENGTH}). */
const MAX_GROUP_LENGTH = 4 * MAX_TOKEN_LENGTH

/**
 * The body of `indices.create` for the document index: the analysis chain and BM25 settings, and
 * mappings with the id as a keyword and each searchable field as pre-analysed text under
 * `analyzedField`. Other fields stay in `_source` unindexed (`dynamic: false`): add your own
 * mappings beside these for fields you filter on.
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` when an option is malformed
 * @example
 * ```ts
 * await client.indices.create({ index: 'articles', body: indexBody({ index: 'articles', fields: ['title', 'text'] }) })
 * ```
 */
export function indexBody(options: OpenSearchOptions): IndexBody {
  const resolved = resolveOpenSearchOptions(options)
  const analyzed: Record<string, FieldMapping> = {}
  for (const field of resolved.fields) {
    analyzed[field] = { type: 'text', analyzer: ANALYZER_NAME, similarity: SIMILARITY_NAME, index_options: 'positions' }
  }
  return {
    settings: {
      analysis: {
        tokenizer: { [TOKENIZER_NAME]: { type: 'whitespace', max_token_length: MAX_GROUP_LENGTH } },
        filter: {
          // one capture per alternative: every part of `exact|~stem` at the word's position
          [FILTER_NAME]: { type: 'pattern_capture', preserve_original: false, patterns: [`([^${ALTERNATIVE_SEPARATOR}]+)`] },
        },
        analyzer: { [ANALYZER_NAME]: { type: 'custom', tokenizer: TOKENIZER_NAME, filter: [FILTER_NAME] } },
      },
      index: { similarity: { [SIMILARITY_NAME]: { type: 'BM25', k1: resolved.bm25.k1, b: resolved.bm25.b } } },
    },
    mappings: {
      dynamic: false,
      properties: { [resolved.idField]: { type: 'keyword' }, [resolved.analyzedField]: { properties: analyzed } },
    },
  }
}

/** A composable index template: the settings and mappings of {@link indexBody} for every new index whose name matches. */
export interface IndexTemplate {
  /** Index name patterns, e.g. `['articles-*']`. */
  index_patterns: string[]
  /** What a matching index is created with. */
  template: IndexBody
}

/**
 * The body of `indices.putIndexTemplate`, for indexes created later (one per month, behind an
 * alias…). Keep the vocabulary index out of the patterns: it has its own body.
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` when an option is malformed or `patterns` is empty
 * @example
 * ```ts
 * await client.indices.putIndexTemplate({ name: 'articles', body: indexTemplate(options, ['articles-20*']) })
 * ```
 */
export function indexTemplate(options: OpenSearchOptions, patterns: readonly string[]): IndexTemplate {
  if (!Array.isArray(patterns) || patterns.length === 0 || !patterns.every((pattern) => typeof pattern === 'string' && pattern !== '')) {
    refuseValue('INVALID_OPTION', 'patterns', "a non-empty array of index name patterns such as ['articles-*']", patterns)
  }
  return { index_patterns: [...patterns], template: indexBody(options) }
}

/**
 * The body of `indices.create` for the vocabulary index: one small document per stem. One shard
 * (it is small) and a replica on every node, so each lookup is answered where it arrives.
 *
 * @example
 * ```ts
 * await client.indices.create({ index: 'articles-vocabulary', body: vocabularyIndexBody() })
 * ```
 */
export function vocabularyIndexBody(): IndexBody {
  return {
    settings: { index: { number_of_shards: 1, auto_expand_replicas: '0-all' } },
    mappings: {
      dynamic: false,
      properties: { stem: { type: 'keyword' }, k0: { type: 'keyword' }, k1: { type: 'keyword' }, k1v: { type: 'keyword' }, df: { type: 'long' } },
    },
  }
}
