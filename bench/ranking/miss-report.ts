/**
 * Reads the known-item dump (known-item.ts) and prints, for each miss (rank > 10 or not found),
 * what a reader needs to sort it by cause: each query word's expansions and how often it occurs
 * in the target post and in the top hit, both posts' lengths, the smallest window holding all
 * matched words in each, Lucene's rank (lucene-ranks.ts), and the start of the target post.
 *
 * Usage: npx tsx bench/ranking/miss-report.ts [count] > misses.txt
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tokenize } from '../../src/analysis/tokenize.js'
import { parseQuery } from '../../src/query/parse.js'
import { planQuery } from '../../src/search/plan.js'
import { blogDocs, blogIndex } from './blog.js'
import { contextOf } from './internals.js'

const dir = join(tmpdir(), 'bangla-search-ranking')
const count = Number(process.argv[2] ?? 80)
const rows = readFileSync(join(dir, 'known-item.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; target: string; rank: number; top: { id: string; score: number; match: string[] }[]; targetScore?: number })
const lucene = new Map<string, number>()
for (const line of readFileSync(join(dir, 'lucene-ranks.jsonl'), 'utf8').trim().split('\n')) {
  const row = JSON.parse(line) as { set: string; id: string; rank: number }
  if (row.set === 'knownitem') lucene.set(row.id, row.rank)
}
const docs = new Map((await blogDocs()).map((doc) => [doc.id, doc.text]))
const index = await blogIndex()
const context = contextOf(index)
const { terms } = context.index.vocabulary

/** Per clause word: positions in the text of any of its expanded terms. */
function positionsOf(text: string, plan: ReturnType<typeof planQuery>): { label: string; positions: number[] }[] {
  const tokens = tokenize(text)
  return plan.map((clause) => {
    const wanted = new Set(clause.words.flat().map((term) => terms.get(term.termId)))
    return { label: clause.label, positions: tokens.filter((token) => wanted.has(token.term)).map((token) => token.position) }
  })
}

/** The smallest window (in words) that holds one occurrence of every word that occurs. */
function minWindow(lists: number[][]): number {
  const present = lists.filter((list) => list.length > 0)
  if (present.length < 2) return present.length === 1 ? 1 : 0
  const events = present.flatMap((list, word) => list.map((position) => [position, word] as const)).sort((a, b) => a[0] - b[0])
  const seen = new Array<number>(present.length).fill(0)
  let have = 0
  let best = Number.POSITIVE_INFINITY
  let left = 0
  for (const [position, word] of events) {
    seen[word] = (seen[word] as number) + 1
    if (seen[word] === 1) have++
    while (have === present.length) {
      const [leftPosition, leftWord] = events[left] as readonly [number, number]
      best = Math.min(best, position - leftPosition + 1)
      seen[leftWord] = (seen[leftWord] as number) - 1
      if (seen[leftWord] === 0) have--
      left++
    }
  }
  return best
}

const misses = rows.filter((row) => row.rank === 0 || row.rank > 10).slice(0, count)
for (const row of misses) {
  const plan = planQuery(parseQuery(row.text), context, { prefix: false, fuzzy: true }, 64)
  const targetText = docs.get(row.target) ?? ''
  const topId = String(row.top[0]?.id ?? '')
  const topText = docs.get(topId) ?? ''
  const inTarget = positionsOf(targetText, plan)
  const inTop = positionsOf(topText, plan)
  console.log(`== ${row.id} rank ${row.rank} (lucene ${lucene.get(row.id)}) «${row.text}»`)
  console.log(`   target ${row.target} ${tokenize(targetText).length} words score ${row.targetScore ?? '-'}; top ${topId} ${tokenize(topText).length} words score ${row.top[0]?.score}`)
  plan.forEach((clause, i) => {
    const df = context.index.documentFrequency(clause.words[0]?.[0]?.termId ?? 0)
    const expansions = clause.words.map((word) => word.slice(0, 4).map((term) => `${terms.get(term.termId)}:${term.kind[0]}`).join(',') + (word.length > 4 ? `,+${word.length - 4}` : '')).join(' | ')
    console.log(`   ${clause.label.padEnd(14)} w${clause.weight} n=${clause.words[0]?.length} df0=${df} target tf=${inTarget[i]?.positions.length} top tf=${inTop[i]?.positions.length}  [${expansions}]`)
  })
  console.log(`   window target ${minWindow(inTarget.map((w) => w.positions))} top ${minWindow(inTop.map((w) => w.positions))}`)
  console.log(`   target: ${targetText.slice(0, 300).replace(/\s+/g, ' ')}`)
  console.log(`   top:    ${topText.slice(0, 160).replace(/\s+/g, ' ')}`)
}
