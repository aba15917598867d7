/**
 * Lucene's ranks on the blog sets, for comparing misses: builds Lucene 8 BengaliAnalyzer + BM25
 * over the text field once (through bench/engines/lucene.ts), runs the known-item titles and the
 * split-compound queries, and writes `{ set, id, rank, top }` lines to the temporary folder.
 *
 * Usage: npx tsx bench/ranking/lucene-ranks.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lucene } from '../engines/lucene.js'
import { blogDocs, compoundSet, firstRank, knownItemSet, mrrAt } from './blog.js'

const dir = join(tmpdir(), 'bangla-search-ranking')
mkdirSync(dir, { recursive: true })
const engine = (await lucene.load()).create()
const docs = await blogDocs()
await engine.build(docs, ['text'])
const lines: string[] = []
for (const [name, set] of [['knownitem', knownItemSet()], ['compounds', compoundSet()]] as const) {
  const ranks: number[] = []
  for (const query of set.queries) {
    const ids = await engine.search(query.text, 'plain', 100)
    const rank = firstRank(ids, query.relevant)
    ranks.push(rank)
    lines.push(JSON.stringify({ set: name, id: query.id, rank, top: ids.slice(0, 5) }))
  }
  console.log(`lucene ${name}: MRR@10 ${mrrAt(ranks).toFixed(4)}, recall@100 ${(ranks.filter((r) => r > 0).length / ranks.length).toFixed(4)}`)
}
await engine.close?.()
writeFileSync(join(dir, 'lucene-ranks.jsonl'), lines.join('\n') + '\n')
