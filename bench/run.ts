/**
 * `npm run bench`: search quality and speed/memory of bangla-search and its peers on the
 * same Bengali documents in one run. See docs/benchmarks.md for the method.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/run.ts [flags]
 *   --quick              small slices, under a minute (CI smoke test); writes bench/results/quick.json
 *   --only=a,b           engine ids to run (see bench/engines/index.ts)
 *   --suites=quality,scale,paragraphs,stored,size
 *   --no-lucene          leave out the optional Java engines (Lucene, the OpenSearch mapping)
 *   --no-docs            do not rewrite docs/benchmarks.md and the chart
 *   --report             print the tables and rewrite the docs from bench/results/latest.json, run nothing
 *   --update             with --suites (and --only): put this run's rows into bench/results/latest.json
 *                        in place of the full run's, keeping the rest (a note says what comes from which run)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataPaths, present } from './corpus.js'
import { ENGINES } from './engines/index.js'
import { REPO_ROOT } from './engines/util.js'
import { loadBanglaQuad, loadDakshina, loadDevSet, loadKnownItem, type QualitySet } from './fixtures.js'
import { collectGarbage, loadEngines } from './harness.js'
import { machineInfo, otherCpuLoad } from './machine.js'
import { benchmarksMarkdown } from './report/markdown.js'
import { type BenchResults, MB, fmt, int } from './report/results.js'
import { chartSvg } from './report/svg.js'
import { sections } from './report/sections.js'
import { measureFloor } from './suites/floor.js'
import { runQuality } from './suites/quality.js'
import { type ScaleResult, type ScaleSettings, runScale } from './suites/scale.js'
import { runSize } from './suites/size.js'
import { runStored } from './suites/stored.js'

interface Flags {
  quick: boolean
  /** Only re-render the tables and docs from bench/results/latest.json. */
  report: boolean
  /** Replace the suites that ran in bench/results/latest.json, keep the rest. */
  update: boolean
  only?: string[]
  suites: Set<string>
  lucene: boolean
  docs: boolean
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { quick: false, report: false, update: false, suites: new Set(['quality', 'scale', 'paragraphs', 'stored', 'size']), lucene: true, docs: true }
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined]
    if (key === '--quick') flags.quick = true
    else if (key === '--report') flags.report = true
    else if (key === '--update') flags.update = true
    else if (key === '--only' && value) flags.only = value.split(',').map((s) => s.trim())
    else if (key === '--suites' && value) flags.suites = new Set(value.split(',').map((s) => s.trim()))
    else if (key === '--no-lucene') flags.lucene = false
    else if (key === '--no-docs') flags.docs = false
    else if (key === '--help' || key === '-h') {
      console.log('usage: npm run bench -- [--quick] [--only=ids] [--suites=quality,scale,paragraphs,stored,size] [--no-lucene] [--no-docs] [--report] [--update]')
      process.exit(0)
    } else {
      console.error(`bench: unknown flag ${arg} (try --help)`)
      process.exit(2)
    }
  }
  return flags
}

/** Settings of the full and the quick run. */
function scaleSettings(quick: boolean, corpusPath: string): ScaleSettings {
  return quick
    ? {
        corpusPath,
        maxDocs: 500,
        shares: [0.5, 1],
        counts: { words: 100, prefixes: 60, fuzzy: 60, titles: 979 },
        budgetMs: [250, 250],
        titleBudgetMs: 500,
        minQueries: 10,
        saveAt: 'largest',
        timeoutMs: 3 * 60_000,
      }
    : {
        corpusPath,
        shares: [0.25, 0.5, 1],
        counts: { words: 500, prefixes: 300, fuzzy: 300, titles: 979 },
        budgetMs: [750, 750, 2500],
        titleBudgetMs: 8000,
        minQueries: 30,
        saveAt: 'largest',
        timeoutMs: 12 * 60_000,
      }
}

/** The paragraph scale: the blog posts split into paragraphs, bangla-search against Lucene (titles with limit 10). */
function paragraphSettings(quick: boolean, corpusPath: string): ScaleSettings {
  const common = { corpusPath, shape: 'paragraphs' as const, titleLimit: 10, engineIds: ['bangla-search', 'lucene'], saveAt: 'largest' as const }
  return quick
    ? { ...common, maxDocs: 3000, shares: [0.5, 1], counts: { words: 60, prefixes: 40, fuzzy: 40, titles: 200 }, budgetMs: [250, 250], titleBudgetMs: 500, minQueries: 10, timeoutMs: 3 * 60_000 }
    : { ...common, shares: [0.25, 0.5, 1], counts: { words: 500, prefixes: 300, fuzzy: 300, titles: 979 }, budgetMs: [750, 750, 2500], titleBudgetMs: 4000, minQueries: 30, timeoutMs: 20 * 60_000 }
}

function javaVersion(): string | undefined {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) return undefined
  return (probe.stderr || probe.stdout).split('\n')[0]?.replace(/"/g, '').trim()
}

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results')

function printTables(results: BenchResults): void {
  for (const s of sections(results)) {
    console.log(`## ${s.title}\n`)
    console.log(s.lines.join('\n'))
    for (const n of s.notes) console.log(`  - ${n}`)
    console.log('')
  }
}

function writeDocs(results: BenchResults): void {
  const svgName = 'benchmarks.svg'
  const quickPath = join(RESULTS_DIR, 'quick.json')
  const quick = existsSync(quickPath) ? (JSON.parse(readFileSync(quickPath, 'utf8')) as BenchResults) : undefined
  writeFileSync(join(REPO_ROOT, 'docs', svgName), chartSvg(results))
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), benchmarksMarkdown(results, svgName, quick))
  console.log(`docs: docs/benchmarks.md, docs/${svgName}`)
}

/**
 * The last full run with this run's results put in place of its own (`--update`): for each suite
 * that ran, the rows of the engines that ran replace theirs (all rows when every engine ran), and
 * a note names which suites and engines come from which run. Ratios stay within one run as long
 * as the engines compared ran together (bangla-search and Lucene, say).
 */
function updateLatest(fresh: BenchResults, suites: ReadonlySet<string>, only: readonly string[] | undefined): BenchResults | undefined {
  const latest = join(RESULTS_DIR, 'latest.json')
  if (!existsSync(latest)) {
    console.log('bench: --update needs bench/results/latest.json from a full run; wrote the partial results only')
    return undefined
  }
  const earlier = JSON.parse(readFileSync(latest, 'utf8')) as BenchResults
  const ran = (engine: string): boolean => only === undefined || only.includes(engine)
  const mergeScale = (old: ScaleResult | undefined, next: ScaleResult | undefined): ScaleResult | undefined => {
    if (next === undefined) return old
    if (old === undefined || only === undefined) return next
    return { ...next, points: [...old.points.filter((p) => !ran(p.engine)), ...next.points], skipped: [...old.skipped.filter((s) => !ran(s.engine)), ...next.skipped] }
  }
  const merged: BenchResults = { ...earlier, date: fresh.date, machine: fresh.machine, seconds: earlier.seconds }
  merged.engines = earlier.engines.map((e) => fresh.engines.find((f) => f.id === e.id) ?? e)
  merged.sets = { ...earlier.sets }
  if (suites.has('quality')) {
    merged.quality = [...earlier.quality.filter((q) => !ran(q.engine)), ...fresh.quality]
    for (const key of ['dev', 'banglaquad', 'dakshina']) if (fresh.sets[key]) merged.sets[key] = fresh.sets[key]
  }
  if (suites.has('scale')) {
    merged.scale = mergeScale(earlier.scale, fresh.scale)
    if (fresh.sets.knownitem) merged.sets.knownitem = fresh.sets.knownitem
  }
  if (suites.has('paragraphs')) merged.paragraphScale = mergeScale(earlier.paragraphScale, fresh.paragraphScale)
  if (suites.has('stored') && fresh.stored) merged.stored = fresh.stored
  if (suites.has('size') && fresh.size) merged.size = fresh.size
  const kept = ['quality', 'scale', 'paragraphs', 'stored', 'size'].filter((suite) => !suites.has(suite))
  const who = only === undefined ? 'every engine' : only.join(', ')
  const earlierNotes = earlier.notes.filter((note) => !note.startsWith('Re-run after the full run:'))
  merged.notes = [
    ...earlierNotes,
    ...fresh.notes,
    `Re-run after the full run: ${[...suites].join(', ')} for ${who} on ${fresh.date.slice(0, 16)} (same machine); ${only === undefined ? '' : 'the other engines\' rows of those suites and '}${kept.length > 0 ? kept.join(', ') : 'nothing else'} come from the full run of ${earlier.date.slice(0, 16)}.`,
  ]
  return merged
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2))
  if (flags.report) {
    const latest = join(RESULTS_DIR, 'latest.json')
    if (!existsSync(latest)) {
      console.log('bench: no bench/results/latest.json yet; run `npm run bench` first')
      return
    }
    const saved = JSON.parse(readFileSync(latest, 'utf8')) as BenchResults
    printTables(saved)
    if (flags.docs) writeDocs(saved)
    return
  }
  const started = performance.now()
  const paths = dataPaths()
  const haveEval = present(paths.devQueries)
  const haveCorpus = present(paths.blogCorpus)
  if (!haveEval && !haveCorpus) {
    console.log(`bench: skipped: the shared evaluation data and blog corpus were not found under ${paths.root}`)
    console.log('bench: put the shared/ folder beside the repository, or set BANGLA_SEARCH_SHARED to its path.')
    return
  }
  if (!collectGarbage()) console.log('bench: warning: run node with --expose-gc; heap figures will be noisy')
  const notes: string[] = []

  const javaEngines = ['lucene', 'opensearch-lucene']
  const specs = ENGINES.filter((e) => (!flags.only || flags.only.includes(e.id)) && (flags.lucene || !javaEngines.includes(e.id)))
  console.log(`bangla-search benchmark${flags.quick ? ' (quick)' : ''}`)
  const loaded = await loadEngines(specs)
  const lucene = loaded.find((e) => javaEngines.includes(e.spec.id) && e.factory)
  const machine = machineInfo(lucene ? javaVersion() : undefined)
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, ${machine.os}`)
  console.log(`runtime: Node ${machine.node} (V8 ${machine.v8})${machine.java ? `, ${machine.java}` : ''}`)
  machine.otherLoadAtStart = await otherCpuLoad()
  if (machine.otherLoadAtStart > 0.25) {
    const note = `Other processes kept ${machine.otherLoadAtStart} of ${machine.cores} cores busy when the run started: timings may be inflated.`
    console.log(`bench: warning: ${note}`)
    notes.push(note)
  }
  console.log('engines:')
  for (const e of loaded) {
    const v = e.factory ? e.factory.version : 'not loaded'
    console.log(`  ${e.spec.id.padEnd(18)} ${e.spec.library} ${v}  ${e.error ? `(skipped: ${e.error})` : e.spec.variant}`)
  }

  // The corpus floor comes first: it also tells the corpus size.
  const settings = scaleSettings(flags.quick, paths.blogCorpus)
  const runScaleSuite = flags.suites.has('scale') && haveCorpus
  let floor: Awaited<ReturnType<typeof measureFloor>> | undefined
  if (runScaleSuite) {
    floor = await measureFloor(paths.blogCorpus, ['text'], settings.maxDocs)
    console.log(
      `corpus: ${paths.blogCorpus}: ${int(floor.docs)} posts, ${fmt(floor.bytes / MB, 1)} MB of text, ${fmt(floor.words / 1e6, 2)} M words (floor pass ${fmt(floor.ms / 1000)} s)`,
    )
  } else if (!haveCorpus) {
    const note = `Blog corpus not found (${paths.blogCorpus}): speed, memory and known-item suites skipped.`
    console.log(`bench: ${note}`)
    notes.push(note)
  }

  const sets: QualitySet[] = []
  if (haveEval) {
    for (const set of [loadDevSet(paths), loadBanglaQuad(paths), loadDakshina(paths)]) if (set) sets.push(set)
  } else {
    notes.push(`Evaluation sets not found under ${paths.root}/eval: quality suites skipped.`)
  }
  const maxQueries = flags.quick ? 200 : undefined
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: flags.quick,
    seconds: 0,
    machine,
    engines: loaded.map((e) => ({
      id: e.spec.id,
      library: e.spec.library,
      variant: e.spec.variant,
      ...(e.factory ? { version: e.factory.version } : {}),
      config: e.spec.config,
      ours: e.spec.ours === true,
      modes: [...e.spec.modes],
      ...(e.spec.queriesIndexOf ? { sharesIndexWith: e.spec.queriesIndexOf } : {}),
      ...(e.spec.liftOver ? { liftOver: e.spec.liftOver } : {}),
      ...(e.spec.skipScale ? { skipScale: e.spec.skipScale } : {}),
      ...(e.spec.scaleEndsOnly ? { scaleEndsOnly: e.spec.scaleEndsOnly } : {}),
      ...(e.spec.skipLargeQuality ? { skipLargeQuality: e.spec.skipLargeQuality } : {}),
      ...(e.error ? { error: e.error } : {}),
    })),
    sets: Object.fromEntries(
      sets.map((s) => [
        s.key,
        { title: s.title, docs: s.docs.length, queries: maxQueries && s.key !== 'dev' ? Math.min(maxQueries, s.queries.length) : s.queries.length },
      ]),
    ),
    quality: [],
    notes,
  }

  if (flags.suites.has('size')) {
    console.log('\nsize suite (each package entry bundled with esbuild, minified, gzip -9)')
    results.size = await runSize()
  }
  if (flags.suites.has('quality') && sets.length > 0) {
    console.log('\nquality suite')
    results.quality = await runQuality(loaded, sets, maxQueries ? { maxQueries } : {})
  }
  if (runScaleSuite && floor) {
    console.log('\nscale suite (one child process per engine)')
    const knownItem = haveEval ? loadKnownItem(paths) : undefined
    if (knownItem) results.sets.knownitem = { title: knownItem.title, docs: floor.docs, queries: knownItem.queries.length }
    results.scale = await runScale(loaded, knownItem, settings, floor)
  }
  if (flags.suites.has('paragraphs') && haveCorpus) {
    console.log('\nparagraph scale (the posts split into paragraphs; bangla-search and Lucene)')
    const knownItem = haveEval ? loadKnownItem(paths) : undefined
    results.paragraphScale = await runScale(loaded, knownItem, paragraphSettings(flags.quick, paths.blogCorpus))
  }
  if (flags.suites.has('stored') && haveCorpus) {
    console.log('\nstored-text suite (every field stored, searches with snippets)')
    const knownItem = haveEval ? loadKnownItem(paths) : undefined
    const luceneFactory = loaded.find((e) => e.spec.id === 'lucene')?.factory
    results.stored = await runStored(paths.blogCorpus, knownItem, luceneFactory, flags.quick ? 500 : undefined)
  }
  results.seconds = (performance.now() - started) / 1000

  console.log('')
  printTables(results)
  mkdirSync(RESULTS_DIR, { recursive: true })
  const complete = !flags.only && ['quality', 'scale', 'paragraphs', 'stored', 'size'].every((suite) => flags.suites.has(suite)) && haveEval && haveCorpus
  const fullRun = complete && !flags.quick
  const updated = flags.update && !flags.quick ? updateLatest(results, flags.suites, flags.only) : undefined
  const jsonName = updated ? 'latest.json' : !complete ? 'partial.tmp.json' : flags.quick ? 'quick.json' : 'latest.json'
  writeFileSync(join(RESULTS_DIR, jsonName), JSON.stringify(updated ?? results, null, 2) + '\n')
  console.log(`results: bench/results/${jsonName}`)
  if ((fullRun || updated) && flags.docs) writeDocs(updated ?? results)
  console.log(`bench: done in ${fmt(results.seconds / 60, 1)} min`)
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exit(1)
})
