/**
 * Why misspelt queries miss: for each query of the misspelling set, the kinds its word expanded
 * to, whether the intended word is among the expansions (and how), and recall@10. Prints counts
 * by family and outcome, then the first misses of each family.
 *
 * Usage: npx tsx bench/ranking/misspell-diagnose.ts [examples per family]
 */
import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { blogIndex } from './blog.js'
import { contextOf, showPlan } from './internals.js'
import { misspellingSet } from './misspell.js'

const perFamily = Number(process.argv[2] ?? 8)
const index = await blogIndex()
const { vocabulary } = contextOf(index).index
const set = await misspellingSet()
const outcomes = new Map<string, number>()
const examples = new Map<string, string[]>()
for (const m of set) {
  const plan = showPlan(index, m.typo, {}, 400)
  const terms = plan.flatMap((clause) => clause.words.flatMap((word) => word.top))
  const kinds = [...new Set(terms.map((t) => t.split(':')[1]))].join('+') || 'nothing'
  const intended = terms.find((t) => t.startsWith(`${m.intended}:`))
  const relevant = new Set(m.relevant)
  const ids = index.search(m.typo, { limit: 10 }).map((hit) => String(hit.id))
  const recall = ids.filter((id) => relevant.has(id)).length / Math.min(10, relevant.size)
  const outcome = `${m.family} | ${m.attested ? 'attested' : 'non-word'} | found ${kinds} | intended ${intended === undefined ? 'no' : intended.split(':')[1]}`
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  if (recall < 0.5) {
    const list = examples.get(m.family) ?? []
    const clusters = collectGraphemes(m.intended).length
    list.push(`${m.typo} (${m.intended}, ${clusters} cl, ${m.rule}${m.attested ? ', attested' : ''}) R ${recall.toFixed(1)} ${kinds} intended:${intended?.split(':')[1] ?? 'no'} | ${terms.slice(0, 4).join(' ')}`)
    examples.set(m.family, list)
  }
}
for (const [outcome, count] of [...outcomes].sort()) console.log(String(count).padStart(4), outcome)
for (const [family, list] of examples) {
  console.log(`\n${family}: ${list.length} with recall < 0.5`)
  for (const line of list.slice(0, perFamily)) console.log('  ', line)
}
void vocabulary
