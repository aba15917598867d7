/**
 * The split-compound queries one by one: whether a join was found, the rank of the first
 * relevant post, and the top hit's matches. Usage: npx tsx bench/ranking/compound-diagnose.ts [count]
 */
import { readJsonl } from '../corpus.js'
import { dataPaths } from '../corpus.js'
import { join } from 'node:path'
import { blogIndex, compoundSet, firstRank } from './blog.js'
import { showPlan } from './internals.js'

const index = await blogIndex()
const compounds = new Map(readJsonl<{ id: string; compound: string }>(join(dataPaths().root, 'eval', 'compounds-sach', 'compounds-queries.jsonl')).map((q) => [q.id, q.compound]))
let shown = 0
const counts = new Map<string, number>()
for (const query of compoundSet().queries) {
  const hits = index.search(query.text, { limit: 10 })
  const rank = firstRank(hits.map((hit) => String(hit.id)), query.relevant)
  const plan = showPlan(index, query.text, {}, 400)
  const joined = plan.some((clause) => clause.words.some((word) => word.top.some((t) => t.includes(':compound:'))))
  const outcome = `${joined ? 'joined' : 'no join'} ${rank === 0 ? 'miss' : rank === 1 ? 'rank 1' : 'rank 2-10'}`
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
  if (rank !== 1 && shown++ < Number(process.argv[2] ?? 25)) {
    console.log(`${query.text} (${compounds.get(query.id)}) rank ${rank} rel ${query.relevant.size}: ${plan.map((c) => `${c.label}[${c.words.map((w) => w.top.slice(0, 3).join(' ')).join(' | ')}]`).join(' ; ')}`)
    console.log(`   top: ${hits.slice(0, 3).map((hit) => hit.match.map((m) => `${m.query}→${m.term}:${m.kind}`).join(' ')).join(' || ')}`)
  }
}
console.log(Object.fromEntries(counts))
