/**
 * What compound joins and splits do to the known-item titles: each title's rank with them and
 * without them, the joins and splits made, listed for the titles whose reciprocal rank changed.
 * Usage: npx tsx bench/ranking/join-effect.ts
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { blogIndex, firstRank, knownItemSet } from './blog.js'
import { showPlan } from './internals.js'

const index = await blogIndex()
const queries = knownItemSet().queries
const rr = (rank: number) => (rank > 0 && rank <= 10 ? 1 / rank : 0)
const original = { ...COMPOUNDS }
const ranks = (on: boolean) => {
  Object.assign(COMPOUNDS, original, on ? {} : { joinMinDocuments: Number.POSITIVE_INFINITY, splitMinDocuments: Number.POSITIVE_INFINITY })
  return queries.map((q) => firstRank(index.search(q.text, { limit: 100 }).map((hit) => String(hit.id)), q.relevant))
}
const off = ranks(false)
const on = ranks(true)
let gain = 0
let loss = 0
queries.forEach((q, i) => {
  const delta = rr(on[i] as number) - rr(off[i] as number)
  if (delta === 0) return
  if (delta > 0) gain += delta
  else loss += delta
  const alternatives = showPlan(index, q.text, {}, 2).filter((c) => c.label.includes(' ')).map((c) => `${c.label}→${c.words.map((w) => w.top.join(',')).join('|')}`)
  console.log(`${delta > 0 ? '+' : '-'} ${off[i]} → ${on[i]}  «${q.text}»  ${alternatives.join('  ')}`)
})
console.log(`gain ${gain.toFixed(2)}, loss ${loss.toFixed(2)} (MRR ${((gain + loss) / queries.length).toFixed(4)})`)
