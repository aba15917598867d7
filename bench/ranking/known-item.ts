/**
 * Known-item failure analysis: runs the 979 blog titles against the text-only blog index and
 * writes one JSON line per query (rank of the post, the expansions of every word, the top hits
 * with how they matched) to the system's temporary folder, then prints MRR@10 and recall@100.
 *
 * Usage: npx tsx bench/ranking/known-item.ts [out.jsonl]
 *   (BANGLA_SEARCH_SHARED=/work/shared when ../shared does not resolve)
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blogIndex, firstRank, knownItemSet, mrrAt } from './blog.js'
import { showPlan } from './internals.js'

const out = process.argv[2] ?? join(tmpdir(), 'bangla-search-ranking', 'known-item.jsonl')
const index = await blogIndex()
const { queries } = knownItemSet()
const lines: string[] = []
const ranks: number[] = []
const times: number[] = []
for (const query of queries) {
  const start = performance.now()
  const hits = index.search(query.text, { limit: 100 })
  times.push(performance.now() - start)
  const ids = hits.map((hit) => String(hit.id))
  const rank = firstRank(ids, query.relevant)
  ranks.push(rank)
  const target = [...query.relevant][0] as string
  const targetHit = hits.find((hit) => String(hit.id) === target)
  lines.push(
    JSON.stringify({
      id: query.id,
      text: query.text,
      target,
      rank,
      plan: showPlan(index, query.text),
      top: hits.slice(0, 5).map((hit) => ({ id: hit.id, score: +hit.score.toFixed(3), match: hit.match.map((m) => `${m.query}→${m.term}:${m.kind}`) })),
      targetMatch: targetHit?.match.map((m) => `${m.query}→${m.term}:${m.kind}`),
      targetScore: targetHit === undefined ? undefined : +targetHit.score.toFixed(3),
    }),
  )
}
writeFileSync(out, lines.join('\n') + '\n')
times.sort((a, b) => a - b)
const found100 = ranks.filter((rank) => rank > 0).length / ranks.length
console.log(`known-item: ${queries.length} queries, MRR@10 ${mrrAt(ranks).toFixed(4)}, recall@100 ${found100.toFixed(4)}, p50 ${times[times.length >> 1]?.toFixed(2)} ms`)
console.log(`wrote ${out}`)
