/**
 * MiniSearch 7: defaults (whole words split on space and punctuation, BM25+), and the
 * "prefix + fuzzy 0.2 on every query" configuration a user reaches for typo tolerance.
 * The second one only differs at query time, so at scale it queries the first one's index.
 * Then MiniSearch with bangla-search's analysis (`bangla-search/minisearch`), query options as
 * with the defaults.
 */
import type { Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex } from '../types.js'
import { byteSize, loadAdapter, packageVersion, pick } from './util.js'

type MiniSearchModule = typeof import('minisearch')
type MiniSearchClass = MiniSearchModule['default']
type MiniSearchInstance = InstanceType<MiniSearchClass>
/** Options added to `{ fields, idField }` (bangla-search's `tokenize` and `processTerm`). */
type ExtraOptions = Record<string, unknown>

/** Fuzziness used by both configurations: edit distance up to 20 % of the term length. */
const FUZZY = 0.2

class MiniSearchEngine implements Engine {
  private index: MiniSearchInstance | undefined
  private fields: readonly Field[] = []

  constructor(
    private readonly MiniSearch: MiniSearchClass,
    private readonly alwaysPrefixFuzzy: boolean,
    base?: MiniSearchEngine,
    private readonly extra: ExtraOptions = {},
  ) {
    if (base) {
      this.index = base.index
      this.fields = base.fields
    }
  }

  build(docs: readonly Doc[], fields: readonly Field[]): number {
    this.fields = fields
    this.index = new this.MiniSearch({ fields: [...fields], idField: 'id', ...this.extra })
    this.index.addAll(docs.map((d) => pick(d, fields)))
    return this.index.documentCount
  }

  add(docs: readonly Doc[]): number {
    this.index!.addAll(docs.map((d) => pick(d, this.fields)))
    return this.index!.documentCount
  }

  search(query: string, mode: Mode, limit: number): string[] {
    const options = this.alwaysPrefixFuzzy
      ? { prefix: true, fuzzy: FUZZY }
      : mode === 'prefix'
        ? { prefix: true }
        : mode === 'fuzzy'
          ? { fuzzy: FUZZY }
          : {}
    const hits = this.index!.search(query, options)
    const ids: string[] = []
    for (let i = 0; i < hits.length && i < limit; i++) ids.push(String(hits[i]!.id))
    return ids
  }

  save(): SavedIndex {
    const json = JSON.stringify(this.index!)
    const options = { fields: [...this.fields], idField: 'id', ...this.extra }
    return {
      bytes: byteSize(json),
      load: () => this.MiniSearch.loadJSON(json, options).documentCount,
    }
  }

  close(): void {
    this.index = undefined
  }
}

async function load(alwaysPrefixFuzzy: boolean, bangla = false): Promise<EngineFactory> {
  const MiniSearch = (await import('minisearch')).default
  const adapter = bangla ? await loadAdapter<{ minisearchOptions: () => ExtraOptions }>('minisearch') : undefined
  return {
    version: packageVersion('minisearch'),
    create: (base) =>
      new MiniSearchEngine(MiniSearch, alwaysPrefixFuzzy, base as MiniSearchEngine | undefined, adapter?.minisearchOptions()),
  }
}

export const miniSearchDefaults: EngineSpec = {
  id: 'minisearch',
  library: 'MiniSearch',
  variant: 'defaults',
  config: 'new MiniSearch({ fields }); `prefix: true` / `fuzzy: 0.2` only in those query modes',
  modes: ['plain', 'prefix', 'fuzzy'],
  load: () => load(false),
}

export const miniSearchPrefixFuzzy: EngineSpec = {
  id: 'minisearch-fuzzy',
  library: 'MiniSearch',
  variant: 'prefix + fuzzy',
  config: 'same index; every query with `{ prefix: true, fuzzy: 0.2 }`',
  modes: ['plain', 'prefix', 'fuzzy'],
  queriesIndexOf: 'minisearch',
  load: () => load(true),
}

export const miniSearchBangla: EngineSpec = {
  id: 'minisearch-bangla',
  library: 'MiniSearch',
  variant: '+ bangla-search analysis',
  config:
    'new MiniSearch({ fields, ...minisearchOptions() }) from bangla-search/minisearch (each word as itself and as its canonical term); `prefix: true` / `fuzzy: 0.2` only in those query modes',
  modes: ['plain', 'prefix', 'fuzzy'],
  liftOver: 'minisearch',
  load: () => load(false, true),
}
