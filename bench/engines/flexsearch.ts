/**
 * FlexSearch 0.8: defaults (its encoder splits on every non-letter, so Bengali vowel signs
 * and hasanta cut words into consonant fragments), and the best Bengali configuration a
 * user can reach with its public options: a whole-word split that keeps marks and
 * ZWJ/ZWNJ, NFC instead of its NFKD normaliser, no letter de-duplication (which turns
 * `মমতা` into `মতা`), and `tokenize: 'forward'` for prefix search. Neither has stemming,
 * spelling-variant or typo matching for Bengali.
 *
 * Then FlexSearch with bangla-search's encoder (`bangla-search/flexsearch`), its index options
 * otherwise the defaults: once with FlexSearch's own query semantics (every word must match),
 * and once with a second pass that asks `suggest: true` for more when the first found too few.
 */
import type { BuildCount, Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex } from '../types.js'
import { BENGALI_WORD_SPLIT, loadAdapter, packageVersion, pick } from './util.js'

/** The part of FlexSearch's Document API used here. */
interface FlexDocument {
  /** Internal register of indexed ids (a Set, or a Map with fastupdate). */
  readonly reg?: { size: number }
  add(doc: Record<string, string>): unknown
  search(query: string, options: { limit: number; merge: true; suggest?: boolean }): Array<{ id: string | number }>
  export(handler: (key: string, data: string) => void): unknown
  import(key: string, data: string): unknown
}
interface FlexModule {
  Document: new (options: object) => FlexDocument
  Encoder: new (options: object) => object
}

/**
 * How queries run: `all` words must match (FlexSearch's default); `suggest: true` always (a
 * document matching only some words may rank); or `all` first and, when that finds fewer than
 * the limit, a `suggest: true` pass whose new ids are appended.
 */
type SuggestMode = 'all' | 'suggest' | 'second-pass'

class FlexSearchEngine implements Engine {
  private index: FlexDocument | undefined

  constructor(
    private readonly makeIndex: (fields: readonly Field[]) => FlexDocument,
    private readonly suggest: SuggestMode,
    private fields: readonly Field[] = [],
    base?: FlexSearchEngine,
  ) {
    if (base) {
      this.index = base.index
      this.fields = base.fields
    }
  }

  build(docs: readonly Doc[], fields: readonly Field[]): BuildCount {
    this.fields = fields
    this.index = this.makeIndex(fields)
    for (const doc of docs) this.index.add(pick(doc, fields))
    return registerSize(this.index)
  }

  add(docs: readonly Doc[]): BuildCount {
    for (const doc of docs) this.index!.add(pick(doc, this.fields))
    return registerSize(this.index!)
  }

  search(query: string, _mode: Mode, limit: number): string[] {
    const hits = this.index!.search(query, this.suggest === 'suggest' ? { limit, merge: true, suggest: true } : { limit, merge: true })
    const ids: string[] = []
    for (let i = 0; i < hits.length && i < limit; i++) ids.push(String(hits[i]!.id))
    if (this.suggest === 'second-pass' && ids.length < limit) {
      const seen = new Set(ids)
      for (const hit of this.index!.search(query, { limit, merge: true, suggest: true })) {
        const id = String(hit.id)
        if (ids.length >= limit) break
        if (!seen.has(id)) {
          seen.add(id)
          ids.push(id)
        }
      }
    }
    return ids
  }

  save(): SavedIndex {
    const parts: Array<[string, string]> = []
    this.index!.export((key, data) => {
      if (data !== undefined && data !== null) parts.push([key, data])
    })
    let bytes = 0
    for (const [key, data] of parts) bytes += Buffer.byteLength(key) + Buffer.byteLength(data)
    return {
      bytes,
      load: () => {
        const again = this.makeIndex(this.fields)
        for (const [key, data] of parts) again.import(key, data)
        return registerSize(again)
      },
    }
  }

  close(): void {
    this.index = undefined
  }
}

/**
 * Number of documents in a FlexSearch Document index. FlexSearch has no public count;
 * its internal id register (`reg`) is the closest thing. Undefined if that changes.
 */
function registerSize(index: FlexDocument): number | undefined {
  return typeof index.reg?.size === 'number' ? index.reg.size : undefined
}

async function loadModule(): Promise<FlexModule> {
  const mod = (await import('flexsearch')) as unknown as Partial<FlexModule> & { default?: FlexModule }
  const resolved = mod.Document ? (mod as FlexModule) : mod.default
  if (!resolved?.Document) throw new Error('flexsearch does not export Document')
  return resolved
}

export const flexSearchDefaults: EngineSpec = {
  id: 'flexsearch',
  library: 'FlexSearch',
  variant: 'defaults',
  config: 'new Document({ document: { id, index: fields } }) with the default encoder and tokenizer',
  modes: ['plain'],
  async load(): Promise<EngineFactory> {
    const { Document } = await loadModule()
    return {
      version: packageVersion('flexsearch'),
      create: () =>
        new FlexSearchEngine((fields) => new Document({ document: { id: 'id', index: [...fields] } }), 'all'),
    }
  },
}

export const flexSearchWholeWord: EngineSpec = {
  id: 'flexsearch-word',
  library: 'FlexSearch',
  variant: 'whole-word',
  config:
    "Encoder({ split: non-letter/mark/digit/ZWJ/ZWNJ, normalize: NFC + lower case, dedupe: false }), tokenize: 'forward'; search with suggest: true (any word may match)",
  modes: ['plain', 'prefix'],
  async load(): Promise<EngineFactory> {
    const { Document, Encoder } = await loadModule()
    const makeIndex = (fields: readonly Field[]): FlexDocument => {
      const encoder = new Encoder({
        split: BENGALI_WORD_SPLIT,
        normalize: (s: string) => s.normalize('NFC').toLowerCase(),
        dedupe: false,
      })
      return new Document({
        document: {
          id: 'id',
          index: fields.map((field) => ({ field, tokenize: 'forward', encoder })),
        },
      })
    }
    return { version: packageVersion('flexsearch'), create: () => new FlexSearchEngine(makeIndex, 'suggest') }
  },
}

/** Loads FlexSearch and bangla-search's encoder; a Document per field with that encoder. */
async function loadWithEncoder(suggest: SuggestMode): Promise<EngineFactory> {
  const { Document } = await loadModule()
  const { flexsearchEncoder } = await loadAdapter<{ flexsearchEncoder: () => object }>('flexsearch')
  const makeIndex = (fields: readonly Field[]): FlexDocument => {
    const encoder = flexsearchEncoder()
    return new Document({ document: { id: 'id', index: fields.map((field) => ({ field, encoder })) } })
  }
  return {
    version: packageVersion('flexsearch'),
    create: (base) => new FlexSearchEngine(makeIndex, suggest, [], base as FlexSearchEngine | undefined),
  }
}

export const flexSearchBangla: EngineSpec = {
  id: 'flexsearch-bangla',
  library: 'FlexSearch',
  variant: '+ bangla-search analysis',
  config:
    "Document with encoder: flexsearchEncoder() from bangla-search/flexsearch (one canonical term per word, stopwords dropped), other options default; every word must match, then a second pass with suggest: true fills the list when that found too few",
  modes: ['plain'],
  liftOver: 'flexsearch',
  load: () => loadWithEncoder('second-pass'),
}

export const flexSearchBanglaAllWords: EngineSpec = {
  id: 'flexsearch-bangla-all',
  library: 'FlexSearch',
  variant: '+ bangla-search analysis, one pass',
  config: 'same index; FlexSearch\'s own query semantics only (every query word must match, no second pass)',
  modes: ['plain'],
  liftOver: 'flexsearch',
  queriesIndexOf: 'flexsearch-bangla',
  load: () => loadWithEncoder('all'),
}
