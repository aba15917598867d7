/**
 * The two-step search with an official client: look up the vocabulary (one multi-search, and a
 * second one only when a word matched nothing: short-key variants and typo corrections), then run the query and turn its hits into {@link SearchHit}s. Works with `@opensearch-project/opensearch`
 * and with `@elastic/elasticsearch` 8 (both accept `{ index, body }`); the OpenSearch client wraps
 * responses in `{ body }`, which is unwrapped here.
 *
 * @module
 */

import { parseQuery } from '../query/parse.js'
import type { SearchHit } from '../types.js'
import type { MsearchItem, SearchBody } from './dsl.js'
import { hitsOfParsed } from './hits.js'
import { fallbackLookupOf, lookupOf } from './lookup.js'
import { resolveOpenSearchOptions, type OpenSearchOptions } from './options.js'
import { queryOf } from './query.js'
import { checkQueryText, resolveQueryOptions, type OpenSearchSearchOptions } from './search-options.js'
import { readVocabulary, type VocabularyEntry } from './vocabulary.js'
import { phrasesAsWords } from './words.js'

/** What the search needs of a client: `search` and `msearch` (both official clients have them). */
export interface SearchClient {
  /** Runs one search. */
  search(params: { index: string; body: SearchBody<never> }): Promise<unknown>
  /** Runs several searches in one request. */
  msearch(params: { body: MsearchItem[] }): Promise<unknown>
}

/** Options of {@link searchOpenSearch}. */
export interface SearchOpenSearchOptions<F = never> extends Omit<OpenSearchSearchOptions<F>, 'vocabulary'> {
  /** Look up the vocabulary first (alias, romanised and typo matching). Default true; false saves a round trip. */
  readonly vocabularyLookup?: boolean
}

/**
 * Searches the cluster the way `SearchIndex.search` searches memory: vocabulary lookup,
 * query, hits with match kinds and (with `highlight`) snippets from `_source`. When no document
 * holds a quoted phrase, its words are searched instead, as in memory.
 *
 * @throws {@link BanglaSearchError} `INVALID_QUERY` or `INVALID_OPTION`; the client's own errors pass through
 * @example
 * ```ts
 * import { Client } from '@opensearch-project/opensearch'
 * const client = new Client({ node: 'http://localhost:9200' })
 * const hits = await searchOpenSearch(client, 'ভ্লাদিভস্তক', { index: 'articles', fields: ['title', 'text'] }, { highlight: true })
 * ```
 */
export async function searchOpenSearch<F = never>(
  client: SearchClient,
  query: string,
  options: OpenSearchOptions,
  searchOptions: SearchOpenSearchOptions<F> = {},
): Promise<SearchHit[]> {
  checkQueryText(query, 'searchOpenSearch()')
  const index = resolveOpenSearchOptions(options)
  const { vocabularyLookup: lookup = true, ...rest } = searchOptions
  const search = resolveQueryOptions<F>(rest, index)
  const run = async (parsed: ReturnType<typeof parseQuery>): Promise<SearchHit[]> => {
    let vocabulary: VocabularyEntry[] | undefined
    if (lookup) {
      const searches = lookupOf(parsed, index, search)
      vocabulary = searches.length > 0 ? readVocabulary(await client.msearch({ body: searches })) : []
      const more = fallbackLookupOf(parsed, index, { ...search, vocabulary })
      if (more.length > 0) vocabulary.push(...readVocabulary(await client.msearch({ body: more })))
    }
    const body = queryOf(parsed, index, { ...search, vocabulary })
    const response = await client.search({ index: index.index, body: body as SearchBody<never> })
    return hitsOfParsed(response, parsed, index, search)
  }
  const parsed = parseQuery(query)
  const hits = await run(parsed)
  if (hits.length > 0 || !parsed.clauses.some((clause) => clause.type === 'phrase' && !clause.exclude)) return hits
  return run(phrasesAsWords(parsed))
}
