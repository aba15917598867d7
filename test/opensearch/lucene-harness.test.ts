/**
 * The JSON `bangla-search/opensearch` generates, run on Lucene 8.7 (the harness in
 * bench/engines/opensearch-lucene/, which builds its analyzer from the generated settings and its
 * queries from the generated DSL, with the Lucene classes a cluster uses). The documents go in
 * through the module's `bulkIndex` and the searches through its two-step `searchOpenSearch`.
 * Skipped, with the reason, where java, javac or Debian's liblucene8-java are missing.
 */
import { Client as ElasticClient } from '@elastic/elasticsearch'
import { Client as OpenSearchClient } from '@opensearch-project/opensearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveHarness } from '../../bench/engines/opensearch-lucene/http.js'
import { harnessUnavailable, LuceneNode, type HarnessClient } from '../../bench/engines/opensearch-lucene/node.js'
import { SearchIndex, type SearchHit } from '../../src/index.js'
import { loadCorpus } from '../../src/node/index.js'
import { bulkIndex, indexBody, PROXIMITY_RESCORE, searchOpenSearch, vocabularyIndexBody, type OpenSearchOptions } from '../../src/opensearch/index.js'
import { loadDevSet, ndcgAt10 } from '../helpers/dev-set.js'

const unavailable = harnessUnavailable()
if (unavailable !== undefined) console.log(`test/opensearch/lucene-harness.test.ts skipped: ${unavailable}`)

const options: OpenSearchOptions = { index: 'seeds', fields: ['title', 'text'] }

/** One Java process for the whole file (starting a JVM costs more than the tests). */
let node: LuceneNode | undefined

afterAll(async () => {
  await node?.quit()
})

function harness(): LuceneNode {
  node ??= new LuceneNode('-Xmx512m')
  return node
}

describe.skipIf(unavailable !== undefined)('bangla-search/opensearch on Lucene 8.7: the bundled seed corpus', () => {
  let client: HarnessClient
  let memory: SearchIndex
  let indexed = 0

  beforeAll(async () => {
    client = harness().client()
    await client.indices.create({ index: 'seeds', body: indexBody(options) })
    await client.indices.create({ index: 'seeds-vocabulary', body: vocabularyIndexBody() })
    const documents = await loadCorpus('corpus/seeds')
    indexed = (await bulkIndex(client, documents, options, { refresh: true })).indexed
    memory = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
    memory.addAll(documents)
  })

  it('indexes every document', () => {
    expect(indexed).toBe(memory.size)
  })

  const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.id).sort()

  // The first hit's best match kind is given: on five documents the two rankings may order close
  // hits differently (an exact rare inflection weighs more on the cluster, where each form has its
  // own idf; in memory all forms of a word share one).
  it.each([
    ['ভ্লাদিভস্তক', 'a spelling variant', 'exact'],
    ['vladivostok', 'a romanised word', 'roman'],
    ['putin kim', 'romanised words', 'roman'],
    ['পুতিনকে', 'another inflection', 'exact'],
    ['ওয়াশিংটম', 'a typo', 'fuzzy'],
    ['"উত্তর কোরিয়া"', 'a phrase', 'exact'],
    ['কোরিয়া -ট্রাম্প', 'an exclusion', 'exact'],
    ['ক্রেম*', 'a prefix', 'prefix'],
    ['নিষেধাজ্ঞা', 'a plain word', 'exact'],
  ])('%s (%s): the documents found in memory, the first one by kind %s', async (query, _what, kind) => {
    const cluster = await searchOpenSearch(client, query, options)
    expect(cluster.length).toBeGreaterThan(0)
    expect(ids(cluster)).toEqual(ids(memory.search(query)))
    expect(cluster[0]?.match[0]?.kind).toBe(kind)
  })

  it('cuts the same snippet from _source as the in-memory index from its stored fields', async () => {
    const [cluster] = await searchOpenSearch(client, 'ভ্লাদিভস্তক', options, { highlight: true })
    const [local] = memory.search('ভ্লাদিভস্তক', { highlight: true })
    expect(cluster?.snippet).toContain('<mark>')
    expect(cluster?.snippet).toBe(local?.snippet)
  })

  it('refuses a query type the module does not emit (the harness implements only those)', async () => {
    await expect(harness().call({ op: 'search', index: 'seeds', body: { query: { match: { 'bangla.text': 'ঢাকা' } } } })).rejects.toThrow(/unsupported query type match/)
  })
})

describe.skipIf(unavailable !== undefined)('bangla-search/opensearch on Lucene 8.7: proximity through the rescore section', () => {
  const prox: OpenSearchOptions = { index: 'prox', fields: ['text'] }
  // the same six words in each: only where ঢাকা and খুলনা stand differs (BM25 alone ties them)
  const documents = [
    { id: 'apart', text: 'ঢাকা নদীর পাহাড় বনের মাঠে খুলনা' },
    { id: 'reversed', text: 'নদীর খুলনা ঢাকা পাহাড় বনের মাঠে' },
    { id: 'adjacent', text: 'নদীর ঢাকা খুলনা পাহাড় বনের মাঠে' },
  ]

  beforeAll(async () => {
    const client = harness().client()
    await client.indices.create({ index: prox.index, body: indexBody(prox) })
    await client.indices.create({ index: `${prox.index}-vocabulary`, body: vocabularyIndexBody() })
    await bulkIndex(client, documents, prox, { refresh: true })
  })

  it('ranks the words side by side and in order first, reversed next, apart last', async () => {
    const hits = await searchOpenSearch(harness().client(), 'ঢাকা খুলনা', prox)
    expect(hits.map((hit) => hit.id)).toEqual(['adjacent', 'reversed', 'apart'])
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity)
    expect(hits[1]?.score).toBeGreaterThan(hits[2]?.score ?? Infinity)
  })

  it('an inflected form counts through its stem token', async () => {
    const hits = await searchOpenSearch(harness().client(), 'ঢাকার খুলনায়', prox)
    expect(hits[0]?.id).toBe('adjacent')
  })

  it('without the rescore the three tie (the first pass has no positional signal)', async () => {
    const saved = PROXIMITY_RESCORE.weight
    Object.assign(PROXIMITY_RESCORE, { weight: 0 })
    try {
      const hits = await searchOpenSearch(harness().client(), 'ঢাকা খুলনা', prox)
      expect(new Set(hits.map((hit) => hit.score)).size).toBe(1)
    } finally {
      Object.assign(PROXIMITY_RESCORE, { weight: saved })
    }
  })

  it('refuses a rescore the module does not emit (another score_mode, or with a sort)', async () => {
    const rescore = { window_size: 10, query: { rescore_query: { match_all: {} }, score_mode: 'multiply' } }
    await expect(harness().call({ op: 'search', index: prox.index, body: { query: { match_all: {} }, rescore } })).rejects.toThrow(/unsupported rescore score_mode multiply/)
    const total = { window_size: 10, query: { rescore_query: { match_all: {} }, score_mode: 'total' } }
    await expect(harness().call({ op: 'search', index: prox.index, body: { query: { match_all: {} }, rescore: total, sort: [{ id: 'asc' }] } })).rejects.toThrow(/cannot use \[sort\] option in conjunction with \[rescore\]/)
  })
})

describe.skipIf(unavailable !== undefined)('bangla-search/opensearch on Lucene 8.7: the official clients over HTTP', () => {
  it.each(['@opensearch-project/opensearch', '@elastic/elasticsearch'])('%s: create, bulk index, search the two-step way', async (name) => {
    const server = await serveHarness(harness())
    try {
      const client = name === '@elastic/elasticsearch' ? new ElasticClient({ node: server.url }) : new OpenSearchClient({ node: server.url })
      const http: OpenSearchOptions = { index: `http-${name.length}`, fields: ['title', 'text'] }
      await (client as OpenSearchClient).indices.create({ index: http.index, body: indexBody(http) })
      await (client as OpenSearchClient).indices.create({ index: `${http.index}-vocabulary`, body: vocabularyIndexBody() })
      const documents = await loadCorpus('corpus/seeds')
      expect(await bulkIndex(client, documents, http, { refresh: true })).toMatchObject({ indexed: documents.length, failed: 0 })
      const [hit] = await searchOpenSearch(client, 'ভ্লাদিভস্তক putin', http, { highlight: true })
      expect(hit?.match.map((m) => m.kind)).toEqual(['exact', 'roman'])
      expect(hit?.snippet).toContain('<mark>')
    } finally {
      await server.close()
    }
  })
})

const devSet = unavailable === undefined ? loadDevSet() : undefined

describe.skipIf(devSet === undefined)('bangla-search/opensearch on Lucene 8.7: the development query set', () => {
  it('ranks within 0.01 nDCG@10 of the in-memory index', async () => {
    const { queries, paragraphs } = devSet!
    {
      const client = harness().client()
      const dev: OpenSearchOptions = { index: 'dev', fields: ['text'], storeFields: [] }
      await client.indices.create({ index: 'dev', body: indexBody(dev) })
      await client.indices.create({ index: 'dev-vocabulary', body: vocabularyIndexBody() })
      await bulkIndex(client, paragraphs, dev, { refresh: true })
      const memory = new SearchIndex({ fields: ['text'] })
      memory.addAll(paragraphs)
      let cluster = 0
      let local = 0
      for (const query of queries) {
        const searchOptions = query.mode === 'prefix' ? { prefix: true } : {}
        const relevant = new Set(query.relevant)
        cluster += ndcgAt10((await searchOpenSearch(client, query.query, dev, searchOptions)).map((hit) => String(hit.id)), relevant)
        local += ndcgAt10(memory.search(query.query, searchOptions).map((hit) => String(hit.id)), relevant)
      }
      console.log(`dev-set nDCG@10: OpenSearch mapping on Lucene ${(cluster / queries.length).toFixed(3)}, in memory ${(local / queries.length).toFixed(3)}`)
      expect(cluster / queries.length).toBeGreaterThanOrEqual(local / queries.length - 0.01)
    }
  })
})
