/**
 * `SearchIndex`: the product. An in-memory inverted index over multi-field documents with a
 * ranked Bengali-aware search. This file only composes the parts: document intake, the
 * inverted index, query parsing, expansion, scoring, snippets and the saved format.
 *
 * @module
 */

import { foldedStems } from './analysis/analyze.js'
import { tokenize } from './analysis/tokenize.js'
import { checkDocument, checkId, DocumentTable, type CheckedDocument } from './documents.js'
import { checkBatch, duplicateInIndex, recheckChunk, resolveIntake } from './intake.js'
import { BanglaSearchError, describeValue } from './errors.js'
import { makeSnippet, resolveHighlight } from './highlight/snippet.js'
import { InvertedIndex } from './index/inverted-index.js'
import { resolveIndexOptions, resolveSearchOptions, wholeNumber, type ResolvedIndexOptions, type ResolvedSearchOptions } from './options.js'
import { parseQuery, type ParsedQuery } from './query/parse.js'
import { loadIndex, loadIndexAsync, saveIndex, type LoadedIndex, type SavedIndex } from './serialize/format.js'
import { ScoredQuery, selectTop } from './search/execute.js'
import { FuzzyMatcher } from './search/fuzzy.js'
import { planQuery, type PlannedClause } from './search/plan.js'
import { PrefixLookup } from './search/prefix.js'
import { MATCH_KIND_ORDER } from './search/weights.js'
import type {
  AddAllAsyncOptions,
  AddAllOptions,
  AddAllReport,
  DocumentId,
  MatchInfo,
  ScoreExplanation,
  SearchDocument,
  SearchHit,
  SearchIndexOptions,
  SearchOptions,
  StoredFields,
  SuggestOptions,
  Suggestion,
} from './types.js'

/** Query clauses beyond this many are ignored (a 10,000-word query is cut, not fatal). */
export const MAX_QUERY_CLAUSES = 64
/** Deleted documents are vacuumed once they are this share of all document numbers. */
export const AUTO_VACUUM_SHARE = 0.25
/** ...and at least this many. */
export const AUTO_VACUUM_MIN = 1000
const DEFAULT_ASYNC_CHUNK = 500

/**
 * A full-text index for Bengali (and mixed Bengali/English) documents.
 *
 * @example
 * ```ts
 * const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title'] })
 * index.add({ id: 1, title: 'ভ্লাদিভোস্টকে বৈঠক', text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে কিমের বৈঠক' })
 * index.search('ভ্লাদিভস্তক')[0]   // { id: 1, score: …, match: [{ term: 'ভ্লাদিভোস্টকে', kind: 'alias', … }], title: … }
 * index.search('putin')[0].id       // 1
 * ```
 */
export class SearchIndex {
  private readonly options: ResolvedIndexOptions
  // these four are set together by attach()
  private inverted!: InvertedIndex
  private documents!: DocumentTable
  private prefixes!: PrefixLookup
  private fuzzy!: FuzzyMatcher
  private readonly synonyms: ReadonlyMap<string, readonly string[]>

  /**
   * @param options - the fields to index and store, the id field, boosts, synonym groups, BM25 parameters
   * @throws {@link BanglaSearchError} `INVALID_OPTION` when an option is malformed
   */
  constructor(options: SearchIndexOptions) {
    this.options = resolveIndexOptions(options)
    this.synonyms = buildSynonyms(this.options.aliases)
    this.attach()
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.documents.size
  }

  /** Is a document with this id in the index? */
  has(id: DocumentId): boolean {
    return this.documents.has(id)
  }

  /** The stored fields of a document, or undefined when the id is unknown. */
  getStoredFields(id: DocumentId): StoredFields | undefined {
    const doc = this.documents.numberOf(id)
    return doc === undefined ? undefined : { ...this.documents.stored[doc] }
  }

  /**
   * Adds one document.
   *
   * @throws {@link BanglaSearchError} `INVALID_DOCUMENT`, `MISSING_ID`, `INVALID_ID`, `INVALID_FIELD_VALUE`,
   * or `DUPLICATE_ID` (use {@link SearchIndex.replace} to update a document)
   */
  add(document: SearchDocument): void {
    const checked = checkDocument(document, this.options)
    this.refuseDuplicate(checked.id)
    this.insert(checked)
  }

  /**
   * Adds many documents and reports what it did. All are checked first: by default a bad one
   * throws and leaves the index unchanged; with `onInvalid: 'skip'` the others are added and the
   * bad ones listed in the report (see {@link AddAllOptions}).
   *
   * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `documents` is not iterable; in the
   * default mode, the error of the first bad document (see {@link SearchIndex.add})
   */
  addAll(documents: Iterable<SearchDocument>, options?: AddAllOptions): AddAllReport {
    const batch = checkBatch(documents, this.options, (id) => this.documents.has(id), resolveIntake(options))
    for (const checked of batch.accepted) this.insert(checked)
    this.inverted.trim()
    return batch.report.result(batch.accepted.length)
  }

  /**
   * Adds many documents in chunks, yielding to the event loop between them, with progress and
   * cancellation. Documents are checked first and reported as in {@link SearchIndex.addAll}.
   *
   * @throws {@link BanglaSearchError} `ABORTED` when the signal fires (documents added before stay)
   */
  async addAllAsync(documents: Iterable<SearchDocument>, options: AddAllAsyncOptions = {}): Promise<AddAllReport> {
    const settings = resolveIntake(options)
    const { accepted: checked, positions, report } = checkBatch(documents, this.options, (id) => this.documents.has(id), settings)
    const chunkSize = wholeNumber(options.chunkSize, 'chunkSize', DEFAULT_ASYNC_CHUNK, 1)
    let added = 0
    for (let done = 0; done < checked.length; ) {
      throwIfAborted(options.signal, 'addAllAsync() was cancelled; the documents added before stay in the index.')
      // other code may have added documents while this one yielded: check the ids again
      const chunk = recheckChunk(checked.slice(done, done + chunkSize), positions.slice(done, done + chunkSize), (id) => this.documents.has(id), settings, report)
      for (const one of chunk) this.insert(one)
      added += chunk.length
      done = Math.min(done + chunkSize, checked.length)
      options.onProgress?.({ done, total: checked.length })
      await yieldToEventLoop()
    }
    this.inverted.trim()
    return report.result(added)
  }

  /**
   * Removes a document.
   *
   * @throws {@link BanglaSearchError} `UNKNOWN_ID` when no document has this id
   */
  remove(id: DocumentId): void {
    if (id === undefined || id === null) throw new BanglaSearchError('INVALID_ARGUMENT', `remove() takes the id of a document in the index, got ${describeValue(id)}.`)
    const checkedId = checkId(id)
    const doc = this.documents.delete(checkedId)
    if (doc === undefined) throw unknownId(checkedId, 'check has(id) before remove()')
    this.inverted.removeDocument(doc)
    if (this.documents.size === 0) this.attach()
    else this.vacuumIfWorthIt()
  }

  /**
   * Replaces the document with the same id (adds it when absent is NOT allowed: the id must exist).
   *
   * @throws {@link BanglaSearchError} `UNKNOWN_ID` when no document has this id, or the errors of {@link SearchIndex.add}
   */
  replace(document: SearchDocument): void {
    const checked = checkDocument(document, this.options)
    const doc = this.documents.numberOf(checked.id)
    if (doc === undefined) throw unknownId(checked.id, 'use add() for a new document')
    const order = this.documents.order[doc]
    this.documents.delete(checked.id)
    this.inverted.removeDocument(doc)
    this.insert(checked, order)
    this.vacuumIfWorthIt()
  }

  /** Frees the memory of removed documents. Runs by itself when many have been removed. */
  vacuum(): void {
    this.inverted.vacuum()
  }

  /**
   * Ranked search. See `docs/query-syntax.md`: plain words are ranked (documents with more of
   * them first), `"a phrase"` matches words in order, `-word` excludes, `word*` is a prefix.
   *
   * @throws {@link BanglaSearchError} `INVALID_QUERY` when `query` is not a string, `INVALID_OPTION` for bad options
   */
  search(query: string, options?: SearchOptions): SearchHit[] {
    checkQuery(query, 'search()')
    const resolved = resolveSearchOptions(options, this.options.fields)
    if (this.documents.size === 0) return []
    const parsed = parseQuery(query)
    const hits = this.runQuery(parsed, resolved, options)
    if (hits.length > 0 || !parsed.clauses.some((clause) => clause.type === 'phrase' && !clause.exclude)) return hits
    // No document holds the quoted phrase: rank its words instead (quotes are often part of a title)
    const clauses = parsed.clauses.map((clause) => (clause.type === 'phrase' && !clause.exclude ? { ...clause, type: 'word' as const, prefix: false } : clause))
    return this.runQuery({ ...parsed, clauses }, resolved, options)
  }

  private runQuery(parsed: ParsedQuery, resolved: ResolvedSearchOptions, options: SearchOptions | undefined): SearchHit[] {
    const context = { index: this.inverted, prefixes: this.prefixes, fuzzy: this.fuzzy, synonyms: this.synonyms }
    const plan = planQuery(parsed, context, resolved, MAX_QUERY_CLAUSES)
    if (!plan.some((clause) => !clause.exclude)) return []
    const { fields, boost, bm25 } = this.options
    const setup = {
      index: this.inverted,
      fields: resolved.fields.map((field) => fields.indexOf(field)),
      boosts: resolved.fields.map((field) => ownNumber(boost, field) * ownNumber(options?.boost, field)),
      bm25,
      requireAll: resolved.combineWith === 'and',
    }
    const { ids, stored, order } = this.documents
    const { terms } = this.inverted.vocabulary
    const filter = options?.filter
    const keep = filter === undefined ? () => true : (doc: number) => filter({ ...stored[doc] }, ids[doc] as DocumentId)
    const scored = new ScoredQuery(plan, setup)
    let explained: ScoredQuery | undefined
    try {
      const top = selectTop(scored, resolved.offset + resolved.limit, keep, (doc) => order[doc] as number).slice(resolved.offset)
      if (resolved.explain) explained = new ScoredQuery(plan, setup, new Set(top.map((hit) => hit.doc)))
      const highlight = options?.highlight ? resolveHighlight(options.highlight) : undefined
      const matchedTerms = highlight === undefined ? undefined : termsOfPlan(plan, terms)
      return top.map(({ doc, score }) => {
        const match = describeMatches(scored, plan, doc, terms, fields)
        // spread, not Object.assign: a stored field named __proto__ must stay data
        const hit: Record<string, unknown> = { ...stored[doc], id: ids[doc], score, match }
        if (highlight !== undefined && matchedTerms !== undefined) Object.assign(hit, snippetOf(stored[doc], match, fields, matchedTerms, highlight))
        if (explained !== undefined) hit['explanation'] = explain(explained, plan, doc, fields)
        Object.defineProperty(hit, INSPECT, INSPECT_HIT)
        return hit as SearchHit
      })
    } finally {
      explained?.release()
      scored.release()
    }
  }

  /**
   * Completions for a partly typed query: the last word is completed from the index's words,
   * most frequent first; earlier words are kept.
   *
   * @example
   * ```ts
   * index.suggest('ভ্লাদি')   // [{ suggestion: 'ভ্লাদিমির', … }, { suggestion: 'ভ্লাদিভোস্টক', … }]
   * ```
   */
  suggest(query: string, options: SuggestOptions = {}): Suggestion[] {
    checkQuery(query, 'suggest()')
    const limit = wholeNumber(options.limit, 'limit', 5, 1)
    const fields = resolveSearchOptions({ fields: options.fields }, this.options.fields).fields.map((field) => this.options.fields.indexOf(field))
    const tokens = tokenize(query)
    const last = tokens[tokens.length - 1]
    if (last === undefined || /\s$/u.test(query)) return []
    const head = query.slice(0, last.start)
    return this.prefixes
      .complete(last.term, limit * 4)
      .map((termId) => {
        const term = this.inverted.vocabulary.terms[termId] as string
        const documentFrequency = fields.reduce((sum, field) => sum + this.inverted.documentFrequencyBound(field, termId), 0)
        return { suggestion: head + term, term, documentFrequency, score: Math.log1p(documentFrequency) }
      })
      .filter((suggestion) => suggestion.documentFrequency > 0)
      .sort((a, b) => b.documentFrequency - a.documentFrequency)
      .slice(0, limit)
  }

  /** The index as a versioned, JSON-serialisable object (see `docs/saved-format.md`). */
  toJSON(): SavedIndex {
    return saveIndex(this.options, this.inverted, this.documents)
  }

  /**
   * Loads an index saved with {@link SearchIndex.toJSON} (the object, or its JSON text).
   *
   * @throws {@link BanglaSearchError} `MALFORMED_INDEX` or `UNSUPPORTED_INDEX_VERSION`
   */
  static fromJSON(saved: SavedIndex | string): SearchIndex {
    return SearchIndex.fromLoaded(loadIndex(saved))
  }

  /**
   * Loads a saved index like {@link SearchIndex.fromJSON}, but yields to the event loop first and
   * between the stages of loading, and can be cancelled, so a page or a server stays responsive
   * while a large index loads.
   *
   * @throws {@link BanglaSearchError} `ABORTED` when the signal fires, or the errors of {@link SearchIndex.fromJSON}
   */
  static async fromJSONAsync(saved: SavedIndex | string, options: { readonly signal?: AbortSignal } = {}): Promise<SearchIndex> {
    const checkpoint = async (): Promise<void> => {
      await yieldToEventLoop()
      throwIfAborted(options.signal, 'fromJSONAsync() was cancelled.')
    }
    return SearchIndex.fromLoaded(await loadIndexAsync(saved, checkpoint))
  }

  private static fromLoaded(loaded: LoadedIndex): SearchIndex {
    const index = new SearchIndex(loaded.options)
    loaded.inverted.trim()
    index.attach(loaded.inverted, loaded.documents)
    return index
  }

  private refuseDuplicate(id: DocumentId): void {
    if (this.documents.has(id)) throw duplicateInIndex(id)
  }

  private insert(checked: CheckedDocument, order?: number): void {
    const doc = this.inverted.addDocument(checked.texts)
    this.documents.set(doc, checked.id, checked.stored, order)
  }

  /** Puts an inverted index and its documents in place (empty ones by default), with fresh lookups over them. */
  private attach(inverted = new InvertedIndex(this.options.fields.length), documents = new DocumentTable()): void {
    this.inverted = inverted
    this.documents = documents
    this.prefixes = new PrefixLookup(inverted)
    this.fuzzy = new FuzzyMatcher(inverted.vocabulary)
  }

  private vacuumIfWorthIt(): void {
    const deleted = this.inverted.deletedSinceVacuum
    if (deleted >= AUTO_VACUUM_MIN && deleted >= this.inverted.documentCount * AUTO_VACUUM_SHARE) this.vacuum()
  }
}

/** How each clause matched one document, best kind first. */
function describeMatches(scored: ScoredQuery, plan: readonly PlannedClause[], doc: number, terms: readonly string[], fields: readonly string[]): MatchInfo[] {
  return scored
    .matchesOf(doc)
    .map((found) => ({
      query: (plan[found.clause] as PlannedClause).label,
      term: terms[found.termId] as string,
      field: fields[found.field] as string,
      kind: found.kind,
    }))
    .sort((a, b) => MATCH_KIND_ORDER.indexOf(a.kind) - MATCH_KIND_ORDER.indexOf(b.kind))
}

/** The indexed terms a plan looks for (not those it excludes), to mark in snippets. */
function termsOfPlan(plan: readonly PlannedClause[], terms: readonly string[]): Set<string> {
  const found = new Set<string>()
  for (const clause of plan) {
    if (clause.exclude) continue
    for (const word of clause.words) for (const term of word) found.add(terms[term.termId] as string)
  }
  return found
}

/** A snippet from the first stored field (those that matched first) that holds a match. */
function snippetOf(
  stored: StoredFields | undefined,
  match: readonly MatchInfo[],
  fields: readonly string[],
  terms: ReadonlySet<string>,
  highlight: ReturnType<typeof resolveHighlight>,
): { snippet?: string; snippetField?: string } {
  if (stored === undefined) return {}
  for (const field of new Set([...match.map((m) => m.field), ...fields])) {
    const text = stored[field]
    const snippet = typeof text === 'string' ? makeSnippet(text, terms, highlight) : undefined
    if (snippet !== undefined) return { snippet, snippetField: field }
  }
  return {}
}

/** The scoring parts of one document, with the clause and field named (the numbers keep their names). */
function explain(explained: ScoredQuery, plan: readonly PlannedClause[], doc: number, fields: readonly string[]): ScoreExplanation[] {
  return explained.parts
    .filter((part) => part.doc === doc)
    .map(({ doc: _doc, clause, field, ...numbers }) => ({
      clause: (plan[clause] as PlannedClause).label,
      field: fields[field] as string,
      ...numbers,
      clauseWeight: (plan[clause] as PlannedClause).weight,
    }))
}

/** Synonym groups keyed by every member's stems (Bengali) or lower-cased form (other scripts). */
function buildSynonyms(groups: ReadonlyArray<readonly string[]>): Map<string, string[]> {
  const synonyms = new Map<string, string[]>()
  for (const group of groups) {
    const keys = group.map((word) => synonymKeys(word))
    keys.forEach((own, i) => {
      const others = keys.filter((_, j) => j !== i).flat()
      for (const key of own) synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...others])])
    })
  }
  return synonyms
}

function synonymKeys(word: string): string[] {
  return tokenize(word).flatMap((token) => (token.script === 'bengali' ? foldedStems(token.term) : [token.term]))
}

/** A field's factor in a boost table, 1 when absent (own properties only: a field may be named `constructor`). */
function ownNumber(table: Readonly<Record<string, number>> | undefined, field: string): number {
  return table !== undefined && Object.hasOwn(table, field) ? (table[field] as number) : 1
}

/** Node's `util.inspect` hook, reached through the global symbol registry (no Node import). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** Gives a hit a short, readable form in the Node REPL: id, score, match kinds and snippet (not enumerable). */
const INSPECT_HIT: PropertyDescriptor = {
  enumerable: false,
  value(this: SearchHit): string {
    const kinds = this.match.map((m) => `${m.term}:${m.kind}`).join(', ')
    const snippet = this.snippet === undefined ? '' : `\n  ${this.snippet}`
    return `Hit ${JSON.stringify(this.id)} score ${this.score.toFixed(3)} [${kinds}]${snippet}`
  },
}

function throwIfAborted(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new BanglaSearchError('ABORTED', message)
}

function checkQuery(query: unknown, method: string): void {
  if (typeof query !== 'string') throw new BanglaSearchError('INVALID_QUERY', `${method} takes a query string, got ${describeValue(query)}.`)
}

function unknownId(id: DocumentId, advice: string): BanglaSearchError {
  return new BanglaSearchError('UNKNOWN_ID', `No document with id ${JSON.stringify(id)} is in the index; ${advice}.`)
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
