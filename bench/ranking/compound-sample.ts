/**
 * The joins and splits the compound look-ups make on queries other than the split-compound set
 * (the known-item titles over the blog index, and the BanglaQuAD questions over their
 * paragraphs), for judging by hand how often a join is not a true compound. Prints every distinct
 * join and split with the number of documents holding the closed form.
 *
 * Usage: npx tsx bench/ranking/compound-sample.ts
 */
import { join } from 'node:path'
import { SearchIndex } from '../../src/index.js'
import { dataPaths, readJsonl } from '../corpus.js'
import { blogIndex, knownItemSet } from './blog.js'
import { showPlan } from './internals.js'

function alternatives(index: SearchIndex, queries: readonly string[], source: string): void {
  const seen = new Set<string>()
  for (const query of queries) {
    for (const clause of showPlan(index, query, {}, 1)) {
      if (clause.alternativeOf === undefined || seen.has(clause.label)) continue
      const first = clause.words[0]?.top[0] ?? ''
      const kind = clause.words.length === 1 ? 'join' : 'split'
      seen.add(clause.label)
      console.log(`${source}\t${kind}\t${clause.label}\t${kind === 'join' ? first.split(':')[0] : clause.words.map((w) => w.top[0]?.split(':')[0]).join(' ')}\t${first.split(':').pop()}\t«${query}»`)
    }
  }
}

const blog = await blogIndex()
alternatives(blog, knownItemSet().queries.map((q) => q.text), 'knownitem')
const bq = dataPaths().banglaquad
const docs = readJsonl<{ id: string; title?: string; text: string }>(join(bq, 'corpus.jsonl'))
const index = new SearchIndex({ fields: ['title', 'text'] })
index.addAll(docs.map((d) => ({ id: d.id, title: d.title ?? '', text: d.text })))
alternatives(index, readJsonl<{ text: string }>(join(bq, 'queries.jsonl')).map((q) => q.text), 'banglaquad')
