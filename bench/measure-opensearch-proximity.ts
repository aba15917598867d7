/**
 * Sweep of the proximity rescore of `bangla-search/opensearch` (src/opensearch/proximity.ts)
 * through the Lucene harness: each evaluation set is indexed once, then every combination of
 * the constants given runs all of the set's queries through the module's two-step
 * `searchOpenSearch`. The figures in docs/scale-out.md come from `npm run bench`; this chose
 * the constants (on every set together).
 *
 *   npx tsx bench/measure-opensearch-proximity.ts dev,banglaquad,dakshina,knownitem slop=3,5 weight=0,0.25,0.5 reach=1,2
 *
 * (knownitem: the whole blog corpus and all its titles, not only those the scale suite times;
 * knownitem6000: the first 6,000 posts and their titles, as in docs/scale-out.md's design table.)
 */
import { dataPaths, readCorpus } from './corpus.js'
import { LuceneNode } from './engines/opensearch-lucene/node.js'
import { loadBanglaQuad, loadDakshina, loadDevSet, loadKnownItem, type QualitySet } from './fixtures.js'
import { score } from './suites/quality.js'
import * as os from '../src/opensearch/index.js'

const [sets = 'dev', ...gridArgs] = process.argv.slice(2)
const grid: [keyof os.ProximityRescoreParameters, number[]][] = gridArgs.map((arg) => {
  const [name, values] = arg.split('=') as [keyof os.ProximityRescoreParameters, string]
  if (!(name in os.PROXIMITY_RESCORE)) throw new Error(`unknown constant ${name}`)
  return [name, values.split(',').map(Number)]
})
const combos: Record<string, number>[] = grid.reduce<Record<string, number>[]>((all, [name, values]) => all.flatMap((c) => values.map((v) => ({ ...c, [name]: v }))), [{}])

const paths = dataPaths()
async function load(key: string): Promise<QualitySet> {
  if (key === 'dev') return loadDevSet(paths)!
  if (key === 'banglaquad') return loadBanglaQuad(paths)!
  if (key === 'dakshina') return loadDakshina(paths)!
  // knownitem6000: the first 6,000 posts and the titles whose post is among them (as in "Two designs measured")
  const set = loadKnownItem(paths)!
  const docs = await readCorpus(paths.blogCorpus, key === 'knownitem6000' ? { limit: 6000 } : {})
  const ids = new Set(docs.map((d) => d.id))
  return { ...set, docs, queries: set.queries.filter((q) => [...q.relevant].some((r) => ids.has(r))) }
}

const node = new LuceneNode()
const client = node.client()
const defaults = { ...os.PROXIMITY_RESCORE }
for (const key of sets.split(',')) {
  const set = await load(key)
  const options: os.OpenSearchOptions = { index: key, fields: set.fields, storeFields: [], idField: 'id' }
  await client.indices.create({ index: key, body: os.indexBody(options) })
  await client.indices.create({ index: `${key}-vocabulary`, body: os.vocabularyIndexBody() })
  const t0 = performance.now()
  await os.bulkIndex(client, set.docs, options, { chunkSize: 1000, refresh: true })
  console.log(`${key}: ${set.docs.length} documents in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${set.queries.length} queries`)
  for (const combo of combos) {
    Object.assign(os.PROXIMITY_RESCORE, defaults, combo)
    const results: string[][] = []
    const times: number[] = []
    for (const q of set.queries) {
      const start = performance.now()
      const hits = await os.searchOpenSearch(client, q.text, options, { limit: set.limit, ...(q.mode === 'prefix' ? { prefix: true } : {}) })
      times.push(performance.now() - start)
      results.push(hits.map((hit) => String(hit.id)))
    }
    times.sort((a, b) => a - b)
    const s = score(set, set.queries, results)
    const p50 = times[Math.floor(times.length / 2)] ?? 0
    console.log(`${key} ${JSON.stringify(combo)} nDCG@10 ${s.ndcg10.toFixed(4)} MRR@10 ${s.mrr10.toFixed(4)} p50 ${p50.toFixed(1)} ms`)
  }
  for (const index of [key, `${key}-vocabulary`]) await node.call({ op: 'delete', index })
}
await node.quit()
