/**
 * `SearchIndex`: the product. An in-memory inverted index over multi-field documents with a
 * ranked Bengali-aware search. This file only composes the parts: document intake, the
 * inverted index, query parsing, expansion, scoring, snippets and the saved format.
 *
 * @module
 */

import { tokenize } from './analysis/tokenize.js'
import { checkDocument, checkId, DocumentTable, type CheckedDocument } from './documents.js'
import { checkBatch, duplicateInIndex, recheckChunk, resolveIntake } from './intake.js'
import { BanglaSearchError, describeValue } from './errors.js'
import { InvertedIndex } from './index/inverted-index.js'
import { CursorPool } from './index/list-cursor.js'
import { resolveIndexOptions, resolveSearchOptions, wholeNumber, type ResolvedIndexOptions, type ResolvedSearchOptions } from './options.js'
import { parseQuery, type ParsedQuery } from './query/parse.js'
import { loadBinarySteps } from './serialize/binary-load.js'
import { saveBinary } from './serialize/binary-save.js'
import { loadIndex, loadIndexAsync, saveIndex, type LoadedIndex, type SavedIndex } from './serialize/format.js'
import { FuzzyMatcher } from './search/fuzzy.js'
import { PrefixLookup } from './search/prefix.js'
import { runQuery } from './search/run-query.js'
import { StoredFieldStore } from './store/stored-fields.js'
import { buildSynonyms } from './search/synonyms.js'
import { WordCache } from './search/word-cache.js'
import type {
  AddAllAsyncOptions,
  AddAllOptions,
  AddAllReport,
  DocumentId,
  SearchDocument,
  SearchHit,
  SearchIndexOptions,
  SearchOptions,
  StoredFields,
  SuggestOptions,
  Suggestion,
} from './types.js'

export { MAX_QUERY_CLAUSES } from './search/run-query.js'
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
  /** Expansions and list plans of recent query words. */
  private words!: WordCache
  /** Cursors reused from query to query. */
  private readonly cursors = new CursorPool()
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
    return doc === undefined ? undefined : this.documents.stored(doc)
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
    this.documents.store.compact()
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
    const context = { index: this.inverted, documents: this.documents, options: this.options, prefixes: this.prefixes, fuzzy: this.fuzzy, synonyms: this.synonyms, cache: this.words, cursors: this.cursors }
    return runQuery(parsed, resolved, options, context)
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
        const term = this.inverted.vocabulary.terms.get(termId)
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

  /**
   * The index as one byte array (saved format version 2: compact, checksummed, loaded in
   * milliseconds; see `docs/saved-format.md`). Canonical: the same documents give the same bytes.
   *
   * @example
   * ```ts
   * const bytes = index.toBytes()
   * const again = SearchIndex.fromBytes(bytes)
   * again.search('পুতিন')   // the same hits as index.search('পুতিন')
   * ```
   */
  toBytes(): Uint8Array {
    return saveBinary(this.options, this.inverted, this.documents)
  }

  /**
   * Loads an index saved with {@link SearchIndex.toBytes}. Every part is checked (checksums, then
   * structure); the postings stay views of `bytes`, so do not change them afterwards.
   *
   * @throws {@link BanglaSearchError} `MALFORMED_INDEX` for damaged bytes, `UNSUPPORTED_INDEX_VERSION` for another version
   */
  static fromBytes(bytes: Uint8Array | ArrayBuffer): SearchIndex {
    const steps = loadBinarySteps(bytes)
    for (;;) {
      const step = steps.next()
      if (step.done) return SearchIndex.fromLoaded(step.value)
    }
  }

  /**
   * {@link SearchIndex.fromBytes} that yields to the event loop between its stages and can be
   * cancelled, so a page or a server stays responsive while a large index loads.
   *
   * @throws {@link BanglaSearchError} `ABORTED` when the signal fires, or the errors of {@link SearchIndex.fromBytes}
   */
  static async fromBytesAsync(bytes: Uint8Array | ArrayBuffer, options: { readonly signal?: AbortSignal } = {}): Promise<SearchIndex> {
    const steps = loadBinarySteps(bytes)
    for (;;) {
      await yieldToEventLoop()
      throwIfAborted(options.signal, 'fromBytesAsync() was cancelled.')
      const step = steps.next()
      if (step.done) return SearchIndex.fromLoaded(step.value)
    }
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
  private attach(inverted = new InvertedIndex(this.options.fields.length), documents = new DocumentTable(new StoredFieldStore(this.options.storeCompression))): void {
    this.inverted = inverted
    this.documents = documents
    this.prefixes = new PrefixLookup(inverted)
    this.fuzzy = new FuzzyMatcher(inverted.vocabulary)
    this.words = new WordCache()
  }

  private vacuumIfWorthIt(): void {
    const deleted = this.inverted.deletedSinceVacuum
    if (deleted >= AUTO_VACUUM_MIN && deleted >= this.inverted.documentCount * AUTO_VACUUM_SHARE) this.vacuum()
  }
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
