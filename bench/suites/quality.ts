/**
 * Quality suite: builds every engine on each small evaluation set in this process and
 * scores the ranked ids (nDCG@10, MRR@10, recall). The dev set reports per category.
 */
import { type LoadedEngine, checkCount, errorText, runQueries, since } from '../harness.js'
import type { JudgedQuery, QualitySet } from '../fixtures.js'
import { cappedRecallAt, mean, ndcgAt, reciprocalRankAt, recallAt } from '../metrics.js'
import type { Engine, LatencyStats, Mode } from '../types.js'

export interface QualityScores {
  queries: number
  ndcg10: number
  mrr10: number
  /** recall@10 capped at min(|relevant|, 10) for the dev set; plain recall@100 otherwise. */
  recall: number
}

export interface QualityResult extends Partial<QualityScores> {
  engine: string
  set: string
  /** Dev set: scores per category. */
  categories?: Record<string, QualityScores>
  buildMs?: number
  /** Latency over this set's queries (all modes together for the dev set). */
  latency?: LatencyStats
  skipped?: string
  error?: string
}

/** Scores ranked result lists against judged queries. */
export function score(set: QualitySet, queries: readonly JudgedQuery[], results: readonly string[][]): QualityScores {
  const dev = set.key === 'dev'
  const ndcg: number[] = []
  const rr: number[] = []
  const recall: number[] = []
  queries.forEach((q, i) => {
    const ranked = results[i] ?? []
    ndcg.push(ndcgAt(ranked, q.relevant, 10))
    rr.push(reciprocalRankAt(ranked, q.relevant, 10))
    recall.push(dev ? cappedRecallAt(ranked, q.relevant, 10) : recallAt(ranked, q.relevant, 100))
  })
  return { queries: queries.length, ndcg10: mean(ndcg), mrr10: mean(rr), recall: mean(recall) }
}

/** Per-category scores of the dev set. */
function byCategory(set: QualitySet, queries: readonly JudgedQuery[], results: readonly string[][]) {
  const groups = new Map<string, number[]>()
  queries.forEach((q, i) => {
    const key = q.category ?? 'all'
    let list = groups.get(key)
    if (!list) groups.set(key, (list = []))
    list.push(i)
  })
  const out: Record<string, QualityScores> = {}
  for (const [category, idx] of groups) {
    out[category] = score(
      set,
      idx.map((i) => queries[i]!),
      idx.map((i) => results[i] ?? []),
    )
  }
  return out
}

export interface QualityOptions {
  /** Cap on queries per large set (quick mode). */
  maxQueries?: number
  log?: (line: string) => void
}

/** Runs one engine on one set. */
async function runOne(loaded: LoadedEngine, set: QualitySet, options: QualityOptions): Promise<QualityResult> {
  const { spec, factory } = loaded
  const base: QualityResult = { engine: spec.id, set: set.key }
  if (!factory) return { ...base, skipped: `not loaded: ${loaded.error}` }
  if (set.key !== 'dev' && spec.skipLargeQuality) return { ...base, skipped: spec.skipLargeQuality }
  const queries = options.maxQueries && set.key !== 'dev' ? set.queries.slice(0, options.maxQueries) : set.queries
  let engine: Engine | undefined
  try {
    engine = factory.create()
    const start = performance.now()
    const count = await engine.build(set.docs, set.fields)
    const buildMs = engine.self?.buildMs ?? since(start)
    checkCount(count, set.docs, set.fields)
    // Group queries by mode (the dev set mixes plain and prefix) and time each group.
    const results: string[][] = new Array<string[]>(queries.length)
    const samples: LatencyStats[] = []
    for (const mode of ['plain', 'prefix', 'fuzzy'] as Mode[]) {
      const idx = queries.map((q, i) => (q.mode === mode ? i : -1)).filter((i) => i >= 0)
      if (idx.length === 0) continue
      const run = await runQueries(
        engine,
        spec,
        idx.map((i) => queries[i]!.text),
        { mode, limit: set.limit, check: { minHitShare: 0 }, name: `${spec.id} ${set.key} ${mode}` },
      )
      idx.forEach((qi, k) => (results[qi] = run.results[k] ?? []))
      samples.push(run.stats)
    }
    const main = samples.reduce((a, b) => (b.queries > a.queries ? b : a))
    return {
      ...base,
      ...score(set, queries, results),
      ...(set.key === 'dev' ? { categories: byCategory(set, queries, results) } : {}),
      buildMs,
      latency: main,
    }
  } catch (err) {
    return { ...base, error: errorText(err) }
  } finally {
    await engine?.close?.()
  }
}

/** Runs every loaded engine on every set, in order. */
export async function runQuality(
  engines: readonly LoadedEngine[],
  sets: readonly QualitySet[],
  options: QualityOptions = {},
): Promise<QualityResult[]> {
  const log = options.log ?? ((line: string) => console.log(line))
  const out: QualityResult[] = []
  for (const set of sets) {
    log(`  ${set.title}: ${set.docs.length} docs, ${options.maxQueries && set.key !== 'dev' ? Math.min(options.maxQueries, set.queries.length) : set.queries.length} queries`)
    for (const loaded of engines) {
      const start = performance.now()
      const r = await runOne(loaded, set, options)
      out.push(r)
      const what = r.error
        ? `ERROR ${r.error}`
        : r.skipped
          ? `skipped (${r.skipped})`
          : `nDCG@10 ${r.ndcg10!.toFixed(3)}  MRR@10 ${r.mrr10!.toFixed(3)}  recall ${r.recall!.toFixed(3)}`
      log(`    ${loaded.spec.id.padEnd(18)} ${what}  [${(since(start) / 1000).toFixed(1)} s]`)
    }
  }
  return out
}
