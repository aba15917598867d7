/**
 * Stored-text suite: the blog posts indexed with every field stored (what `bangla-search index`
 * does by default), so hits can show snippets. Reports the saved size (with the stored sections
 * apart, against the bound of the issue: the index without stored text plus 30 % of the raw
 * text), the load time and heap of a loaded index, and p50/p95 of searches that return snippets
 * on it (cold blocks, as a CLI search meets them) and on the built index; beside the JSON version 1
 * of the same index (stored fields as plain JSON: how they were kept before) and Lucene's
 * stored-field files for the same documents.
 *
 * With BANGLA_SEARCH_BASELINE set to another build's dist/index.js (e.g. the commit before the
 * compressed store), the same searches run on that build too, for a before/after comparison;
 * BANGLA_SEARCH_BASELINE_LABEL names it in the tables (default: the path).
 */
import { readCorpus, utf8Bytes } from '../corpus.js'
import type { LuceneEngine } from '../engines/lucene.js'
import { collectGarbage, liveHeapBytes, since } from '../harness.js'
import { percentile } from '../metrics.js'
import type { QualitySet } from '../fixtures.js'
import type { EngineFactory } from '../types.js'

/** The part of the public API this suite uses. */
interface Library {
  SearchIndex: {
    new (options: { fields: string[]; storeFields: string[]; idField: string }): Index
    fromBytes?(bytes: Uint8Array): Index
    fromJSON(saved: string): Index
  }
}
interface Index {
  addAll(docs: readonly object[]): unknown
  search(query: string, options: { limit: number; highlight: boolean }): { snippet?: string }[]
  toBytes?(): Uint8Array
  toJSON(): unknown
  readonly size: number
}

/** One configuration's figures. */
export interface StoredFigures {
  label: string
  savedBytes?: number
  storedBytes?: number
  loadMs?: number
  heapBytes?: number
  /** Searches with snippets on the loaded index (cold blocks) and on the built one. */
  loaded?: { p50: number; p95: number; queries: number }
  built?: { p50: number; p95: number; queries: number }
}

export interface StoredResult {
  docs: number
  /** UTF-8 bytes of the stored text (title + text). */
  rawBytes: number
  /** The binary index's size without its stored sections. */
  indexBytes?: number
  figures: StoredFigures[]
  /** Lucene 8.7 with the same fields stored: its index folder and its stored-field files. */
  lucene?: { diskBytes: number; storedBytes: number }
}

const QUERIES = 300

/** Times each query once (the first search meets cold blocks). */
function timeSearches(index: Index, queries: readonly string[]): { p50: number; p95: number; queries: number } {
  const times = queries.map((query) => {
    const start = performance.now()
    const hits = index.search(query, { limit: 10, highlight: true })
    if (hits.length > 0 && hits[0]?.snippet === undefined) throw new Error('a hit came without a snippet')
    return since(start)
  })
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), queries: times.length }
}

/** Sizes of the sections with these ids in a binary saved index (its section table). */
function sectionBytes(bytes: Uint8Array, ids: readonly number[]): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  for (let i = 0; i < view.getUint32(12, true); i++) if (ids.includes(view.getUint32(32 + 16 * i, true))) total += view.getUint32(32 + 16 * i + 8, true)
  return total
}

async function measure(label: string, library: Library, format: 'binary' | 'json', docs: readonly object[], queries: readonly string[], log: (line: string) => void): Promise<StoredFigures> {
  const { SearchIndex } = library
  collectGarbage()
  const figures: StoredFigures = { label }
  let built: Index | undefined = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'], idField: 'id' })
  built.addAll(docs)
  figures.built = timeSearches(built, queries)
  let load: () => Index
  if (format === 'binary' && built.toBytes !== undefined && SearchIndex.fromBytes !== undefined) {
    const bytes = built.toBytes()
    figures.savedBytes = bytes.length
    figures.storedBytes = sectionBytes(bytes, [7, 8])
    load = () => (SearchIndex.fromBytes as (bytes: Uint8Array) => Index)(bytes)
  } else {
    const text = JSON.stringify(built.toJSON())
    figures.savedBytes = utf8Bytes(text)
    load = () => SearchIndex.fromJSON(text)
  }
  built = undefined
  collectGarbage()
  const before = liveHeapBytes()
  const start = performance.now()
  const loaded = load()
  figures.loadMs = since(start)
  collectGarbage()
  figures.heapBytes = liveHeapBytes() - before
  figures.loaded = timeSearches(loaded, queries)
  log(`  ${label}: saved ${((figures.savedBytes ?? 0) / 2 ** 20).toFixed(1)} MB, load ${figures.loadMs.toFixed(0)} ms, heap ${((figures.heapBytes ?? 0) / 2 ** 20).toFixed(0)} MB, snippet searches p50 ${figures.loaded.p50.toFixed(2)} ms (built ${figures.built.p50.toFixed(2)} ms)`)
  return figures
}

export async function runStored(corpusPath: string, knownItem: QualitySet | undefined, lucene: EngineFactory | undefined, maxDocs: number | undefined, log: (line: string) => void = console.log): Promise<StoredResult> {
  const posts = await readCorpus(corpusPath, maxDocs === undefined ? {} : { limit: maxDocs })
  const rawBytes = posts.reduce((sum, post) => sum + utf8Bytes(post.title ?? '') + utf8Bytes(post.text ?? ''), 0)
  const queries = (knownItem?.queries ?? []).slice(0, QUERIES).map((query) => query.text)
  const result: StoredResult = { docs: posts.length, rawBytes, figures: [] }
  log(`  ${posts.length} posts, ${(rawBytes / 2 ** 20).toFixed(0)} MB of text stored; ${queries.length} title queries with snippets`)
  const specifier = 'bangla-search'
  const library = (await import(specifier)) as Library
  const current = await measure('bangla-search, binary (format 2)', library, 'binary', posts, queries, log)
  result.figures.push(current)
  result.indexBytes = (current.savedBytes ?? 0) - (current.storedBytes ?? 0)
  result.figures.push(await measure('bangla-search, JSON (format 1)', library, 'json', posts, queries, log))
  const baseline = process.env['BANGLA_SEARCH_BASELINE']
  if (baseline !== undefined) result.figures.push(await measure(`baseline build (${process.env['BANGLA_SEARCH_BASELINE_LABEL'] ?? baseline})`, (await import(baseline)) as Library, 'json', posts, queries, log))
  if (lucene !== undefined) {
    const engine = lucene.create() as LuceneEngine
    try {
      await engine.build(posts, ['title', 'text'], ['title', 'text'])
      result.lucene = { diskBytes: (await engine.save()).bytes, storedBytes: engine.storedBytes }
      log(`  Lucene: index folder ${(result.lucene.diskBytes / 2 ** 20).toFixed(1)} MB, stored fields ${(result.lucene.storedBytes / 2 ** 20).toFixed(1)} MB`)
    } finally {
      await engine.close()
    }
  }
  return result
}
