/**
 * Type-level test: what `bangla-search/opensearch` builds is what the official clients' own
 * TypeScript types accept, and the clients fit the structural interfaces its flow functions take.
 * Compiled by `tsc -p test/opensearch/types` (test/opensearch/client-types.test.ts runs it); the
 * `@ts-expect-error` lines show the check can fail.
 */
import { Client as ElasticClient, type estypes, type estypesWithBody } from '@elastic/elasticsearch'
import { Client as OpenSearchClient, type API } from '@opensearch-project/opensearch'
import {
  bulkIndex,
  fallbackLookup,
  indexBody,
  indexTemplate,
  searchOpenSearch,
  toOpenSearchDocument,
  toOpenSearchQuery,
  vocabularyIndexBody,
  vocabularyLookup,
  vocabularyUpdates,
  type BulkClient,
  type OpenSearchOptions,
  type SearchClient,
} from '../../../src/opensearch/index.js'

declare const openSearch: OpenSearchClient
declare const elastic: ElasticClient
const options: OpenSearchOptions = { index: 'articles', fields: ['title', 'text'], boost: { title: 2 } }

// the official clients fit the interfaces the flow functions take
export const clients: [SearchClient, SearchClient, BulkClient, BulkClient] = [openSearch, elastic, openSearch, elastic]
export const flows = [
  searchOpenSearch(openSearch, 'ঢাকা', options, { highlight: true }),
  searchOpenSearch(elastic, 'ঢাকা', options),
  bulkIndex(openSearch, [{ id: 1, text: 'ঢাকা' }], options),
  bulkIndex(elastic, [{ id: 1, text: 'ঢাকা' }], options),
]

// search bodies, with and without a caller filter typed by the client
const body = toOpenSearchQuery('ভ্লাদিভস্তক "পুতিনের সফর" -ভারত ক্রেম*', options, { prefix: 'last' })
const osFilter: API.Search_RequestBody['post_filter'] = { term: { lang: 'bn' } }
const filtered = toOpenSearchQuery('ঢাকা', { ...options, storeFields: [] }, { filter: [osFilter as NonNullable<typeof osFilter>] })
export const osSearch: API.Search_Request[] = [
  { index: 'articles', body },
  { index: 'articles', body: filtered },
]
export const esSearch: estypesWithBody.SearchRequest = { index: 'articles', body }
export const esSearchTopLevel: estypes.SearchRequest = { index: 'articles', ...body }

// the proximity rescore (two words or more: a rescore section beside the query)
const proximity = toOpenSearchQuery('পুতিনের সফর ঢাকায়', options, { limit: 20, offset: 100 })
export const osRescore: API.Search_Request = { index: 'articles', body: proximity }
export const osRescoreSection: API.Search_RequestBody['rescore'] = proximity.rescore
export const esRescore: estypes.SearchRequest = { index: 'articles', ...proximity }
export const esRescoreSection: estypes.SearchRequest['rescore'] = proximity.rescore

// the vocabulary lookups (msearch) and updates (bulk)
const lookup = vocabularyLookup('ভ্লাদিভস্তক putin', options)
const fallback = fallbackLookup('ওয়াশিংটম', options, { vocabulary: [] })
export const osMsearch: API.Msearch_Request[] = [{ body: lookup }, { body: fallback }]
export const esMsearch: estypesWithBody.MsearchRequest = { body: lookup }
export const esMsearchTopLevel: estypes.MsearchRequest = { searches: lookup }
const updates = vocabularyUpdates([toOpenSearchDocument({ id: 1, text: 'ঢাকা' }, options)], options)
export const osBulk: API.Bulk_Request = { body: updates as API.Bulk_RequestBody }
export const esBulk: estypes.BulkRequest = { operations: updates }

// index bodies
export const osCreate: API.Indices_Create_Request[] = [
  { index: 'articles', body: indexBody(options) },
  { index: 'articles-vocabulary', body: vocabularyIndexBody() },
]
export const esCreate: estypes.IndicesCreateRequest[] = [
  { index: 'articles', ...indexBody(options) },
  { index: 'articles-vocabulary', ...vocabularyIndexBody() },
]

export const osTemplate: API.Indices_PutIndexTemplate_Request = { name: 'articles', body: indexTemplate(options, ['articles-*']) }
export const esTemplate: estypes.IndicesPutIndexTemplateRequest = { name: 'articles', ...indexTemplate(options, ['articles-*']) }

// the checks can fail: a malformed query or mapping is refused by the official types
// @ts-expect-error: a term query takes an object or a value, not an array
export const badOs: API.Search_RequestBody = { query: { term: { text: [1, 2] } } }
// @ts-expect-error: dis_max takes `queries`
export const badEs: estypes.SearchRequest = { query: { dis_max: { query: [] } } }
// @ts-expect-error: score_mode is one of total, multiply, avg, max, min
export const badRescore: estypes.SearchRequest = { rescore: { query: { rescore_query: { match_all: {} }, score_mode: 'sum' } } }
// @ts-expect-error: mappings need `properties` as an object
export const badMapping: estypes.IndicesCreateRequest = { index: 'x', mappings: { properties: [] } }
