/**
 * Against a real cluster: set OPENSEARCH_URL (an OpenSearch node, e.g. http://localhost:9200) or
 * ELASTICSEARCH_URL (an Elasticsearch 8 node); skipped otherwise. Credentials go in the URL
 * (https://user:password@host:9200); set CLUSTER_INSECURE=1 to accept a self-signed certificate.
 * The test creates two indexes with a unique prefix, indexes the bundled seed corpus with the
 * module's bulk helper, searches it the two-step way, and deletes the indexes.
 */
import { Client as ElasticClient } from '@elastic/elasticsearch'
import { Client as OpenSearchClient } from '@opensearch-project/opensearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'
import { loadCorpus } from '../../src/node/index.js'
import { bulkIndex, indexBody, readVocabulary, searchOpenSearch, vocabularyIndexBody, type OpenSearchOptions } from '../../src/opensearch/index.js'

const openSearchUrl = process.env.OPENSEARCH_URL
const elasticUrl = process.env.ELASTICSEARCH_URL
const url = openSearchUrl ?? elasticUrl
if (url === undefined) console.log('test/opensearch/cluster.test.ts skipped: set OPENSEARCH_URL or ELASTICSEARCH_URL to run it against a cluster')

/** The official client of the cluster named in the environment. */
function makeClient(): OpenSearchClient | ElasticClient {
  const insecure = process.env.CLUSTER_INSECURE === '1'
  if (openSearchUrl !== undefined) return new OpenSearchClient({ node: openSearchUrl, ...(insecure ? { ssl: { rejectUnauthorized: false } } : {}) })
  return new ElasticClient({ node: elasticUrl as string, ...(insecure ? { tls: { rejectUnauthorized: false } } : {}) })
}

describe.skipIf(url === undefined)(`bangla-search/opensearch on a live cluster (${openSearchUrl ? 'OpenSearch' : 'Elasticsearch'})`, () => {
  const index = `bangla-search-test-${Date.now()}`
  const options: OpenSearchOptions = { index, fields: ['title', 'text'] }
  let client: OpenSearchClient | ElasticClient
  let memory: SearchIndex

  beforeAll(async () => {
    client = makeClient()
    // both clients take { index, body } (the Elasticsearch 8 client marks `body` deprecated but accepts it)
    await (client as OpenSearchClient).indices.create({ index, body: indexBody(options) })
    await (client as OpenSearchClient).indices.create({ index: `${index}-vocabulary`, body: vocabularyIndexBody() })
    const documents = await loadCorpus('corpus/seeds')
    const report = await bulkIndex(client, documents, options, { refresh: true })
    expect(report).toMatchObject({ indexed: documents.length, failed: 0 })
    memory = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
    memory.addAll(documents)
  })

  afterAll(async () => {
    await (client as OpenSearchClient | undefined)?.indices.delete({ index: `${index},${index}-vocabulary` }).catch(() => undefined)
  })

  it('counts each stem once per document in the vocabulary', async () => {
    const response = await (client as OpenSearchClient).msearch({ body: [{ index: `${index}-vocabulary` }, { query: { term: { stem: 'পুতিন' } } }] })
    const [entry] = readVocabulary(response)
    const holding = memory.search('পুতিন', { fuzzy: false, limit: 100 }).length
    expect(entry?.df).toBe(holding)
  })

  it.each([
    ['ভ্লাদিভস্তক', 'exact'],
    ['vladivostok', 'roman'],
    ['ওয়াশিংটম', 'fuzzy'],
    ['"উত্তর কোরিয়া"', 'exact'],
    ['কোরিয়া -ট্রাম্প', 'exact'],
    ['ক্রেম*', 'prefix'],
  ])('%s finds the documents found in memory, the first by kind %s', async (query, kind) => {
    const hits = await searchOpenSearch(client, query, options, { highlight: true })
    expect(hits.map((hit) => hit.id).sort()).toEqual(memory.search(query).map((hit) => hit.id).sort())
    expect(hits[0]?.match[0]?.kind).toBe(kind)
    expect(hits[0]?.snippet).toContain('<mark>')
  })
})
