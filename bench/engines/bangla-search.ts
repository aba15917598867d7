/**
 * bangla-search, the library under test, loaded from its BUILT form (`dist/`, through the
 * package's own `exports`), so the benchmark measures what users install.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildCount, Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex } from '../types.js'
import { REPO_ROOT, byteSize } from './util.js'

/** The part of the public API the benchmark uses. */
interface SearchHit {
  id: unknown
}
interface SearchIndexLike {
  addAll(docs: readonly object[]): unknown
  search(query: string, options: { limit: number; prefix?: boolean; fuzzy?: boolean }): SearchHit[]
  toJSON(): unknown
  toBytes(): Uint8Array
}
interface SearchIndexClass {
  new (options: { fields: readonly string[]; idField: string }): SearchIndexLike
  fromJSON(saved: never): SearchIndexLike
  fromBytes(bytes: Uint8Array): SearchIndexLike
}

/** Reads the document count from whichever property or method the index exposes. */
function countOf(index: SearchIndexLike): BuildCount {
  const probe = index as unknown as Record<string, unknown>
  for (const key of ['documentCount', 'size', 'count']) {
    const value = probe[key]
    if (typeof value === 'number') return value
    if (typeof value === 'function') {
      const n = (value as () => unknown).call(index)
      if (typeof n === 'number') return n
    }
  }
  return undefined
}

class BanglaSearchEngine implements Engine {
  private index: SearchIndexLike | undefined

  constructor(private readonly SearchIndex: SearchIndexClass) {}

  build(docs: readonly Doc[], fields: readonly Field[]): BuildCount {
    this.index = new this.SearchIndex({ fields, idField: 'id' })
    this.index.addAll(docs)
    return countOf(this.index)
  }

  search(query: string, mode: Mode, limit: number): string[] {
    // Plain mode keeps the library's defaults (which include its own typo tolerance).
    const options =
      mode === 'prefix' ? { limit, prefix: true } : mode === 'fuzzy' ? { limit, fuzzy: true } : { limit }
    const hits = this.index!.search(query, options)
    const ids: string[] = []
    for (let i = 0; i < hits.length && i < limit; i++) ids.push(String(hits[i]!.id))
    return ids
  }

  /** The binary format (version 2); JSON (version 1) is measured beside it as an alternate. */
  save(): SavedIndex {
    const index = this.index!
    const SearchIndex = this.SearchIndex
    const bytes = index.toBytes()
    return {
      bytes: bytes.length,
      load: () => countOf(SearchIndex.fromBytes(bytes)),
      alternates: [
        {
          label: 'JSON (format 1)',
          save: () => {
            const text = JSON.stringify(index.toJSON())
            return { bytes: byteSize(text), load: () => countOf(SearchIndex.fromJSON(text as never)) }
          },
        },
      ],
    }
  }

  close(): void {
    this.index = undefined
  }
}

export const banglaSearch: EngineSpec = {
  id: 'bangla-search',
  library: 'bangla-search',
  variant: 'defaults',
  config: 'SearchIndex({ fields }) with library defaults; `prefix: true` / `fuzzy: true` for those query modes',
  ours: true,
  modes: ['plain', 'prefix', 'fuzzy'],
  async load(): Promise<EngineFactory> {
    // A variable specifier keeps the type checker from requiring dist/ to exist.
    const specifier = 'bangla-search'
    const mod = (await import(specifier)) as { SearchIndex?: SearchIndexClass }
    if (typeof mod.SearchIndex !== 'function') {
      throw new Error('bangla-search (dist/) does not export SearchIndex; run `npm run build`')
    }
    const SearchIndex = mod.SearchIndex
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    return { version: pkg.version, create: () => new BanglaSearchEngine(SearchIndex) }
  },
}
