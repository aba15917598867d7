/** Every engine configuration the harness knows, in the order tables list them. */
import type { EngineSpec } from '../types.js'
import { banglaSearch } from './bangla-search.js'
import { flexSearchBangla, flexSearchBanglaAllWords, flexSearchDefaults, flexSearchWholeWord } from './flexsearch.js'
import { fuse } from './fuse.js'
import { lucene } from './lucene.js'
import { lunrBangla, lunrDefaults, lunrUnicodeTrimmer } from './lunr.js'
import { miniSearchBangla, miniSearchDefaults, miniSearchPrefixFuzzy } from './minisearch.js'
import { openSearchLucene } from './opensearch-lucene.js'
import { oramaBangla, oramaBengaliTokenizer, oramaDefaults } from './orama.js'

export const ENGINES: readonly EngineSpec[] = [
  banglaSearch,
  flexSearchDefaults,
  flexSearchWholeWord,
  flexSearchBangla,
  flexSearchBanglaAllWords,
  miniSearchDefaults,
  miniSearchPrefixFuzzy,
  miniSearchBangla,
  lunrDefaults,
  lunrUnicodeTrimmer,
  lunrBangla,
  oramaDefaults,
  oramaBengaliTokenizer,
  oramaBangla,
  fuse,
  lucene,
  openSearchLucene,
]
