/**
 * The blog corpus indexed once for the ranking experiments (text field only, as the known-item
 * and compound sets ask), from the library's source, with the built index cached (binary format) in
 * the system's temporary folder (never in the repository: the corpus has no licence).
 *
 * The cache is rebuilt when any file under src/ is newer than it (a changed analysis, layout or
 * format); set RANKING_CACHE=0 to rebuild anyway.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SearchIndex } from '../../src/index.js'
import { dataPaths, readCorpus, readJsonl, readQrels } from '../corpus.js'
import { REPO_ROOT } from '../engines/util.js'
import type { Doc } from '../types.js'

const CACHE_DIR = join(tmpdir(), 'bangla-search-ranking')

/** The posts, in file order. */
export async function blogDocs(): Promise<Doc[]> {
  return readCorpus(dataPaths().blogCorpus)
}

/** The blog index over the text field (built, or loaded from the cache when it is newer than src/). */
export async function blogIndex(docs?: readonly Doc[]): Promise<SearchIndex> {
  const cache = join(CACHE_DIR, 'blog-text.idx')
  if (process.env.RANKING_CACHE !== '0' && existsSync(cache) && statSync(cache).mtimeMs > newestSource(join(REPO_ROOT, 'src'))) {
    const start = performance.now()
    const index = SearchIndex.fromBytes(readFileSync(cache))
    console.error(`loaded cached index (${((performance.now() - start) / 1000).toFixed(1)} s) from ${cache}, ${statSync(cache).size >> 20} MB`)
    return index
  }
  const all = docs ?? (await blogDocs())
  const start = performance.now()
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll(all.map((doc) => ({ id: doc.id, text: doc.text })))
  console.error(`built the index of ${all.length} posts in ${((performance.now() - start) / 1000).toFixed(1)} s`)
  mkdirSync(CACHE_DIR, { recursive: true })
  writeFileSync(cache, index.toBytes())
  return index
}

/** A judged query set: the queries with their relevant ids. */
export interface JudgedSet {
  readonly queries: ReadonlyArray<{ id: string; text: string; relevant: ReadonlySet<string> }>
}

/** A `queries.jsonl` + qrels folder of ../shared/eval (the compound set names its files differently). */
export function judgedSet(dir: string, queriesFile = 'queries.jsonl', qrelsFile = 'qrels.tsv'): JudgedSet {
  const qrels = readQrels(join(dir, qrelsFile))
  const queries = readJsonl<{ id: string; text: string }>(join(dir, queriesFile))
    .filter((q) => (qrels.get(q.id)?.size ?? 0) > 0)
    .map((q) => ({ id: q.id, text: q.text, relevant: qrels.get(q.id) as Set<string> }))
  return { queries }
}

/** The known-item titles (979). */
export function knownItemSet(): JudgedSet {
  return judgedSet(dataPaths().knownItem)
}

/** The split-compound queries (300). */
export function compoundSet(): JudgedSet {
  return judgedSet(join(dataPaths().root, 'eval', 'compounds-sach'), 'compounds-queries.jsonl', 'compounds-qrels.tsv')
}

/** 1-based rank of the first relevant id in `ids`, 0 when absent. */
export function firstRank(ids: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ids.findIndex((id) => relevant.has(id))
  return i + 1
}

/** Mean reciprocal rank at `cut` of 1-based ranks (0 = not found). */
export function mrrAt(ranks: readonly number[], cut = 10): number {
  return ranks.reduce((sum, rank) => sum + (rank > 0 && rank <= cut ? 1 / rank : 0), 0) / Math.max(1, ranks.length)
}

/** The latest modification time of any file under `dir` (a cached index older than it is rebuilt). */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}
