/**
 * Prints how one query scores one post of the blog index: the plan, the post's rank and the
 * explanation of its score beside the top hit's. Usage: npx tsx bench/ranking/explain.ts "<query>" <post id>
 */
import { blogIndex } from './blog.js'
import { showPlan } from './internals.js'

const [query = '', target = ''] = process.argv.slice(2)
const index = await blogIndex()
console.log(JSON.stringify(showPlan(index, query), null, 1))
const hits = index.search(query, { limit: 1000, explain: true })
const rank = hits.findIndex((hit) => String(hit.id) === target)
console.log(`rank of ${target}: ${rank + 1} of ${hits.length}`)
for (const hit of [hits[0], hits[rank]]) {
  if (hit === undefined) continue
  console.log(hit.id, hit.score.toFixed(3), hit.match.map((m) => `${m.query}→${m.term}:${m.kind}`).join(' '))
  for (const part of hit.explanation ?? []) console.log('   ', JSON.stringify(part))
}
