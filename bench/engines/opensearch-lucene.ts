/**
 * Optional engine: `bangla-search/opensearch` (loaded from the built dist/, as users get it) with
 * the JSON it generates — index settings and mappings, bulk bodies, vocabulary upserts, lookup
 * multi-searches and query DSL — answered by Lucene 8.7 through the harness in
 * opensearch-lucene/OpenSearchLucene.java, which implements those parts of the OpenSearch API
 * with the Lucene classes a cluster uses. Indexing goes through the module's `bulkIndex`
 * and searches through its two-step `searchOpenSearch`, so what is measured is the module's
 * real flow.
 *
 * Times: build = client-side analysis and serialisation + the time Java reports for bulk and
 * refresh (the pipe is not counted); a query = the same for the lookup and the search. Heap is
 * the JVM's after the build; the index lives on disk. Skipped, with the reason, when java/javac
 * or the Lucene 8 jars are missing.
 */
import type * as OpenSearchModule from '../../src/opensearch/index.js'
import type { BuildCount, Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex, SelfMeasured } from '../types.js'
import { compileHarness, type HarnessClient, LuceneNode } from './opensearch-lucene/node.js'

type Module = typeof OpenSearchModule

const INDEX = 'docs'
/** Documents per call of the bulk helper. */
const CHUNK = 1000

class OpenSearchLuceneEngine implements Engine {
  readonly self: SelfMeasured = { memoryNote: 'JVM heap; index on disk' }
  private node: LuceneNode | undefined
  private client: HarnessClient | undefined
  private options: OpenSearchModule.OpenSearchOptions | undefined
  private count = 0
  private buildMs = 0

  constructor(private readonly module: Module) {}

  async build(docs: readonly Doc[], fields: readonly Field[]): Promise<BuildCount> {
    await this.close()
    this.node = new LuceneNode()
    this.client = this.node.client()
    this.options = { index: INDEX, fields, storeFields: [], idField: 'id' }
    await this.client.indices.create({ index: INDEX, body: this.module.indexBody(this.options) })
    await this.client.indices.create({ index: `${INDEX}-vocabulary`, body: this.module.vocabularyIndexBody() })
    this.count = 0
    this.buildMs = 0
    return this.add(docs)
  }

  async add(docs: readonly Doc[]): Promise<BuildCount> {
    const { node, client, options } = this.ready()
    node.resetTimes()
    const start = performance.now()
    const report = await this.module.bulkIndex(client, docs, options, { chunkSize: CHUNK, refresh: true })
    if (report.failed > 0) throw new Error(`bulk: ${report.failed} documents refused, first: ${report.errors[0]?.reason}`)
    const wall = performance.now() - start
    this.buildMs += wall - node.times.wallMs + node.times.clientMs + node.times.javaNs / 1e6
    this.self.buildMs = this.buildMs
    this.count += report.indexed
    this.self.heapBytes = Number((await node.call({ op: 'stats' }))['heap_bytes'])
    return this.count
  }

  async search(query: string, mode: Mode, limit: number): Promise<string[]> {
    const { node, client, options } = this.ready()
    node.resetTimes()
    const start = performance.now()
    // plain mode keeps the library's defaults (which include typo tolerance), as for bangla-search
    const modeOptions = mode === 'prefix' ? { prefix: true } : mode === 'fuzzy' ? { fuzzy: true } : {}
    const hits = await this.module.searchOpenSearch(client, query, options, { limit, ...modeOptions })
    const wall = performance.now() - start
    this.self.lastQueryMs = wall - node.times.wallMs + node.times.clientMs + node.times.javaNs / 1e6
    return hits.map((hit) => String(hit.id))
  }

  async save(): Promise<SavedIndex> {
    const { node } = this.ready()
    let bytes = 0
    for (const index of [INDEX, `${INDEX}-vocabulary`]) bytes += Number((await node.call({ op: 'flush', index }))['disk_bytes'])
    return {
      bytes,
      load: async () => {
        node.resetTimes()
        let docs = 0
        for (const index of [INDEX, `${INDEX}-vocabulary`]) {
          const reply = await node.call({ op: 'reopen', index })
          if (index === INDEX) docs = Number(reply['docs'])
        }
        this.self.loadMs = node.times.javaNs / 1e6
        return docs
      },
    }
  }

  async close(): Promise<void> {
    await this.node?.quit()
    this.node = undefined
    this.client = undefined
  }

  private ready(): { node: LuceneNode; client: HarnessClient; options: OpenSearchModule.OpenSearchOptions } {
    if (!this.node || !this.client || !this.options) throw new Error('build() first')
    return { node: this.node, client: this.client, options: this.options }
  }
}

export const openSearchLucene: EngineSpec = {
  id: 'opensearch-lucene',
  library: 'OpenSearch mapping',
  variant: 'via Lucene 8.7',
  config:
    'bangla-search/opensearch: fields pre-analysed into exact|~stem tokens (whitespace tokenizer + pattern_capture), a vocabulary index for spelling-variant, romanised and typo lookups, one dis_max per query word; the generated JSON answered by Lucene 8.7 (bench/engines/opensearch-lucene/)',
  ours: true,
  modes: ['plain', 'prefix', 'fuzzy'],
  async: true,
  async load(): Promise<EngineFactory> {
    const { version } = compileHarness()
    // A variable specifier keeps the type checker from requiring dist/ to exist.
    const specifier = 'bangla-search/opensearch'
    const module = (await import(specifier)) as Module
    if (typeof module.searchOpenSearch !== 'function') throw new Error('bangla-search/opensearch (dist/) is missing; run `npm run build`')
    return { version, create: () => new OpenSearchLuceneEngine(module) }
  },
}
