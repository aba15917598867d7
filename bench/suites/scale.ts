/**
 * Scale suite (parent side): the floor, the query sets, then one child process per engine
 * configuration family (see scale-child.ts), one after the other so they never compete
 * for the two cores.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCorpus } from '../corpus.js'
import { REPO_ROOT } from '../engines/util.js'
import type { QualitySet } from '../fixtures.js'
import type { LoadedEngine } from '../harness.js'
import type { Field } from '../types.js'
import { type FloorResult, floorAt, measureFloor } from './floor.js'
import { type QueryCounts, makeScaleQueries } from './scale-queries.js'
import type { ChildPlan, ScalePoint } from './scale-types.js'

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'scale-child.ts')

export interface ScaleSettings {
  corpusPath: string
  /** Posts, or their paragraphs as documents (default posts). */
  shape?: 'posts' | 'paragraphs'
  /** Results per title query (default 100). */
  titleLimit?: number
  /** Only these engine ids (default every loaded one). */
  engineIds?: readonly string[]
  /** Read at most this many posts (quick mode). */
  maxDocs?: number
  shares: number[]
  counts: QueryCounts
  budgetMs: number[]
  titleBudgetMs: number
  minQueries: number
  /** Save and load the index at every share, or only at the largest one. */
  saveAt: 'every' | 'largest'
  /** Per child process. */
  timeoutMs: number
}

export interface FloorPoint {
  share: number
  docs: number
  bytes: number
  ms: number
}

export interface ScaleResult {
  fields: Field[]
  docs: number
  bytes: number
  words: number
  floor: FloorPoint[]
  queryCounts: { words: number; titles: number; prefixes: number; fuzzy: number }
  points: ScalePoint[]
  /** Configurations not run at scale, with the reason. */
  skipped: Array<{ engine: string; reason: string }>
}

const FIELDS: Field[] = ['text']

function floorPoints(floor: FloorResult, shares: number[], counts: number[]): FloorPoint[] {
  return shares.map((share, i) => {
    const docs = counts[i]!
    const cp = floor.checkpoints.find((c) => c[0] >= docs) ?? floor.checkpoints[floor.checkpoints.length - 1]!
    return { share, docs, bytes: cp[1], ms: floorAt(floor, docs) }
  })
}

/** Runs one child process; resolves with its points or an error text. */
function runChild(plan: ChildPlan, timeoutMs: number): Promise<{ points?: ScalePoint[]; error?: string }> {
  const dir = dirname(plan.outPath)
  const planPath = join(dir, 'plan.json')
  writeFileSync(planPath, JSON.stringify(plan))
  return new Promise((resolve) => {
    const child = fork(CHILD, [planPath], {
      cwd: REPO_ROOT,
      execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-3000)
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      try {
        if (code === 0) {
          resolve({ points: JSON.parse(readFileSync(plan.outPath, 'utf8')) as ScalePoint[] })
          return
        }
      } catch (err) {
        stderr += String(err)
      }
      const why = timedOut
        ? `timed out after ${Math.round(timeoutMs / 1000)} s`
        : `exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`
      resolve({ error: why })
    })
  })
}

/** The legacy-text detector of the built library (the paragraph shape leaves Bijoy lines out). */
async function legacyDetector(): Promise<(text: string) => boolean> {
  const library = (await import('bangla-search' as string)) as { detectLegacyBengali(text: string): { legacy: boolean } }
  return (text) => library.detectLegacyBengali(text).legacy
}

export async function runScale(
  engines: readonly LoadedEngine[],
  knownItem: QualitySet | undefined,
  settings: ScaleSettings,
  measured?: FloorResult,
  log: (line: string) => void = console.log,
): Promise<ScaleResult> {
  const shape = settings.shape ?? 'posts'
  const corpusOptions = shape === 'posts' ? {} : { shape, isLegacy: await legacyDetector() }
  const floor = measured ?? (await measureFloor(settings.corpusPath, FIELDS, settings.maxDocs, 100, corpusOptions))
  const docCounts = settings.shares.map((s) => Math.max(1, Math.round(floor.docs * s)))
  log(
    `  floor: ${floor.docs} ${shape}, ${(floor.bytes / 2 ** 20).toFixed(1)} MB, ${(floor.words / 1e6).toFixed(2)} M words in ${(floor.ms / 1000).toFixed(1)} s`,
  )
  const sample = await readCorpus(settings.corpusPath, { limit: docCounts[0]!, ...corpusOptions })
  const queries = makeScaleQueries(sample, knownItem?.queries ?? [], settings.counts)
  sample.length = 0
  const result: ScaleResult = {
    fields: FIELDS,
    docs: floor.docs,
    bytes: floor.bytes,
    words: floor.words,
    floor: floorPoints(floor, settings.shares, docCounts),
    queryCounts: {
      words: queries.words.length,
      titles: queries.titles.length,
      prefixes: queries.prefixes.length,
      fuzzy: queries.fuzzy.length,
    },
    points: [],
    skipped: [],
  }
  log(
    `  queries: ${queries.words.length} words, ${queries.titles.length} titles, ${queries.prefixes.length} prefixes, ${queries.fuzzy.length} misspelt words`,
  )
  const families: LoadedEngine[][] = []
  for (const e of engines) {
    if (settings.engineIds !== undefined && !settings.engineIds.includes(e.spec.id)) continue
    if (!e.factory) {
      result.skipped.push({ engine: e.spec.id, reason: `not loaded: ${e.error}` })
    } else if (e.spec.skipScale) {
      result.skipped.push({ engine: e.spec.id, reason: e.spec.skipScale })
    } else if (!e.spec.queriesIndexOf) {
      families.push([e, ...engines.filter((d) => d.factory && d.spec.queriesIndexOf === e.spec.id)])
    }
  }
  for (const family of families) {
    const ids = family.map((e) => e.spec.id)
    const dir = mkdtempSync(join(tmpdir(), 'bangla-bench-scale-'))
    const started = performance.now()
    log(`  ${ids.join(' + ')}: child process …`)
    try {
      const outcome = await runChild(
        {
          corpusPath: settings.corpusPath,
          shape,
          titleLimit: settings.titleLimit ?? 100,
          knownItem: shape === 'posts',
          fields: FIELDS,
          shares: settings.shares,
          docCounts,
          run: family[0]!.spec.scaleEndsOnly && docCounts.length > 2 && shape === 'posts' ? [0, docCounts.length - 1] : docCounts.map((_, i) => i),
          engineIds: ids,
          queries,
          budgetMs: settings.budgetMs,
          titleBudgetMs: settings.titleBudgetMs,
          minQueries: settings.minQueries,
          saveAt: settings.saveAt,
          outPath: join(dir, 'points.json'),
        },
        settings.timeoutMs,
      )
      if (outcome.points) result.points.push(...outcome.points)
      else {
        log(`  ${ids.join(' + ')}: ERROR ${outcome.error}`)
        for (const id of ids) {
          result.points.push({ engine: id, share: 1, docs: 0, bytes: 0, latency: {}, error: outcome.error! })
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    log(`  ${ids.join(' + ')}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  return result
}
