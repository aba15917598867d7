/**
 * All the ranking figures in one process, from the library's source (no build): dev nDCG@10
 * (overall and per category), BanglaQuAD and Dakshina MRR@10, blog known-item MRR@10 and
 * recall@100, split-compound MRR@10, and the misspelling set (recall@10 and exact-word
 * precision loss, see misspell.ts). Experiments call `evaluate()` with settings applied.
 *
 * Usage: npx tsx bench/ranking/evaluate.ts [--sets=dev,bq,dk,ki,cmp,typo] [--json]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SearchIndex } from '../../src/index.js'
import { dataPaths, readJsonl, readQrels } from '../corpus.js'
import { ndcgAt, reciprocalRankAt } from '../metrics.js'
import { blogIndex, compoundSet, firstRank, knownItemSet, mrrAt } from './blog.js'
import { misspellingFigures, type MisspellingFigures } from './misspell-eval.js'

/** Every figure one run gives (only the sets asked for). */
export interface Figures {
  dev?: { ndcg10: number; categories: Record<string, number> }
  banglaquad?: number
  dakshina?: number
  knownItem?: { mrr10: number; recall100: number; p50Ms: number; meanMs: number }
  compounds?: { mrr10: number; recall10: number }
  typo?: MisspellingFigures
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

function devFigures(): Figures['dev'] {
  const root = dataPaths().root
  const paragraphs = JSON.parse(readFileSync(join(root, 'eval', 'seed-paragraphs.json'), 'utf8')) as { id: string; text: string }[]
  const queries = JSON.parse(readFileSync(join(root, 'eval', 'queries-dev.json'), 'utf8')) as { category: string; mode: string; query: string; relevant: string[] }[]
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll(paragraphs.map((p) => ({ id: p.id, text: p.text })))
  const byCategory = new Map<string, number[]>()
  for (const query of queries) {
    const hits = index.search(query.query, query.mode === 'prefix' ? { prefix: true } : {})
    const score = ndcgAt(hits.map((hit) => String(hit.id)), new Set(query.relevant), 10)
    byCategory.set(query.category, [...(byCategory.get(query.category) ?? []), score])
  }
  const categories = Object.fromEntries([...byCategory].map(([category, scores]) => [category, mean(scores)]))
  return { ndcg10: mean([...byCategory.values()].flat()), categories }
}

/** MRR@10 of a corpus.jsonl + queries.jsonl + qrels.tsv folder. */
function retrievalMrr(dir: string, fields: ('title' | 'text')[]): number {
  const docs = readJsonl<{ id: string; title?: string; text: string }>(join(dir, 'corpus.jsonl'))
  const qrels = readQrels(join(dir, 'qrels.tsv'))
  const index = new SearchIndex({ fields })
  index.addAll(docs.map((d) => ({ id: d.id, title: d.title ?? '', text: d.text })))
  const rr: number[] = []
  for (const query of readJsonl<{ id: string; text: string }>(join(dir, 'queries.jsonl'))) {
    const relevant = qrels.get(query.id)
    if (relevant === undefined || relevant.size === 0) continue
    rr.push(reciprocalRankAt(index.search(query.text, { limit: 100 }).map((hit) => String(hit.id)), relevant, 10))
  }
  return mean(rr)
}

function knownItemFigures(index: SearchIndex): Figures['knownItem'] {
  const ranks: number[] = []
  const times: number[] = []
  for (const query of knownItemSet().queries) {
    const start = performance.now()
    const ids = index.search(query.text, { limit: 100 }).map((hit) => String(hit.id))
    times.push(performance.now() - start)
    ranks.push(firstRank(ids, query.relevant))
  }
  times.sort((a, b) => a - b)
  return { mrr10: mrrAt(ranks), recall100: ranks.filter((rank) => rank > 0).length / ranks.length, p50Ms: times[times.length >> 1] ?? 0, meanMs: mean(times) }
}

function compoundFigures(index: SearchIndex): Figures['compounds'] {
  const ranks: number[] = []
  for (const query of compoundSet().queries) ranks.push(firstRank(index.search(query.text, { limit: 10 }).map((hit) => String(hit.id)), query.relevant))
  return { mrr10: mrrAt(ranks), recall10: ranks.filter((rank) => rank > 0).length / ranks.length }
}

/** Runs the sets asked for (all by default). The blog index is loaded once and can be passed in. */
export async function evaluate(sets: ReadonlySet<string>, blog?: SearchIndex): Promise<Figures> {
  const figures: Figures = {}
  const paths = dataPaths()
  if (sets.has('dev')) figures.dev = devFigures()
  if (sets.has('bq')) figures.banglaquad = retrievalMrr(paths.banglaquad, ['title', 'text'])
  if (sets.has('dk')) figures.dakshina = retrievalMrr(paths.dakshina, ['text'])
  if (sets.has('ki') || sets.has('cmp') || sets.has('typo')) {
    const index = blog ?? (await blogIndex())
    if (sets.has('ki')) figures.knownItem = knownItemFigures(index)
    if (sets.has('cmp')) figures.compounds = compoundFigures(index)
    if (sets.has('typo')) figures.typo = await misspellingFigures(index)
  }
  return figures
}

/** One line per set, for logs and commit messages. */
export function formatFigures(figures: Figures): string {
  const parts: string[] = []
  const f = (value: number) => value.toFixed(4)
  if (figures.dev) parts.push(`dev nDCG@10 ${f(figures.dev.ndcg10)} (typo ${f(figures.dev.categories['typo'] ?? 0)})`)
  if (figures.banglaquad !== undefined) parts.push(`BQ MRR@10 ${f(figures.banglaquad)}`)
  if (figures.dakshina !== undefined) parts.push(`DK MRR@10 ${f(figures.dakshina)}`)
  if (figures.knownItem) parts.push(`KI MRR@10 ${f(figures.knownItem.mrr10)} R@100 ${f(figures.knownItem.recall100)} p50 ${figures.knownItem.p50Ms.toFixed(2)} ms mean ${figures.knownItem.meanMs.toFixed(2)} ms`)
  if (figures.compounds) parts.push(`compounds MRR@10 ${f(figures.compounds.mrr10)} R@10 ${f(figures.compounds.recall10)}`)
  if (figures.typo) parts.push(`typo R@10 ${f(figures.typo.recall10)} (fuzzy off ${f(figures.typo.recall10Off)}), exact P@10 lost ${figures.typo.precisionLost}/${figures.typo.exactQueries}`)
  return parts.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv.find((a) => a.startsWith('--sets='))
  const sets = new Set((arg?.slice(7) ?? 'dev,bq,dk,ki,cmp,typo').split(','))
  const figures = await evaluate(sets)
  console.log(process.argv.includes('--json') ? JSON.stringify(figures, null, 1) : formatFigures(figures))
}
