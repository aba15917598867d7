/**
 * Documents: the body to index for one document, with the same checks and typed errors as
 * `SearchIndex.add`.
 *
 * @module
 */

import { checkDocument } from '../documents.js'
import { preparedValues } from '../store/json-values.js'
import type { DocumentId, SearchDocument } from '../types.js'
import { resolveOpenSearchOptions, type OpenSearchOptions } from './options.js'
import { stackedText } from './stacked.js'
import { isVocabularyStem } from './vocabulary.js'

/** A document ready for the cluster. */
export interface OpenSearchDocument {
  /** The document id as the cluster's `_id` (a string). */
  readonly id: string
  /** The id as given (a number stays a number in `_source`). */
  readonly documentId: DocumentId
  /** The body to index: the stored fields as given, plus the pre-analysed fields under `analyzedField`. */
  readonly body: Record<string, unknown>
  /** The document's distinct stems, for the vocabulary counts (see {@link vocabularyUpdates}). */
  readonly stems: readonly string[]
}

/**
 * Turns a document into the body to index: the id and the stored fields as they are (for hits and
 * snippets), and each indexed field pre-analysed under `analyzedField`.
 *
 * @throws {@link BanglaSearchError} `INVALID_DOCUMENT`, `MISSING_ID`, `INVALID_ID`,
 *   `INVALID_FIELD_VALUE` or `LEGACY_ENCODING`, as `SearchIndex.add` does
 * @example
 * ```ts
 * toOpenSearchDocument({ id: 7, text: 'পুতিনের সফর' }, { index: 'articles', fields: ['text'] })
 * // { id: '7', documentId: 7, stems: ['পুতিন', 'সফর'],
 * //   body: { id: 7, text: 'পুতিনের সফর', bangla: { text: 'পুতিনের|~পুতিন সফর|~সফর' } } }
 * ```
 */
export function toOpenSearchDocument(document: SearchDocument, options: OpenSearchOptions): OpenSearchDocument {
  const resolved = resolveOpenSearchOptions(options)
  const checked = checkDocument(document, resolved)
  const stems = new Set<string>()
  // null-prototype objects: a field named __proto__ stays data
  const analyzed = Object.create(null) as Record<string, string>
  const count = (stem: string): void => {
    if (isVocabularyStem(stem)) stems.add(stem)
  }
  resolved.fields.forEach((field, i) => {
    const text = checked.texts[i]
    if (text !== undefined) analyzed[field] = stackedText(text, count)
  })
  const body = Object.create(null) as Record<string, unknown>
  body[resolved.idField] = checked.id
  for (const [field, value] of Object.entries(preparedValues(checked.stored))) {
    if (field !== resolved.idField) body[field] = value
  }
  body[resolved.analyzedField] = analyzed
  return { id: String(checked.id), documentId: checked.id, body, stems: [...stems] }
}
