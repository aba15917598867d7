/**
 * The vocabulary index: one entry per stem, `{ stem, k0, k1, df }`, where `k0`/`k1` are the stem's
 * alias keys and `df` the number of documents that hold it. Alias and romanised expansion need
 * it: a query word's variants are the stems that share its K0 key within a K1 distance, ranked by
 * distance and frequency, exactly as the in-memory index ranks them. The counts are added by
 * scripted upserts, so indexing in several runs adds up.
 *
 * @module
 */

import { bengaliKeys } from '../analysis/alias-keys.js'
import { wordScript } from '../analysis/tokenize.js'
import { BanglaSearchError, describeValue, isPlainObject } from '../errors.js'
import { MAX_EXPANDED_WORD_LENGTH } from '../search/expand.js'
import type { OpenSearchDocument } from './document.js'
import { resolveOpenSearchOptions, type OpenSearchOptions } from './options.js'

/** One stem of the vocabulary. */
export interface VocabularyEntry {
  /** The folded stem (a non-Bengali word is its own stem). */
  readonly stem: string
  /** The stem's blocking alias key (K0); '' for non-Bengali stems. */
  readonly k0: string
  /** The stem's verification alias key (K1); '' for non-Bengali stems. */
  readonly k1: string
  /**
   * K1 with up to two ({@link MAX_VOWEL_DELETIONS}) vowel classes (I, U, E) deleted, K1 itself included:
   * two keys within n vowel edits share a form with at most n deletions from each, so the lookup
   * is a `terms` query instead of a costly `fuzzy` one.
   */
  readonly k1v?: readonly string[]
  /** Documents holding the stem (added up over indexing runs). */
  readonly df: number
}

/** One line of a bulk request body (an action or its source). */
export type BulkLine = Readonly<Record<string, unknown>>

/** The painless script that adds a batch's count to an entry (the only script this entry sends). */
export const VOCABULARY_SCRIPT = 'ctx._source.df += params.n'

/**
 * The bulk request lines that add the documents' stems to the vocabulary: one scripted upsert per
 * distinct stem, with the number of these documents that hold it. Send them with `client.bulk`
 * after the documents (the bulk helper of this entry does).
 *
 * @example
 * ```ts
 * const docs = articles.map((a) => toOpenSearchDocument(a, options))
 * await client.bulk({ body: vocabularyUpdates(docs, options) })
 * ```
 */
export function vocabularyUpdates(documents: Iterable<OpenSearchDocument>, options: OpenSearchOptions): BulkLine[] {
  const { vocabularyIndex } = resolveOpenSearchOptions(options)
  const counts = new Map<string, number>()
  for (const document of documents) {
    for (const stem of document.stems) counts.set(stem, (counts.get(stem) ?? 0) + 1)
  }
  return updatesOfCounts(counts, vocabularyIndex)
}

/** The scripted upserts of counted stems. @internal */
export function updatesOfCounts(counts: ReadonlyMap<string, number>, vocabularyIndex: string): BulkLine[] {
  const lines: BulkLine[] = []
  for (const [stem, n] of counts) {
    lines.push(
      { update: { _index: vocabularyIndex, _id: stem, retry_on_conflict: 5 } },
      { script: { source: VOCABULARY_SCRIPT, lang: 'painless', params: { n } }, upsert: upsertOf(vocabularyEntry(stem, n)) },
    )
  }
  return lines
}

/** The stored form of an entry: no empty keys (a non-Bengali stem has none). */
function upsertOf(entry: VocabularyEntry): Record<string, unknown> {
  return entry.k0 === '' ? { stem: entry.stem, df: entry.df } : { ...entry }
}

/** Most vowel classes deleted from K1 in {@link VocabularyEntry.k1v} (the widest alias threshold, 1, is two vowel edits). */
export const MAX_VOWEL_DELETIONS = 2
const VOWEL_SYMBOLS = /[IUE]/

/** The vocabulary entry of a stem with its document frequency. */
export function vocabularyEntry(stem: string, df: number): VocabularyEntry {
  if (wordScript(stem) !== 'bengali') return { stem, k0: '', k1: '', df }
  const { k0, k1 } = bengaliKeys(stem)
  return { stem, k0, k1, k1v: vowelDeletions(k1, MAX_VOWEL_DELETIONS), df }
}

/**
 * A key with up to `max` of its vowel classes deleted, the key itself first.
 *
 * @example
 * ```ts
 * vowelDeletions('PUTIN', 1)   // ['PUTIN', 'PTIN', 'PUTN']
 * ```
 */
export function vowelDeletions(key: string, max: number): string[] {
  let level = [key]
  const all = new Set(level)
  for (let round = 0; round < max; round++) {
    const next: string[] = []
    for (const form of level) {
      for (let i = 0; i < form.length; i++) {
        if (!VOWEL_SYMBOLS.test(form.charAt(i))) continue
        const shorter = form.slice(0, i) + form.slice(i + 1)
        if (!all.has(shorter)) {
          all.add(shorter)
          next.push(shorter)
        }
      }
    }
    level = next
  }
  return [...all]
}

/** Stems the vocabulary keeps: longer words are matched exactly only, as in memory (and ids stay short). */
export function isVocabularyStem(stem: string): boolean {
  return stem.length > 0 && stem.length <= MAX_EXPANDED_WORD_LENGTH
}

/**
 * Reads the vocabulary entries out of a multi-search response (`{ responses: [...] }`, or the
 * OpenSearch client's `{ body: { responses } }`).
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when the response is not a multi-search
 *   response, or one of its searches failed (the cluster's reason is in the message)
 */
export function readVocabulary(response: unknown): VocabularyEntry[] {
  const body = unwrapResponse(response)
  const responses = isPlainObject(body) ? body['responses'] : undefined
  if (!Array.isArray(responses)) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `readVocabulary() takes a multi-search response with "responses", got ${describeValue(body)}.`)
  }
  const entries = new Map<string, VocabularyEntry>()
  for (const one of responses) {
    for (const hit of hitsOf(one, 'A vocabulary lookup')) {
      // doc values come as lists under `fields`; a `_source` has plain values
      const fields = isPlainObject(hit['fields']) ? hit['fields'] : isPlainObject(hit['_source']) ? hit['_source'] : {}
      const value = (name: string): unknown => (Array.isArray(fields[name]) ? fields[name][0] : fields[name])
      const [stem, k0, k1, df] = [value('stem'), value('k0'), value('k1'), value('df')]
      if (typeof stem !== 'string' || typeof df !== 'number' || entries.has(stem)) continue
      entries.set(stem, { stem, k0: typeof k0 === 'string' ? k0 : '', k1: typeof k1 === 'string' ? k1 : '', df })
    }
  }
  return [...entries.values()]
}

/** The body of a client response: the OpenSearch client wraps it in `{ body, statusCode, … }`. @internal */
export function unwrapResponse(response: unknown): unknown {
  if (isPlainObject(response) && isPlainObject(response['body']) && 'statusCode' in response) return response['body']
  return response
}

/**
 * The hits of one search response.
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` for an error response or a malformed one
 * @internal
 */
export function hitsOf(response: unknown, what: string): Record<string, unknown>[] {
  if (isPlainObject(response) && response['error'] !== undefined) {
    throw new BanglaSearchError('INVALID_ARGUMENT', `${what} failed on the cluster: ${reasonOf(response['error'])}`)
  }
  const hits = isPlainObject(response) && isPlainObject(response['hits']) ? response['hits']['hits'] : undefined
  if (!Array.isArray(hits)) throw new BanglaSearchError('INVALID_ARGUMENT', `${what}: expected a search response with hits.hits, got ${describeValue(response)}.`)
  return hits.filter(isPlainObject)
}

function reasonOf(error: unknown): string {
  if (isPlainObject(error)) {
    const reason = error['reason'] ?? (isPlainObject(error['root_cause']) ? error['root_cause']['reason'] : undefined)
    const type = error['type']
    return `${typeof type === 'string' ? type : 'error'}: ${typeof reason === 'string' ? reason : JSON.stringify(error).slice(0, 200)}`
  }
  return String(error)
}
