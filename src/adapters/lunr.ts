/**
 * `bangla-search/lunr`: a Lunr 2 plugin for Bengali.
 *
 * Lunr's trimmer strips ASCII `\W` from both ends of every token, which empties every Bengali
 * word: the index holds nothing. The plugin replaces the tokenizer (words cut on grapheme
 * clusters, with their offsets), and the whole indexing and search pipelines (trimmer, English
 * stopwords, English stemmer) by one function: each word becomes itself and its canonical term
 * (stemmed, digits folded, orthographically folded), so that every form of a word matches and
 * the form typed ranks first.
 *
 * Lunr itself is never imported: the plugin works on the builder Lunr hands it.
 *
 * @example
 * ```js
 * import lunr from 'lunr'
 * import { lunrBengali } from 'bangla-search/lunr'
 *
 * const index = lunr(function () {
 *   this.use(lunrBengali)
 *   this.ref('id')
 *   this.field('text')
 *   this.add({ id: '1', text: 'পুতিনের সঙ্গে বৈঠক' })
 * })
 * index.search('পুতিন').map((hit) => hit.ref)   // ['1']
 * ```
 *
 * @module
 */

import { forEachWordTerms } from '../analysis/search-terms.js'

export { canonicalTerm, canonicalTerms, type StopwordHandling } from '../analysis/search-terms.js'
export { BanglaSearchError, type ErrorCode } from '../errors.js'
export { normalize } from '../analysis/normalize.js'

/** The part of a Lunr token the plugin uses (Lunr's `lunr.Token`). */
export interface LunrToken {
  /** The token's text. */
  toString(): string
  /** Replaces the token's text by what `fn` returns. */
  update(fn: (text: string, metadata: object) => string): LunrToken
  /** A copy of the token (same metadata) with its text replaced by what `fn` returns. */
  clone(fn?: (text: string, metadata: object) => string): LunrToken
}

/** A Lunr pipeline function: one token in, its replacements out (none, one or several). */
export type LunrPipelineFunction = (token: LunrToken, index: number, tokens: LunrToken[]) => LunrToken | LunrToken[] | null

/** The part of a Lunr pipeline the plugin uses (Lunr's `lunr.Pipeline`). */
export interface LunrPipeline {
  /** Removes every function. */
  reset(): void
  /** Appends functions. */
  add(...functions: LunrPipelineFunction[]): void
}

/** The part of Lunr's builder the plugin uses (Lunr's `lunr.Builder`). */
export interface LunrBuilder {
  /** Cuts a field's value into tokens. */
  tokenizer: (input?: string, metadata?: object) => LunrToken[]
  /** Applied to every token of every document. */
  pipeline: LunrPipeline
  /** Applied to every term of every query; saved with the index. */
  searchPipeline: LunrPipeline
}

/** The part of the `lunr` module {@link registerLunrBengali} uses. */
export interface LunrModule {
  /** Lunr's pipeline class, where functions are registered by name for saved indexes. */
  readonly Pipeline: {
    /** Registers a function under a name. */
    registerFunction(fn: LunrPipelineFunction, label: string): void
  }
}

/** The name the pipeline function is registered (and saved) under. */
const LABEL = 'banglaSearch'

/** Distinct words whose terms are kept before the cache starts afresh (a bound on memory). */
const CACHE_LIMIT = 65_536

const termsCache = new Map<string, string[]>()

/** The terms of a token's text: each word of it as itself and as its canonical term. */
function termsOf(text: string): string[] {
  let terms = termsCache.get(text)
  if (terms === undefined) {
    const found = new Set<string>()
    forEachWordTerms(text, (word) => {
      for (const term of word.exactAndCanonical) found.add(term)
    })
    terms = [...found]
    if (termsCache.size >= CACHE_LIMIT) termsCache.clear()
    termsCache.set(text, terms)
  }
  return terms
}

/** The one pipeline function, for documents and queries alike (query terms arrive unsplit). */
const bengaliTerms: LunrPipelineFunction = (token) => {
  const text = token.toString()
  return termsOf(text).map((term) => token.clone(() => term))
}

/**
 * The Lunr plugin: `this.use(lunrBengali)` first thing in the `lunr(function () { … })` builder.
 * Inflected forms (`পুতিনের` / `পুতিন`), digit scripts (`২০১৯` / `2019`), Unicode encodings (`য়`
 * as one or two code points) and spelling-reform pairs (`সরকারী` / `সরকারি`) then meet, in
 * `index.search()` and `index.query()` alike. Token positions point into the original text.
 *
 * Lunr skips the pipeline for wildcard terms, so `index.search('পেস*')` matches the prefix as
 * typed: pass it through `normalize()` (exported here too) when it may come in another Unicode
 * form, `index.search(normalize(prefix) + '*')`. To load a saved index in a fresh process, call
 * {@link registerLunrBengali} first.
 *
 * @example
 * ```js
 * lunr(function () { this.use(lunrBengali); this.ref('id'); this.field('title'); this.field('text') })
 * ```
 */
export function lunrBengali(this: LunrBuilder): void {
  const builder = this
  const split = builder.tokenizer
  builder.tokenizer = (input, metadata) => wordTokens(split, input, metadata)
  registerWith((builder.pipeline as unknown as { constructor: LunrModule['Pipeline'] }).constructor)
  builder.pipeline.reset()
  builder.pipeline.add(bengaliTerms)
  builder.searchPipeline.reset()
  builder.searchPipeline.add(bengaliTerms)
}

/**
 * Registers the plugin's pipeline function with Lunr under its saved name, which
 * `lunr.Index.load()` needs to load an index built with {@link lunrBengali}. Building an index
 * registers it too; call this in a process that only loads.
 *
 * @example
 * ```js
 * registerLunrBengali(lunr)
 * const index = lunr.Index.load(JSON.parse(saved))
 * ```
 */
export function registerLunrBengali(lunr: LunrModule): void {
  registerWith(lunr.Pipeline)
}

const registered = new WeakSet<object>()

function registerWith(pipelineClass: LunrModule['Pipeline']): void {
  if (registered.has(pipelineClass)) return
  pipelineClass.registerFunction(bengaliTerms, LABEL)
  registered.add(pipelineClass)
}

/**
 * A field's value cut into words, each made into a Lunr token by Lunr's own tokenizer (one word
 * has no space or hyphen, so it makes one token), with the word's offsets in the original text.
 */
function wordTokens(split: LunrBuilder['tokenizer'], input: unknown, metadata: object | undefined): LunrToken[] {
  if (input === null || input === undefined) return []
  if (Array.isArray(input)) return input.flatMap((item: unknown) => wordTokens(split, item, metadata))
  const text = typeof input === 'string' ? input : String(input) // as Lunr's own tokenizer does
  const tokens: LunrToken[] = []
  forEachWordTerms(text, (word, start, end) => {
    for (const made of split(word.term, metadata)) {
      const tokenMetadata = (made as unknown as { metadata?: Record<string, unknown> }).metadata
      if (tokenMetadata !== undefined) {
        tokenMetadata.position = [start, end - start]
        tokenMetadata.index = tokens.length
      }
      tokens.push(made)
    }
  })
  return tokens
}
