/**
 * `indexCorpus`: a corpus path in, a ready {@link SearchIndex} out, so that a REPL session is
 * two lines.
 *
 * @module
 */

import { SearchIndex, type AddAllAsyncOptions, type SearchIndexOptions } from 'bangla-search'
import { readCorpus, TEXT_FILE_FIELDS } from './load-corpus.js'
import type { CorpusDocument, SkippedRecord } from './records.js'

/** How far {@link indexCorpus} has got: first reading the files, then indexing the documents. */
export interface IndexProgress {
  /** `'read'` while the files are read, `'index'` while the documents are added. */
  readonly phase: 'read' | 'index'
  /** Documents read (phase `read`) or added (phase `index`) so far. */
  readonly documents: number
  /** Documents in all; while reading, the documents read so far. */
  readonly totalDocuments: number
  /** Bytes done: of the files (phase `read`), of the indexed fields' UTF-8 text (phase `index`). */
  readonly bytes: number
  /** Bytes in all, in the same unit as `bytes`. */
  readonly totalBytes: number
}

/** Options of {@link indexCorpus}: the index options (all optional here), progress, and what to do with bad records. */
export interface IndexCorpusOptions extends Partial<SearchIndexOptions> {
  /** Called while reading and while indexing. */
  readonly onProgress?: (progress: IndexProgress) => void
  /** Cancels the indexing (`ABORTED`). */
  readonly signal?: AbortSignal
  /**
   * `'throw'` (the default): a bad record (see `loadCorpus`) or a document the index refuses
   * (e.g. `LEGACY_ENCODING`) stops everything; `'skip'`: it is left out and passed to `onSkipped`.
   */
  readonly onInvalid?: 'throw' | 'skip'
  /** Called for every record left out, as it is found: under `onInvalid: 'skip'`, or `legacy: 'skip'`. */
  readonly onSkipped?: (record: SkippedRecord) => void
}

/**
 * Reads a corpus with {@link loadCorpus} and indexes it. By default the fields `title` and `text`
 * are indexed and stored (so hits carry them and get snippets); `storeFields` defaults to the
 * indexed fields.
 *
 * @example
 * ```ts
 * const { indexCorpus } = require('bangla-search/node')
 * const index = await indexCorpus('corpus/seeds')
 * index.search('ভ্লাদিভোস্টক')[0].title   // 'গোপনে রাশিয়ায় যাচ্ছেন কিম, যে বার্তা দিলো ওয়াশিংটন'
 * ```
 * @throws `BanglaSearchError` the errors of {@link loadCorpus} and of `SearchIndex`
 */
export async function indexCorpus(path: string, options: IndexCorpusOptions = {}): Promise<SearchIndex> {
  const { onProgress, signal, onInvalid, onSkipped, ...given } = options
  const fields = given.fields ?? TEXT_FILE_FIELDS
  const indexOptions: SearchIndexOptions = { ...given, fields, storeFields: given.storeFields ?? fields }
  const index = new SearchIndex(indexOptions)
  const { documents, where } = await readCorpus(path, {
    fields,
    ...(given.idField === undefined ? {} : { idField: given.idField }),
    ...(onInvalid === undefined ? {} : { onInvalid }),
    ...(onSkipped === undefined ? {} : { onSkipped }),
    ...(onProgress === undefined
      ? {}
      : { onProgress: (p) => onProgress({ phase: 'read', documents: p.documents, totalDocuments: p.documents, bytes: p.bytesRead, totalBytes: p.bytesTotal }) }),
  })
  const intake: AddAllAsyncOptions = {
    ...(signal === undefined ? {} : { signal }),
    ...(onInvalid === undefined ? {} : { onInvalid }),
    maxReported: 0, // every skipped document goes to onSkipped instead
    onSkipped: ({ position, id, code, message }) => onSkipped?.({ where: where(position), ...(id === undefined ? {} : { id }), code, message, record: documents[position] }),
  }
  if (onProgress === undefined) {
    await index.addAllAsync(documents, intake)
    return index
  }
  const cumulative = cumulativeBytes(documents, fields)
  const totalBytes = cumulative[documents.length] ?? 0
  await index.addAllAsync(documents, {
    ...intake,
    onProgress: ({ done, total }) => onProgress({ phase: 'index', documents: done, totalDocuments: total, bytes: cumulative[done] ?? 0, totalBytes }),
  })
  return index
}

/** `result[i]`: UTF-8 bytes of the indexed fields of the first `i` documents. */
function cumulativeBytes(documents: readonly CorpusDocument[], fields: readonly string[]): Float64Array {
  const result = new Float64Array(documents.length + 1)
  documents.forEach((document, i) => {
    let bytes = 0
    for (const field of fields) {
      const value = document[field]
      if (typeof value === 'string') bytes += Buffer.byteLength(value)
    }
    result[i + 1] = (result[i] as number) + bytes
  })
  return result
}
