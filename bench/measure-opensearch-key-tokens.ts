/**
 * One-off measurement for docs/scale-out.md ("Two designs measured"): spelling-variant and
 * romanised matching through alias-key tokens stacked in the documents (`#K0`, `=K1`, queried
 * directly) instead of the vocabulary index of `bangla-search/opensearch`, through the Lucene
 * harness. The vocabulary design's figures come from `npm run bench` (engine opensearch-lucene).
 *
 *   npx tsx bench/measure-opensearch-key-tokens.ts dev|banglaquad|dakshina|knownitem [k0k1|k0]
 *
 * (knownitem: the first 6,000 posts of the blog corpus and the titles whose post is among them.)
 */
import { LuceneNode } from './engines/opensearch-lucene/node.js'
import * as os from '../src/opensearch/index.js'
import { bengaliKeys } from '../src/analysis/alias-keys.js'
import { latinKeys, romanSuffixStrips } from '../src/analysis/romanize.js'
import { tokenize } from '../src/analysis/tokenize.js'
import { foldedStems } from '../src/analysis/analyze.js'
import { isStopword } from '../src/analysis/stopwords.js'
import { MATCH_WEIGHTS } from '../src/search/weights.js'
import { loadBanglaQuad, loadDakshina, loadDevSet, loadKnownItem } from './fixtures.js'
import { dataPaths, readCorpus } from './corpus.js'
import { score } from './suites/quality.js'
const which = process.argv[2] ?? 'dev'
const paths = dataPaths()
let set = which === 'dakshina' ? loadDakshina(paths)! : which === 'banglaquad' ? loadBanglaQuad(paths)! : which === 'dev' ? loadDevSet(paths)! : loadKnownItem(paths)!
if (which === 'knownitem') {
  const docs = await readCorpus(paths.blogCorpus, { limit: 6000 })
  const ids = new Set(docs.map((d) => d.id))
  set = { ...set, docs, queries: set.queries.filter((q) => [...q.relevant].some((r) => ids.has(r))), limit: 100 }
}
const node = new LuceneNode(); const client = node.client()
const options = { index: 'docs', fields: set.fields, storeFields: [] as string[] }
await client.indices.create({ index: 'docs', body: os.indexBody(options) })
await client.indices.create({ index: 'docs-vocabulary', body: os.vocabularyIndexBody() })
// design B documents: each Bengali word's group gets '#K0' of each stem (K1 too: '=K1')
const withKeys = (text: string) => tokenize(text).map((t) => {
  const stems = t.script === 'bengali' ? foldedStems(t.term) : [t.term]
  const parts = t.script === 'bengali' ? [t.term, ...stems.map((s) => '~' + s)] : [t.term]
  if (t.script === 'bengali') for (const s of stems) { const { k0, k1 } = bengaliKeys(s); if (k0) parts.push('#' + k0, '=' + k1) }
  return parts.join('|')
}).join(' ')
const lines: unknown[] = []
for (const d of set.docs) {
  const bangla: Record<string, string> = {}
  for (const f of set.fields) bangla[f] = withKeys(d[f] ?? '')
  lines.push({ index: { _index: 'docs', _id: d.id } }, { id: d.id, bangla })
}
for (let i = 0; i < lines.length; i += 2000) await client.bulk({ body: lines.slice(i, i + 2000) })
await client.indices.refresh({ index: 'docs' })
const variant = process.argv[3] ?? 'k0k1'
const results: string[][] = []
for (const q of set.queries) {
  const mode = q.mode === 'prefix' ? { prefix: true } : {}
  const body: any = os.toOpenSearchQuery(q.text, options, { ...mode, limit: set.limit })   // no vocabulary: exact + stem (+ prefix)
  // add key clauses into each word's dis_max
  const words = tokenize(q.text)
  let wi = 0
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return
    if (node.dis_max && Array.isArray(node.dis_max.queries) && node.dis_max.queries.some((x: any) => x.term)) {
      const first = node.dis_max.queries[0].term; const field = Object.keys(first)[0] as string; const term = first[field].value
      const w = words.find((t) => t.term === term)
      if (w && !isStopword(w.term)) {
        const extra: any[] = []
        if (w.script === 'bengali') for (const s of foldedStems(w.term)) { const { k0, k1 } = bengaliKeys(s); if (k0.length > 2 || variant === 'k0') extra.push({ term: { [field]: { value: '#' + k0, boost: MATCH_WEIGHTS.alias * 0.75 } } }); if (variant !== 'k0') extra.push({ term: { [field]: { value: '=' + k1, boost: MATCH_WEIGHTS.alias } } }) }
        else if (/^[a-z]/.test(w.term)) for (const [fi, form] of [w.term, ...romanSuffixStrips(w.term)].entries()) for (const [ri, { k0, k1 }] of latinKeys(form).entries()) { const pen = (fi ? 0.25 : 0) + (ri ? 0.25 : 0); if (variant === 'k0' || k0.length > 2) extra.push({ term: { [field]: { value: '#' + k0, boost: MATCH_WEIGHTS.roman * (1 - (0.5 + pen) / 2) } } }); if (variant !== 'k0') extra.push({ term: { [field]: { value: '=' + k1, boost: MATCH_WEIGHTS.roman * (1 - pen / 2) } } }) }
        node.dis_max.queries.push(...extra)
      }
      return
    }
    for (const v of Object.values(node)) visit(v)
  }
  visit(body.query)
  const r = await client.search({ index: 'docs', body })
  results.push(os.toSearchHits(r, q.text, options).map((h) => String(h.id)))
}
const s = score(set, set.queries, results)
console.log(which, 'design B', variant, 'nDCG@10', s.ndcg10.toFixed(3), 'MRR@10', s.mrr10.toFixed(3), 'recall', s.recall.toFixed(3), 'queries', s.queries)
await node.quit()
