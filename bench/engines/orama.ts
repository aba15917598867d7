/**
 * Orama 3: defaults (the `english` splitter deletes every Bengali letter, so documents get
 * no tokens), and a custom `components.tokenizer` that lower-cases, applies NFC and splits
 * on anything that is not a letter, mark, digit or ZWJ/ZWNJ (de-duplicating tokens, as
 * Orama's own tokenizer does). Orama matches prefixes by default; fuzzy mode adds
 * `tolerance: 1`. Then Orama with bangla-search's tokenizer (`bangla-search/orama`): whole words
 * by default, so prefix mode asks for a prefix the way its users do, with `*` after the last word.
 */
import type { Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex } from '../types.js'
import { BENGALI_WORD_SPLIT, byteSize, loadAdapter, packageVersion, pick } from './util.js'

type OramaModule = typeof import('@orama/orama')
type Db = ReturnType<OramaModule['create']>

/** Edit distance used in fuzzy mode. */
const TOLERANCE = 1

function bengaliTokenizer() {
  return {
    language: 'bengali',
    normalizationCache: new Map<string, string>(),
    tokenize(raw: string): string[] {
      if (typeof raw !== 'string') return [raw]
      const tokens = raw.normalize('NFC').toLowerCase().split(BENGALI_WORD_SPLIT)
      return [...new Set(tokens.filter((t) => t.length > 0))]
    },
  }
}

/** Orama returns a value or a Promise depending on its hooks; none are used here. */
function now<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('Orama returned a Promise; synchronous use expected')
  return value
}

class OramaEngine implements Engine {
  private db: Db | undefined
  private fields: readonly Field[] = []

  constructor(
    private readonly orama: OramaModule,
    /** A custom tokenizer component, or undefined for Orama's own. */
    private readonly makeTokenizer: (() => object) | undefined,
    /** Prefix mode writes `*` after the query (bangla-search's tokenizer matches whole words otherwise). */
    private readonly starForPrefix = false,
  ) {}

  private createDb(fields: readonly Field[]): Db {
    const schema = Object.fromEntries(fields.map((f) => [f, 'string'])) as Record<string, 'string'>
    const create = this.orama.create as (options: object) => Db
    return create({ schema, ...(this.makeTokenizer ? { components: { tokenizer: this.makeTokenizer() } } : {}) })
  }

  build(docs: readonly Doc[], fields: readonly Field[]): number {
    this.fields = fields
    this.db = this.createDb(fields)
    now(this.orama.insertMultiple(this.db, docs.map((d) => pick(d, fields))))
    return this.orama.count(this.db)
  }

  add(docs: readonly Doc[]): number {
    now(this.orama.insertMultiple(this.db!, docs.map((d) => pick(d, this.fields))))
    return this.orama.count(this.db!)
  }

  search(query: string, mode: Mode, limit: number): string[] {
    // The schema is built at run time, so Orama's deep generic types are not useful here.
    const search = this.orama.search as (db: unknown, params: object) => unknown
    const result = now(
      search(this.db, {
        term: mode === 'prefix' && this.starForPrefix ? `${query.trimEnd()}*` : query,
        properties: [...this.fields],
        limit,
        ...(mode === 'fuzzy' ? { tolerance: TOLERANCE } : {}),
      }) as { hits: Array<{ id: string }> } | Promise<never>,
    )
    return result.hits.map((h) => String(h.id))
  }

  save(): SavedIndex {
    const json = JSON.stringify(this.orama.save(this.db!))
    return {
      bytes: byteSize(json),
      load: () => {
        const again = this.createDb(this.fields)
        this.orama.load(again, JSON.parse(json) as ReturnType<OramaModule['save']>)
        return this.orama.count(again)
      },
    }
  }

  close(): void {
    this.db = undefined
  }
}

async function load(tokenizer: 'orama' | 'whole-word' | 'bangla-search'): Promise<EngineFactory> {
  const orama = await import('@orama/orama')
  const version = packageVersion('@orama/orama')
  if (tokenizer === 'bangla-search') {
    const { oramaTokenizer } = await loadAdapter<{ oramaTokenizer: () => object }>('orama')
    return { version, create: () => new OramaEngine(orama, oramaTokenizer, true) }
  }
  return { version, create: () => new OramaEngine(orama, tokenizer === 'whole-word' ? bengaliTokenizer : undefined) }
}

export const oramaDefaults: EngineSpec = {
  id: 'orama',
  library: 'Orama',
  variant: 'defaults',
  config: "create({ schema: { [field]: 'string' } }); prefix matching is Orama's default",
  modes: ['plain', 'prefix', 'fuzzy'],
  skipScale: 'its default English splitter deletes Bengali letters (0 tokens, 0 hits)',
  load: () => load('orama'),
}

export const oramaBengaliTokenizer: EngineSpec = {
  id: 'orama-tok',
  library: 'Orama',
  variant: 'whole-word tokenizer',
  config:
    'components.tokenizer splitting on non-letter/mark/digit/ZWJ/ZWNJ, NFC + lower case; tolerance: 1 in fuzzy mode',
  modes: ['plain', 'prefix', 'fuzzy'],
  load: () => load('whole-word'),
}

export const oramaBangla: EngineSpec = {
  id: 'orama-bangla',
  library: 'Orama',
  variant: '+ bangla-search analysis',
  config:
    "create({ schema, components: { tokenizer: oramaTokenizer() } }) from bangla-search/orama (each word as itself and as its canonical term, whole words; `word*` in prefix mode); tolerance: 1 in fuzzy mode",
  modes: ['plain', 'prefix', 'fuzzy'],
  liftOver: 'orama',
  load: () => load('bangla-search'),
}
