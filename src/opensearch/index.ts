/**
 * `bangla-search/opensearch`: the library's Bengali analysis and query expansion on an OpenSearch
 * or Elasticsearch 8 cluster. Documents are pre-analysed here and indexed as stacked
 * `exact|~stem` tokens; queries are expanded here (through a small vocabulary index on the
 * cluster for spelling variants, romanised words and typos) into `dis_max` query DSL; hits come
 * back as {@link SearchHit}s with the library's own snippets. The official clients are optional
 * peer dependencies: nothing here imports them. See `docs/scale-out.md`.
 *
 * @packageDocumentation
 */

export { indexBody, indexTemplate, vocabularyIndexBody, ANALYZER_NAME, SIMILARITY_NAME, type IndexTemplate } from './mapping.js'
export { toOpenSearchDocument, type OpenSearchDocument } from './document.js'
export { vocabularyLookup, fallbackLookup, LOOKUP_SIZE, FUZZY_LOOKUP_SIZE } from './lookup.js'
export { readVocabulary, vocabularyUpdates, vowelDeletions, VOCABULARY_SCRIPT, MAX_VOWEL_DELETIONS, type VocabularyEntry, type BulkLine } from './vocabulary.js'
export { toOpenSearchQuery, TIE_BREAKER, PHRASE_VARIANT_WEIGHT, MAX_LEAF_QUERIES, PREFIX_REWRITE } from './query.js'
export { PROXIMITY_RESCORE, type ProximityRescoreParameters } from './proximity.js'
export { toSearchHits } from './hits.js'
export { searchOpenSearch, type SearchClient, type SearchOpenSearchOptions } from './client.js'
export {
  bulkIndex,
  type BulkClient,
  type BulkHelperParams,
  type BulkHelpers,
  type IndexAction,
  type IndexActionTarget,
  type IndicesApi,
  type BulkIndexOptions,
  type BulkItemError,
  type BulkProgress,
  type BulkReport,
  type DroppedItem,
} from './bulk.js'
export { stackedText, stemToken, STEM_MARK, ALTERNATIVE_SEPARATOR, MAX_TOKEN_LENGTH } from './stacked.js'
export type { OpenSearchOptions } from './options.js'
export type { OpenSearchSearchOptions } from './search-options.js'
export type {
  BoolQuery,
  DisMaxQuery,
  TermQuery,
  TermsQuery,
  PrefixQuery,
  FuzzyQuery,
  MatchPhraseQuery,
  MatchNoneQuery,
  SortOrder,
  AnalysisSettings,
  Bm25SimilaritySettings,
  BoolQueryBody,
  CustomAnalyzerSettings,
  IndexLevelSettings,
  MsearchHeader,
  ObjectFieldMapping,
  PatternCaptureSettings,
  TextFieldMapping,
  ValueFieldMapping,
  WhitespaceTokenizerSettings,
  DisMaxQueryBody,
  FieldMapping,
  FuzzyQueryBody,
  IndexBody,
  IndexMappings,
  IndexSettings,
  MatchPhraseQueryBody,
  MsearchItem,
  PrefixQueryBody,
  QueryDsl,
  Rescore,
  RescoreQuery,
  SearchBody,
  TermQueryBody,
} from './dsl.js'
export type { SearchHit, MatchInfo, MatchKind, SearchDocument, DocumentId, HighlightOptions, SearchIndexOptions, SearchOptions, Bm25Parameters } from '../types.js'
export { BanglaSearchError, type ErrorCode } from '../errors.js'
