/**
 * Lunr 2.3: defaults (its trimmer strips ASCII `\W` from both ends of a token, which
 * empties every Bengali word, so the index holds one key, ""), and the same pipeline with
 * the trimmer replaced by one that keeps letters, marks, digits and ZWJ/ZWNJ of any script.
 * That trimmer is also put in front of the search pipeline, so query words are trimmed
 * the same way. Queries are built with `index.query()` from Lunr's own tokenizer rather
 * than `index.search()`, whose query syntax would throw on `:`, `~`, `^`, `+`, `-` in titles.
 * Then Lunr with bangla-search's plugin (`bangla-search/lunr`), queried the same way.
 */
import type { Doc, Engine, EngineFactory, EngineSpec, Field, Mode, SavedIndex } from '../types.js'
import { byteSize, loadAdapter, packageVersion, pick } from './util.js'

type Lunr = typeof import('lunr')

/** Registered name of the Bengali-friendly trimmer (needed to load a saved index). */
const TRIMMER = 'trimmerUnicode'

/** Edit distance used in fuzzy mode (Lunr's `term~1`). */
const EDIT_DISTANCE = 1

let trimmerRegistered = false

/** Strips everything but letters, marks, digits and ZWJ/ZWNJ from both ends. */
function trim(s: string): string {
  return s.replace(/^[^\p{L}\p{M}\p{N}\u200C\u200D]+/u, '').replace(/[^\p{L}\p{M}\p{N}\u200C\u200D]+$/u, '')
}

function unicodeTrimmer(lunr: Lunr): lunr.PipelineFunction {
  const fn: lunr.PipelineFunction = (token) => token.update(trim)
  if (!trimmerRegistered) {
    lunr.Pipeline.registerFunction(fn, TRIMMER)
    trimmerRegistered = true
  }
  return fn
}

class LunrEngine implements Engine {
  private index: lunr.Index | undefined

  constructor(
    private readonly lunr: Lunr,
    private readonly trimmer: lunr.PipelineFunction | undefined,
    /** bangla-search's plugin, used first in the builder (it replaces tokenizer and pipelines). */
    private readonly plugin?: lunr.Builder.Plugin,
    /** With the plugin: its `normalize`, for prefixes (Lunr skips the pipeline for wildcard terms). */
    private readonly normalizePrefix: (prefix: string) => string = (prefix) => prefix,
  ) {}

  build(docs: readonly Doc[], fields: readonly Field[]): number {
    const trimmer = this.trimmer
    const lunr = this.lunr
    const plugin = this.plugin
    this.index = lunr(function () {
      if (plugin) this.use(plugin)
      this.ref('id')
      for (const f of fields) this.field(f)
      if (trimmer) {
        this.pipeline.before(lunr.trimmer, trimmer)
        this.pipeline.remove(lunr.trimmer)
        this.searchPipeline.before(lunr.stemmer, trimmer)
      }
      for (const doc of docs) this.add(pick(doc, fields))
    })
    return documentCount(this.index)
  }

  search(query: string, mode: Mode, limit: number): string[] {
    const lunr = this.lunr
    const tokens = lunr.tokenizer(query)
    const hits = this.index!.query((q) => {
      tokens.forEach((token, i) => {
        const term = token.toString()
        if (term.length === 0) return
        if (mode === 'prefix' && i === tokens.length - 1) {
          // Lunr appends `*` before running the search pipeline, where a trimmer would strip
          // it again: trim here and skip the pipeline (its stemmer is English-only anyway).
          const stem = this.trimmer || this.plugin ? this.normalizePrefix(trim(term)) : term
          if (stem.length > 0) q.term(stem, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING })
          return
        }
        q.term(term, { usePipeline: true, editDistance: mode === 'fuzzy' ? EDIT_DISTANCE : 0 })
      })
    })
    const ids: string[] = []
    for (let i = 0; i < hits.length && i < limit; i++) ids.push(hits[i]!.ref)
    return ids
  }

  save(): SavedIndex {
    const json = JSON.stringify(this.index!)
    return {
      bytes: byteSize(json),
      load: () => documentCount(this.lunr.Index.load(JSON.parse(json) as object)),
    }
  }

  close(): void {
    this.index = undefined
  }
}

/** Distinct document refs in the index (field vectors are keyed `field/ref`). */
function documentCount(index: lunr.Index): number {
  const vectors = (index as unknown as { fieldVectors: Record<string, unknown> }).fieldVectors
  const refs = new Set<string>()
  for (const key of Object.keys(vectors)) refs.add(key.slice(key.indexOf('/') + 1))
  return refs.size
}

async function load(bengali: 'none' | 'trimmer' | 'bangla-search'): Promise<EngineFactory> {
  const mod = (await import('lunr')) as unknown as { default?: Lunr } & Lunr
  const lunr = mod.default ?? mod
  if (bengali === 'bangla-search') {
    const { lunrBengali, normalize } = await loadAdapter<{ lunrBengali: lunr.Builder.Plugin; normalize: (text: string) => string }>('lunr')
    return { version: packageVersion('lunr'), create: () => new LunrEngine(lunr, undefined, lunrBengali, normalize) }
  }
  const trimmer = bengali === 'trimmer' ? unicodeTrimmer(lunr) : undefined
  return { version: packageVersion('lunr'), create: () => new LunrEngine(lunr, trimmer) }
}

export const lunrDefaults: EngineSpec = {
  id: 'lunr',
  library: 'Lunr',
  variant: 'defaults',
  config: 'lunr(function () { ref; fields; add }) with the default pipeline',
  modes: ['plain', 'prefix', 'fuzzy'],
  skipScale: 'its default trimmer empties every Bengali word (the index holds only "", 0 hits)',
  load: () => load('none'),
}

export const lunrUnicodeTrimmer: EngineSpec = {
  id: 'lunr-trim',
  library: 'Lunr',
  variant: 'Unicode trimmer',
  config:
    'default pipeline with lunr.trimmer replaced by a trimmer keeping \\p{L}\\p{M}\\p{N} and ZWJ/ZWNJ (also on queries); `term*` for prefix, `term~1` for fuzzy',
  modes: ['plain', 'prefix', 'fuzzy'],
  scaleEndsOnly:
    'its index is immutable, so every share is a fresh build (about 2 min and 2.8 GB at 100 %); 50 % is left out to keep the full run within 15 minutes',
  load: () => load('trimmer'),
}

export const lunrBangla: EngineSpec = {
  id: 'lunr-bangla',
  library: 'Lunr',
  variant: '+ bangla-search analysis',
  config:
    'this.use(lunrBengali) from bangla-search/lunr (tokenizer and pipelines replaced: each word as itself and as its canonical term); `normalize(term)*` for prefix, `term~1` for fuzzy',
  modes: ['plain', 'prefix', 'fuzzy'],
  liftOver: 'lunr',
  scaleEndsOnly: 'its index is immutable, so every share is a fresh build; 50 % is left out, as for Lunr Unicode trimmer',
  load: () => load('bangla-search'),
}
