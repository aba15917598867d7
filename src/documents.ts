/**
 * Document intake: checks a document and reads its id and fields, or throws a typed error that
 * says what to fix. Also the id ↔ document-number map and the stored fields.
 *
 * @module
 * @internal
 */

import { detectLegacyBengali } from './analysis/legacy-encoding.js'
import { BanglaSearchError, describeValue } from './errors.js'
import type { ResolvedIndexOptions } from './options.js'
import type { DocumentId, StoredFields } from './types.js'

/** A checked document: its id, the text of each indexed field, the stored values. */
export interface CheckedDocument {
  readonly id: DocumentId
  readonly texts: ReadonlyArray<string | undefined>
  readonly stored: StoredFields | undefined
}

/** Checks one document against the index options. */
export function checkDocument(document: unknown, options: ResolvedIndexOptions): CheckedDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new BanglaSearchError('INVALID_DOCUMENT', `A document must be a plain object such as { ${options.idField}: 1, ${options.fields[0]}: '…' }, got ${describeValue(document)}.`)
  }
  const record = document as Record<string, unknown>
  const id = checkId(Object.hasOwn(record, options.idField) ? record[options.idField] : undefined, options.idField)
  const texts = options.fields.map((field) => {
    const value = Object.hasOwn(record, field) ? record[field] : undefined
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') {
      throw new BanglaSearchError(
        'INVALID_FIELD_VALUE',
        `Field "${field}" of document ${JSON.stringify(id)} holds ${describeValue(value)}; an indexed field must be a string. Convert it (e.g. String(value) or value.join(' ')) or leave it out.`,
      )
    }
    refuseLegacyEncoding(value, field, id)
    return value
  })
  let stored: StoredFields | undefined
  for (const field of options.storeFields) {
    if (!Object.hasOwn(record, field)) continue
    stored ??= Object.create(null) as StoredFields
    stored[field] = record[field]
  }
  return { id, texts, stored }
}

/** Bijoy/SutonnyMJ (ASCII) Bengali would be indexed as English nonsense: refuse it, saying how to fix it. */
function refuseLegacyEncoding(text: string, field: string, id: DocumentId): void {
  const verdict = detectLegacyBengali(text)
  if (!verdict.legacy) return
  throw new BanglaSearchError(
    'LEGACY_ENCODING',
    `Field "${field}" of document ${JSON.stringify(id)} looks like legacy Bijoy/SutonnyMJ Bengali (${verdict.reason ?? 'ASCII letters drawn as Bengali'}), not Unicode; convert it to Unicode Bengali first (any Bijoy-to-Unicode converter), then add it.`,
  )
}

/** Checks an id value: a non-empty string or a finite number. */
export function checkId(id: unknown, idField = 'id'): DocumentId {
  if (id === undefined || id === null) {
    throw new BanglaSearchError('MISSING_ID', `The document has no "${idField}" field; give every document a unique string or number id (or set the idField option).`)
  }
  if (typeof id === 'string' ? id.length === 0 : typeof id !== 'number' || !Number.isFinite(id)) {
    throw new BanglaSearchError('INVALID_ID', `An id must be a non-empty string or a finite number, got ${describeValue(id)}.`)
  }
  return id as DocumentId
}

/** External ids, document numbers and stored fields. */
export class DocumentTable {
  private readonly numbers = new Map<DocumentId, number>()
  /** Id of each document number (undefined once removed). */
  readonly ids: (DocumentId | undefined)[] = []
  /** Stored fields of each document number. */
  readonly stored: (StoredFields | undefined)[] = []
  /** Order of each document number: when it was first added (a replaced document keeps its place). */
  readonly order: number[] = []
  private nextOrder = 0

  /** Number of live documents. */
  get size(): number {
    return this.numbers.size
  }

  has(id: DocumentId): boolean {
    return this.numbers.has(id)
  }

  /** The document number of an id, or undefined. */
  numberOf(id: DocumentId): number | undefined {
    return this.numbers.get(id)
  }

  /** Records a document; `order` is given for a replaced document, a new one goes last. */
  set(doc: number, id: DocumentId, stored: StoredFields | undefined, order = this.nextOrder): void {
    this.numbers.set(id, doc)
    this.ids[doc] = id
    this.stored[doc] = stored
    this.order[doc] = order
    this.nextOrder = Math.max(this.nextOrder, order + 1)
  }

  delete(id: DocumentId): number | undefined {
    const doc = this.numbers.get(id)
    if (doc === undefined) return undefined
    this.numbers.delete(id)
    this.ids[doc] = undefined
    this.stored[doc] = undefined
    return doc
  }

  /** Live documents in their order (see {@link DocumentTable.order}). */
  live(): Array<[doc: number, id: DocumentId]> {
    const live: Array<[number, DocumentId]> = []
    for (let doc = 0; doc < this.ids.length; doc++) {
      const id = this.ids[doc]
      if (id !== undefined) live.push([doc, id])
    }
    return live.sort((a, b) => (this.order[a[0]] as number) - (this.order[b[0]] as number))
  }
}
