/** Every engine configuration the harness knows, in the order tables list them. */
import type { EngineSpec } from '../types.js'
import { banglaSearch } from './bangla-search.js'
import { flexSearchDefaults, flexSearchWholeWord } from './flexsearch.js'
import { fuse } from './fuse.js'
import { lucene } from './lucene.js'
import { lunrDefaults, lunrUnicodeTrimmer } from './lunr.js'
import { miniSearchDefaults, miniSearchPrefixFuzzy } from './minisearch.js'
import { openSearchLucene } from './opensearch-lucene.js'
import { oramaBengaliTokenizer, oramaDefaults } from './orama.js'

export const ENGINES: readonly EngineSpec[] = [
  banglaSearch,
  flexSearchDefaults,
  flexSearchWholeWord,
  miniSearchDefaults,
  miniSearchPrefixFuzzy,
  lunrDefaults,
  lunrUnicodeTrimmer,
  oramaDefaults,
  oramaBengaliTokenizer,
  fuse,
  lucene,
  openSearchLucene,
]
