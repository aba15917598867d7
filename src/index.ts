/**
 * bangla-search: full-text search for Bengali (Bangla) text, in the browser and in Node.
 *
 * @packageDocumentation
 */

export { SearchIndex } from './search-index.js'
export { BanglaSearchError, type ErrorCode } from './errors.js'
export { normalize } from './analysis/normalize.js'
export { tokenize, type Token, type TokenScript } from './analysis/tokenize.js'
export { stem, stemCandidates } from './analysis/stem.js'
export { analyze, aliasKey, type AnalyzedToken } from './analysis/analyze.js'
export { isStopword } from './analysis/stopwords.js'
export { detectLegacyBengali, type LegacyVerdict } from './analysis/legacy-encoding.js'
export { convertLegacyBengali } from './analysis/legacy-convert.js'
export { parseQuery, showQuery, type ParsedQuery, type QueryClause, type WordClause, type PhraseClause } from './query/parse.js'
export { FORMAT_VERSION, type SavedIndex, type SavedPostings } from './serialize/format.js'
export { BINARY_VERSION as BINARY_FORMAT_VERSION } from './serialize/binary-save.js'
export type {
  AddAllAsyncOptions,
  AddAllOptions,
  AddAllReport,
  AddProgress,
  Bm25Parameters,
  DocumentId,
  HighlightOptions,
  MatchInfo,
  MatchKind,
  ScoreExplanation,
  SearchDocument,
  SearchHit,
  SearchIndexOptions,
  SearchOptions,
  SkippedDocument,
  StoredFields,
  SuggestOptions,
  Suggestion,
} from './types.js'
