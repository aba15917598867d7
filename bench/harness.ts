/**
 * The measuring core shared by the suites: loading engines, timing query sets with
 * tinybench (the result check runs inside the timed function), heap snapshots.
 */
import { Bench } from 'tinybench'
import { percentile } from './metrics.js'
import type { Doc, Engine, EngineFactory, EngineSpec, Field, LatencyStats, Mode } from './types.js'

export interface LoadedEngine {
  spec: EngineSpec
  factory?: EngineFactory
  /** Why the engine could not be loaded. */
  error?: string
}

/** Loads every engine library; a failure is recorded and printed, never thrown. */
export async function loadEngines(specs: readonly EngineSpec[], log = true): Promise<LoadedEngine[]> {
  const loaded: LoadedEngine[] = []
  for (const spec of specs) {
    try {
      loaded.push({ spec, factory: await spec.load() })
    } catch (err) {
      const error = errorText(err)
      if (log) console.log(`  skip ${spec.id}: ${error}`)
      loaded.push({ spec, error })
    }
  }
  return loaded
}

/** One line of an error, for tables and JSON. */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.split('\n')[0]!.slice(0, 300)
}

/** What a query set expects of each result list; checked inside the timed function. */
export interface QueryCheck {
  /**
   * Minimum share of queries that must return at least one hit (1 = every query).
   * An engine below it is reported as failing the check, without latency figures.
   */
  minHitShare: number
}

export interface QueryRun {
  stats: LatencyStats
  /** Result ids per query, in query order. */
  results: string[][]
}

export interface QueryRunOptions {
  mode: Mode
  limit: number
  check: QueryCheck
  /** Warm-up queries (taken from the start of the set) before the timed run. */
  warmup?: number
  name?: string
}

/**
 * Runs each query once under tinybench (one iteration per query, in order) and returns
 * p50/p95/p99 over the per-query samples. Engines that time themselves (`engine.self`)
 * report their own duration through tinybench's `overriddenDuration`.
 */
export async function runQueries(
  engine: Engine,
  spec: EngineSpec,
  queries: readonly string[],
  options: QueryRunOptions,
): Promise<QueryRun> {
  const { mode, limit, check } = options
  const n = queries.length
  const results: string[][] = new Array<string[]>(n)
  if (n === 0) {
    return { stats: { queries: 0, p50: 0, p95: 0, p99: 0, mean: 0, failed: 0 }, results }
  }
  const warmup = Math.min(options.warmup ?? Math.min(10, n), n)
  let i = 0
  let empty = 0
  let malformed = 0
  const record = (ids: string[]): void => {
    // The check: a list of at most `limit` string ids; count queries with no hit.
    if (!Array.isArray(ids) || ids.length > limit || (ids.length > 0 && typeof ids[0] !== 'string')) {
      malformed++
    }
    if (ids.length === 0) empty++
    results[i % n] = ids
    i++
  }
  const bench = new Bench({
    iterations: n,
    time: 0,
    warmup: warmup > 0,
    warmupIterations: warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  })
  const hooks = {
    beforeAll(): void {
      i = 0
      empty = 0
      malformed = 0
    },
  }
  const taskName = options.name ?? `${spec.id} ${mode}`
  if (spec.async) {
    bench.add(
      taskName,
      async () => {
        record(await engine.search(queries[i % n]!, mode, limit))
        const own = engine.self?.lastQueryMs
        return own === undefined ? undefined : { overriddenDuration: own }
      },
      { ...hooks, async: true },
    )
  } else {
    bench.add(
      taskName,
      () => {
        record(engine.search(queries[i % n]!, mode, limit) as string[])
      },
      { ...hooks, async: false },
    )
  }
  await bench.run()
  const task = bench.tasks[0]!
  const result = task.result
  if (result.state === 'errored') throw result.error
  if (result.state !== 'completed') throw new Error(`tinybench task ended as ${result.state}`)
  const samples = [...(result.latency.samples ?? [])].sort((a, b) => a - b)
  const hitShare = 1 - empty / n
  const stats: LatencyStats = {
    queries: n,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: result.latency.mean,
    failed: empty,
  }
  if (malformed > 0) stats.error = `${malformed} malformed result lists`
  else if (hitShare < check.minHitShare) {
    stats.error = `${empty} of ${n} queries found nothing (check needs ≥ ${Math.round(check.minHitShare * 100)} % with hits)`
  }
  return { stats, results }
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * The build check: an engine must report every document, except that it may leave out
 * documents without a single letter or digit in the indexed fields (FlexSearch does).
 * Throws when the count is outside that range; passes when the engine cannot count.
 */
export function checkCount(count: number | undefined, docs: readonly Doc[], fields: readonly Field[], what = 'build'): void {
  if (count === undefined || count === docs.length) return
  let indexable = 0
  for (const d of docs) if (fields.some((f) => WORD_CHAR.test(d[f] ?? ''))) indexable++
  if (count < indexable || count > docs.length) {
    throw new Error(`${what} check failed: ${count} documents indexed, expected ${indexable}–${docs.length}`)
  }
}

/** Forces full garbage collection (needs --expose-gc); false when gc is unavailable. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return false
  gc()
  gc()
  return true
}

/** heapUsed + arrayBuffers after a full GC, in bytes. */
export function liveHeapBytes(): number {
  collectGarbage()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/** Milliseconds since `start` (a performance.now() value). */
export function since(start: number): number {
  return performance.now() - start
}
