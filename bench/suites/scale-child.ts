/**
 * Child process of the scale suite: one engine configuration (plus the configurations that
 * only query its index) on 25 %, 50 % and 100 % of the blog corpus. Running each engine in
 * its own process keeps one engine's heap from disturbing the next one's figures.
 *
 * Usage (by scale.ts): node --expose-gc --import tsx bench/suites/scale-child.ts plan.json
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { readCorpus, utf8Bytes } from '../corpus.js'
import { ENGINES } from '../engines/index.js'
import { type LoadedEngine, checkCount, collectGarbage, errorText, liveHeapBytes, loadEngines, runQueries, since } from '../harness.js'
import type { Doc, Engine, EngineSpec, Mode } from '../types.js'
import { score } from './quality.js'
import type { ChildPlan, QueryClass, ScalePoint } from './scale-types.js'

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ChildPlan

const LIMITS: Record<QueryClass, number> = { word: 10, title: plan.titleLimit, prefix: 10, fuzzy: 10 }
const MODES: Record<QueryClass, Mode> = { word: 'plain', title: 'plain', prefix: 'prefix', fuzzy: 'fuzzy' }
/** Share of queries that must return hits (see docs/benchmarks.md, "checks"). */
const MIN_HIT_SHARE: Record<QueryClass, number> = { word: 0.95, title: 0.5, prefix: 0.95, fuzzy: 0.5 }

/** The paragraph shape needs the legacy-text detector, taken from the built library (as users get it). */
const legacy = plan.shape === 'paragraphs' ? ((await import('bangla-search' as string)) as { detectLegacyBengali(text: string): { legacy: boolean } }) : undefined

function corpusShape(shape: ChildPlan['shape']): { shape: ChildPlan['shape']; isLegacy?: (text: string) => boolean } {
  return legacy === undefined ? { shape } : { shape, isLegacy: (text) => legacy.detectLegacyBengali(text).legacy }
}

function log(line: string): void {
  console.log(`    ${line}`)
}

function queriesOf(cls: QueryClass): string[] {
  const q = plan.queries
  return cls === 'word' ? q.words : cls === 'title' ? q.titles : cls === 'prefix' ? q.prefixes : q.fuzzy
}

/** Times one query class: a short untimed probe sets how many queries fit the budget. */
async function timeClass(engine: Engine, spec: EngineSpec, cls: QueryClass, budgetMs: number) {
  const all = queriesOf(cls)
  const mode = MODES[cls]
  // Mean of a few probe queries without the slowest one, which may pay one-off costs
  // (JIT, lazily built tables).
  const probe: number[] = []
  for (let i = 0; i < Math.min(8, all.length); i++) {
    const start = performance.now()
    await engine.search(all[i]!, mode, LIMITS[cls])
    probe.push(since(start))
  }
  probe.sort((a, b) => a - b)
  if (probe.length > 1) probe.pop()
  const perQuery = probe.length > 0 ? probe.reduce((a, b) => a + b, 0) / probe.length : 0
  const fit = perQuery > 0 ? Math.floor(budgetMs / perQuery) : all.length
  const n = Math.min(all.length, Math.max(plan.minQueries, fit))
  return runQueries(engine, spec, all.slice(0, n), {
    mode,
    limit: LIMITS[cls],
    check: { minHitShare: MIN_HIT_SHARE[cls] },
    warmup: 0,
    name: `${spec.id} ${cls}`,
  })
}

/** Runs the query classes the configuration supports; fills latency and known-item scores. */
async function queryAll(engine: Engine, spec: EngineSpec, point: ScalePoint, scaleIndex: number, docIds: Set<string>) {
  const last = scaleIndex === plan.docCounts.length - 1
  for (const cls of ['word', 'title', 'prefix', 'fuzzy'] as QueryClass[]) {
    if (cls !== 'word' && cls !== 'title' && !spec.modes.includes(MODES[cls])) continue
    const budget = cls === 'title' && last ? plan.titleBudgetMs : plan.budgetMs[scaleIndex]!
    try {
      const run = await timeClass(engine, spec, cls, budget)
      point.latency[cls] = run.stats
      if (cls === 'title' && plan.knownItem) {
        // Known-item quality over the queries run whose post is in this slice.
        const judged: Array<{ relevant: Set<string>; ids: string[] }> = []
        run.results.forEach((ids, i) => {
          const target = plan.queries.titleTargets[i]!
          if (docIds.has(target)) judged.push({ relevant: new Set([target]), ids })
        })
        point.knownItemRR = run.results.map((ids, i) => {
          const target = plan.queries.titleTargets[i]!
          if (!docIds.has(target)) return -1
          const rank = ids.slice(0, 10).indexOf(target)
          return rank < 0 ? 0 : Math.round((1 / (rank + 1)) * 1e4) / 1e4
        })
        const set = { key: 'knownitem', title: '', docs: [], fields: plan.fields, queries: [], limit: 100 }
        point.knownItem = score(
          set,
          judged.map((j, i) => ({ id: String(i), text: '', mode: 'plain' as const, relevant: j.relevant })),
          judged.map((j) => j.ids),
        )
      }
      const s = run.stats
      log(
        `${spec.id} ${cls.padEnd(6)} n=${String(s.queries).padStart(4)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms${s.error ? `  CHECK FAILED: ${s.error}` : ''}`,
      )
    } catch (err) {
      point.latency[cls] = { queries: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, failed: 0, error: errorText(err) }
      log(`${spec.id} ${cls} ERROR ${errorText(err)}`)
    }
  }
}

/** Documents and queries per class used to warm an engine up. */
const WARMUP_DOCS = 300
const WARMUP_QUERIES = 5

let docs: Doc[] = []

async function warmUp(base: LoadedEngine, derived: readonly LoadedEngine[]): Promise<Engine> {
  const engine = base.factory!.create()
  await engine.build(docs.slice(0, WARMUP_DOCS), plan.fields)
  for (const loaded of [base, ...derived]) {
    if (!loaded.factory) continue
    const e = loaded === base ? engine : loaded.factory.create(engine)
    for (const cls of ['word', 'title', 'prefix', 'fuzzy'] as QueryClass[]) {
      if (!loaded.spec.modes.includes(MODES[cls])) continue
      for (const q of queriesOf(cls).slice(0, WARMUP_QUERIES)) await e.search(q, MODES[cls], LIMITS[cls])
    }
  }
  return engine
}

async function main(): Promise<ScalePoint[]> {
  const maxDocs = Math.max(...plan.docCounts)
  docs = await readCorpus(plan.corpusPath, { limit: maxDocs, ...corpusShape(plan.shape) })
  const prefixBytes = [0]
  for (const d of docs) {
    let b = 0
    for (const f of plan.fields) b += utf8Bytes(d[f] ?? '')
    prefixBytes.push(prefixBytes[prefixBytes.length - 1]! + b)
  }
  const specs = plan.engineIds.map((id) => {
    const spec = ENGINES.find((e) => e.id === id)
    if (!spec) throw new Error(`unknown engine ${id}`)
    return spec
  })
  const loaded: LoadedEngine[] = await loadEngines(specs)
  const [base, ...derived] = loaded
  const points: ScalePoint[] = []
  if (!base?.factory) throw new Error(`cannot load ${plan.engineIds[0]}: ${base?.error}`)
  const spec = base.spec
  // Warm-up: build a small index and run a few queries of each class, untimed, so the first
  // measured build does not pay for JIT compilation and lazy initialisation. Engines that
  // time themselves in another runtime (Lucene's JVM) keep this instance, so their JIT stays warm.
  let engine: Engine | undefined = await warmUp(base, derived)
  if (!spec.async) {
    await engine.close?.()
    engine = undefined
  }
  let built = 0
  let buildMs = 0
  let heapBefore = 0
  try {
    for (const si of plan.run) {
      const count = Math.min(plan.docCounts[si]!, docs.length)
      const point: ScalePoint = {
        engine: spec.id,
        share: plan.shares[si]!,
        docs: count,
        bytes: prefixBytes[count]!,
        latency: {},
      }
      points.push(point)
      try {
        const grow = engine?.add !== undefined && built > 0
        if (!grow) {
          if (!spec.async) {
            await engine?.close?.()
            engine = undefined
          }
          collectGarbage()
          heapBefore = liveHeapBytes()
          engine ??= base.factory.create()
          const start = performance.now()
          const slice = docs.slice(0, count)
          checkCount(await engine.build(slice, plan.fields), slice, plan.fields)
          buildMs = engine.self?.buildMs ?? since(start)
        } else {
          const start = performance.now()
          const n = await engine!.add!(docs.slice(built, count))
          buildMs += since(start)
          checkCount(n, docs.slice(0, count), plan.fields)
          point.incremental = true
        }
        built = count
        point.buildMs = buildMs
        if (engine!.self?.heapBytes !== undefined) {
          point.heapBytes = engine!.self.heapBytes
          point.heapNote = engine!.self.memoryNote
        } else {
          point.heapBytes = liveHeapBytes() - heapBefore
        }
        log(
          `${spec.id} ${count} docs: build ${(buildMs / 1000).toFixed(1)} s${point.incremental ? ' (grown)' : ''}, heap ${(point.heapBytes / 2 ** 20).toFixed(0)} MB`,
        )
        const docIds = new Set(docs.slice(0, count).map((d) => d.id))
        await queryAll(engine!, spec, point, si, docIds)
        // Query-time-only configurations run at the largest share only (time budget).
        for (const other of si === plan.docCounts.length - 1 ? derived : []) {
          if (!other.factory) continue
          const dp: ScalePoint = {
            engine: other.spec.id,
            share: point.share,
            docs: count,
            bytes: point.bytes,
            sharedIndexWith: spec.id,
            latency: {},
          }
          points.push(dp)
          await queryAll(other.factory.create(engine), other.spec, dp, si, docIds)
        }
        const lastShare = si === plan.docCounts.length - 1
        if (engine!.save && (plan.saveAt === 'every' || lastShare)) {
          try {
            const start = performance.now()
            const saved = await engine!.save()
            point.saveMs = since(start)
            point.savedBytes = saved.bytes
            collectGarbage()
            const loadStart = performance.now()
            const n = await saved.load()
            point.loadMs = engine!.self?.loadMs ?? since(loadStart)
            checkCount(n, docs.slice(0, count), plan.fields, 'load')
            log(
              `${spec.id} saved ${(saved.bytes / 2 ** 20).toFixed(1)} MB in ${(point.saveMs / 1000).toFixed(1)} s, loaded in ${(point.loadMs / 1000).toFixed(1)} s`,
            )
            for (const alternate of saved.alternates ?? []) {
              collectGarbage()
              const altStart = performance.now()
              const other = alternate.save()
              const saveMs = since(altStart)
              collectGarbage()
              const altLoad = performance.now()
              checkCount(other.load(), docs.slice(0, count), plan.fields, 'load')
              const loadMs = since(altLoad)
              ;(point.savedAlternates ??= []).push({ label: alternate.label, bytes: other.bytes, saveMs, loadMs })
              log(`${spec.id} saved as ${alternate.label} ${(other.bytes / 2 ** 20).toFixed(1)} MB in ${(saveMs / 1000).toFixed(1)} s, loaded in ${(loadMs / 1000).toFixed(1)} s`)
            }
          } catch (err) {
            point.saveError = /Invalid string length/.test(errorText(err))
              ? "the serialised index is longer than V8's maximum string length (2^29 - 24 characters)"
              : errorText(err)
            log(`${spec.id} save/load ERROR ${point.saveError}`)
          }
        }
      } catch (err) {
        point.error = errorText(err)
        log(`${spec.id} ${count} docs ERROR ${point.error}`)
        await engine?.close?.()
        engine = undefined
        built = 0
      }
    }
  } finally {
    await engine?.close?.()
  }
  return points
}

main().then(
  (points) => {
    writeFileSync(plan.outPath, JSON.stringify(points))
    process.exit(0)
  },
  (err) => {
    console.error(`scale child failed: ${err instanceof Error ? err.stack : String(err)}`)
    process.exit(1)
  },
)
