/**
 * Fuse.js 7 with token search (`useTokenSearch`, TF-IDF over `\p{L}\p{M}\p{N}` words, its
 * mode for multi-word text) and `ignoreLocation` (otherwise only matches near the start of
 * a field count). Fuse has no inverted index: every query scans every document, so the
 * harness runs it on the small sets only.
 */
import type { Doc, Engine, EngineFactory, EngineSpec, Field, Mode } from '../types.js'
import { packageVersion, pick } from './util.js'

type FuseClass = typeof import('fuse.js')['default']
type FuseInstance = InstanceType<FuseClass> & { search(q: string, o: { limit: number }): Array<{ item: unknown }> }

class FuseEngine implements Engine {
  private fuse: FuseInstance | undefined

  constructor(private readonly Fuse: FuseClass) {}

  build(docs: readonly Doc[], fields: readonly Field[]): number {
    const fuse = new this.Fuse<Record<string, string>>(docs.map((d) => pick(d, fields)), {
      keys: [...fields],
      useTokenSearch: true,
      ignoreLocation: true,
    })
    this.fuse = fuse as unknown as FuseInstance
    return fuse.getIndex().size()
  }

  search(query: string, _mode: Mode, limit: number): string[] {
    return this.fuse!.search(query, { limit }).map((r) => String((r.item as { id: string }).id))
  }

  close(): void {
    this.fuse = undefined
  }
}

export const fuse: EngineSpec = {
  id: 'fuse',
  library: 'Fuse.js',
  variant: 'token search',
  config: 'new Fuse(docs, { keys: fields, useTokenSearch: true, ignoreLocation: true })',
  modes: ['plain', 'fuzzy'],
  skipScale: 'no inverted index: every query scans all documents (seconds per query at 23,800 posts)',
  skipLargeQuality:
    'scans every document per query: about 0.4 s a query on BanglaQuAD and 1.5 s on Dakshina here (measured on 100 queries), i.e. 20 min and 2 h for the full sets',
  async load(): Promise<EngineFactory> {
    const Fuse = (await import('fuse.js')).default
    return { version: packageVersion('fuse.js'), create: () => new FuseEngine(Fuse) }
  },
}
