/**
 * Bulk indexing through the official client's bulk helper (`client.helpers.bulk`): documents are
 * checked and pre-analysed here, sent in chunks with progress after each, every refused item is
 * reported (a document this library refused, or one the cluster dropped), and the stems of the
 * documents the cluster took are added to the vocabulary with scripted upserts.
 *
 * @module
 */

import { BanglaSearchError, describeValue, isPlainObject } from '../errors.js'
import { wholeNumber } from '../options.js'
import type { SearchDocument } from '../types.js'
import { toOpenSearchDocument, type OpenSearchDocument } from './document.js'
import { resolveOpenSearchOptions, type OpenSearchOptions } from './options.js'
import { unwrapResponse, updatesOfCounts, type BulkLine } from './vocabulary.js'

/** An item the cluster dropped, as the bulk helper reports it to `onDrop`. */
export interface DroppedItem {
  /** The HTTP status of the item. */
  readonly status: number
  /** The cluster's error: type and reason. */
  readonly error: unknown
  /** The document (what `onDocument` was given). */
  readonly document: OpenSearchDocument
}

/** The target of an index action (type aliases, not interfaces: the clients' types have index signatures). */
export type IndexActionTarget = {
  /** The index. */
  _index: string
  /** The document id. */
  _id: string
}

/** A bulk index action. */
export type IndexAction = {
  /** Where the document goes. */
  index: IndexActionTarget
}

/** The options of the official clients' bulk helper that this entry sets. */
export interface BulkHelperParams {
  /** The documents of one chunk. */
  datasource: OpenSearchDocument[]
  /** The action and body of each document. */
  onDocument: (document: OpenSearchDocument) => [IndexAction, Record<string, unknown>]
  /** Called for every item the cluster refused after the retries. */
  onDrop: (dropped: DroppedItem) => void
  /** Refresh the index when the chunk is done. */
  refreshOnCompletion: boolean
}

/** The client's helpers that bulk indexing uses. */
export interface BulkHelpers {
  /** Sends documents in flushes of bulk requests, with retries. */
  bulk(options: BulkHelperParams): PromiseLike<unknown>
}

/** The index administration that bulk indexing uses. */
export interface IndicesApi {
  /** Makes what was indexed searchable. */
  refresh(params: { index: string }): Promise<unknown>
}

/** What bulk indexing needs of a client: its bulk helper, `bulk` for the vocabulary, `indices.refresh`. */
export interface BulkClient {
  /** The client's helpers. */
  helpers: BulkHelpers
  /** A plain bulk request (the vocabulary's scripted upserts). */
  bulk(params: { body: BulkLine[] }): Promise<unknown>
  /** Index administration. */
  indices: IndicesApi
}

/** One document or vocabulary entry that was not indexed. */
export interface BulkItemError {
  /** The document id (or, for the vocabulary, the stem); undefined when the document had no usable id. */
  readonly id: string | undefined
  /** Which index refused it: the documents' or the vocabulary's. */
  readonly index: string
  /** The HTTP status the cluster gave, or 400 for a document this library refused before sending. */
  readonly status: number
  /** The error type: the cluster's (`mapper_parsing_exception`…) or this library's error code. */
  readonly type: string
  /** Why. */
  readonly reason: string
}

/** Progress after each chunk. */
export interface BulkProgress {
  /** Documents handled so far (indexed or refused). */
  readonly done: number
  /** Documents the cluster took so far. */
  readonly indexed: number
  /** Documents refused so far. */
  readonly failed: number
}

/** Options of {@link bulkIndex}. */
export interface BulkIndexOptions {
  /** Documents per call of the bulk helper (progress is reported after each). Default 1,000. */
  readonly chunkSize?: number
  /** Called after every chunk. */
  readonly onProgress?: (progress: BulkProgress) => void
  /** Called for every refused document or vocabulary entry, as it happens. */
  readonly onError?: (error: BulkItemError) => void
  /** Refresh both indexes at the end, so the documents are searchable at once. Default false. */
  readonly refresh?: boolean
  /** Vocabulary entries per bulk request. Default 2,000. */
  readonly vocabularyBatch?: number
}

/** The outcome of {@link bulkIndex}. */
export interface BulkReport {
  /** Documents the cluster took. */
  readonly indexed: number
  /** Documents refused (by this library's checks or by the cluster). */
  readonly failed: number
  /** Every refused document and vocabulary entry. */
  readonly errors: readonly BulkItemError[]
  /** Distinct stems sent to the vocabulary. */
  readonly vocabularyEntries: number
}

/**
 * Indexes documents with the client's bulk helper, then adds their stems to the vocabulary.
 * A document this library refuses (no id, a field that is not a string, legacy-encoded text) is
 * reported and skipped; the others are still indexed.
 *
 * @throws {@link BanglaSearchError} `INVALID_ARGUMENT` when `documents` is not iterable, `INVALID_OPTION` for bad options;
 *   the client's own errors (no connection…) pass through
 * @example
 * ```ts
 * const report = await bulkIndex(client, articles, { index: 'articles', fields: ['title', 'text'] }, {
 *   onProgress: ({ done }) => console.log(done, 'documents'),
 *   onError: (error) => console.warn(error.id, error.reason),
 * })
 * ```
 */
export async function bulkIndex(
  client: BulkClient,
  documents: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
  options: OpenSearchOptions,
  bulkOptions: BulkIndexOptions = {},
): Promise<BulkReport> {
  const resolved = resolveOpenSearchOptions(options)
  if (!isIterable(documents)) throw new BanglaSearchError('INVALID_ARGUMENT', `bulkIndex() takes an array or (async) iterable of documents, got ${describeValue(documents)}.`)
  const chunkSize = wholeNumber(bulkOptions.chunkSize, 'chunkSize', 1000, 1)
  const vocabularyBatch = wholeNumber(bulkOptions.vocabularyBatch, 'vocabularyBatch', 2000, 1)
  const errors: BulkItemError[] = []
  const report = (error: BulkItemError): void => {
    errors.push(error)
    bulkOptions.onError?.(error)
  }
  const counts = new Map<string, number>()
  let done = 0
  let indexed = 0
  let failed = 0
  const sendChunk = async (chunk: SearchDocument[]): Promise<void> => {
    const converted: OpenSearchDocument[] = []
    for (const document of chunk) {
      try {
        converted.push(toOpenSearchDocument(document, options))
      } catch (error) {
        if (!(error instanceof BanglaSearchError)) throw error
        report({ id: idOf(document, resolved.idField), index: resolved.index, status: 400, type: error.code, reason: error.message })
      }
    }
    const dropped = new Set<OpenSearchDocument>()
    if (converted.length > 0) {
      await client.helpers.bulk({
        datasource: converted,
        onDocument: (document) => [{ index: { _index: resolved.index, _id: document.id } }, document.body],
        onDrop: (item) => {
          dropped.add(item.document)
          report({ id: item.document.id, index: resolved.index, status: item.status, ...errorParts(item.error) })
        },
        refreshOnCompletion: false,
      })
    }
    for (const document of converted) {
      if (dropped.has(document)) continue
      for (const stem of document.stems) counts.set(stem, (counts.get(stem) ?? 0) + 1)
    }
    done += chunk.length
    indexed += converted.length - dropped.size
    failed += chunk.length - converted.length + dropped.size
    bulkOptions.onProgress?.({ done, indexed, failed })
  }
  let chunk: SearchDocument[] = []
  for await (const document of documents as AsyncIterable<SearchDocument>) {
    chunk.push(document)
    if (chunk.length >= chunkSize) {
      await sendChunk(chunk)
      chunk = []
    }
  }
  if (chunk.length > 0) await sendChunk(chunk)
  await sendVocabulary(client, counts, resolved.vocabularyIndex, vocabularyBatch, report)
  if (bulkOptions.refresh === true) await client.indices.refresh({ index: `${resolved.index},${resolved.vocabularyIndex}` })
  return { indexed, failed, errors, vocabularyEntries: counts.size }
}

/** Sends the counted stems in batches of scripted upserts; reports every refused entry. */
async function sendVocabulary(
  client: BulkClient,
  counts: ReadonlyMap<string, number>,
  index: string,
  batch: number,
  report: (error: BulkItemError) => void,
): Promise<void> {
  const entries = [...counts]
  for (let start = 0; start < entries.length; start += batch) {
    const slice = entries.slice(start, start + batch)
    const response = unwrapResponse(await client.bulk({ body: updatesOfCounts(new Map(slice), index) }))
    const items = isPlainObject(response) && Array.isArray(response['items']) ? response['items'] : []
    items.forEach((item, i) => {
      const result = isPlainObject(item) ? item['update'] : undefined
      if (!isPlainObject(result) || result['error'] === undefined) return
      const status = typeof result['status'] === 'number' ? result['status'] : 500
      report({ id: typeof result['_id'] === 'string' ? result['_id'] : slice[i]?.[0], index, status, ...errorParts(result['error']) })
    })
  }
}

function errorParts(error: unknown): { type: string; reason: string } {
  if (isPlainObject(error)) {
    const type = typeof error['type'] === 'string' ? error['type'] : 'error'
    const reason = typeof error['reason'] === 'string' ? error['reason'] : JSON.stringify(error).slice(0, 300)
    return { type, reason }
  }
  return { type: 'error', reason: String(error) }
}

function idOf(document: unknown, idField: string): string | undefined {
  const id = isPlainObject(document) && Object.hasOwn(document, idField) ? document[idField] : undefined
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value)
}
