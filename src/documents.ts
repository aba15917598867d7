/**
 * Document intake: checks a document and reads its id and fields, or throws a typed error that
 * says what to fix. Also the id ↔ document-number map and the stored fields.
 *
 * @module
 * @internal
 */

import { convertLegacyBengali } from './analysis/legacy-convert.js'
import { detectLegacyBengali } from './analysis/legacy-encoding.js'
import { BanglaSearchError, isPlainObject, refuseValue } from './errors.js'
import type { ResolvedIndexOptions } from './options.js'
import { prepareFields, type PreparedField } from './store/json-values.js'
import { StoredFieldStore } from './store/stored-fields.js'
import type { DocumentId, StoredFields } from './types.js'

/** A checked document: its id, the text of each indexed field, the stored values (checked as JSON). */
export interface CheckedDocument {
  readonly id: DocumentId
  readonly texts: ReadonlyArray<string | undefined>
  readonly stored: readonly PreparedField[]
}

/** Checks one document against the index options. */
export function checkDocument(document: unknown, options: ResolvedIndexOptions): CheckedDocument {
  if (!isPlainObject(document)) refuseValue('INVALID_DOCUMENT', 'A document', `a plain object such as { ${options.idField}: 1, ${options.fields[0]}: '…' }`, document)
  const own = (field: string): unknown => (Object.hasOwn(document, field) ? document[field] : undefined)
  const id = checkId(own(options.idField), options.idField)
  const texts = options.fields.map((field) => {
    const value = own(field)
    if (value === undefined || value === null) return undefined
    const where = `Field "${field}" of document ${JSON.stringify(id)}`
    if (typeof value !== 'string') refuseValue('INVALID_FIELD_VALUE', where, 'a string (convert it with String(value), or leave it out)', value)
    const verdict = detectLegacyBengali(value)
    // Bijoy/SutonnyMJ (ASCII) Bengali would be indexed as English nonsense
    if (!verdict.legacy) return value
    if (options.legacy === 'convert') return convertLegacyBengali(value)
    const fix = options.legacy === 'skip' ? 'the document is left out (legacy: skip)' : "convert it to Unicode Bengali first, or set the index option legacy: 'convert'"
    throw new BanglaSearchError('LEGACY_ENCODING', `${where} is legacy Bijoy/SutonnyMJ text (${verdict.reason}); ${fix}.`)
  })
  let stored: StoredFields | undefined
  for (const field of options.storeFields) {
    if (!Object.hasOwn(document, field)) continue
    stored ??= Object.create(null) as StoredFields
    const indexed = options.fields.indexOf(field)
    // a converted field is stored converted, so that hits and snippets read as Bengali
    stored[field] = indexed >= 0 && texts[indexed] !== undefined ? texts[indexed] : document[field]
  }
  return { id, texts, stored: prepareFields(stored, `document ${JSON.stringify(id)}`) }
}

/** Checks an id value: a non-empty string or a finite number. */
export function checkId(id: unknown, idField = 'id'): DocumentId {
  if (id === undefined || id === null) {
    throw new BanglaSearchError('MISSING_ID', `The document has no "${idField}" field; give every document a unique string or number id (or set the idField option).`)
  }
  if (id === '' || (typeof id !== 'string' && !Number.isFinite(id))) refuseValue('INVALID_ID', 'An id', 'a non-empty string or a finite number', id)
  return id as DocumentId
}

/** External ids, document numbers and stored fields (kept compressed, see `store/`). */
export class DocumentTable {
  private readonly numbers = new Map<DocumentId, number>()
  /** Id of each document number (undefined once removed). */
  readonly ids: (DocumentId | undefined)[] = []
  /** Order of each document number: when it was first added (a replaced document keeps its place). */
  readonly order: number[] = []
  private nextOrder = 0

  constructor(
    /** The stored fields by document number. */
    readonly store: StoredFieldStore = new StoredFieldStore(),
  ) {}

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

  /** The stored fields of a document (a fresh object; empty when it stores none). */
  stored(doc: number): StoredFields {
    return this.store.get(doc) ?? {}
  }

  /** The stored fields as an object whose long values are read when first used (for filters). */
  lazyStored(doc: number): StoredFields {
    return this.store.getLazy(doc) ?? {}
  }

  /** Records a document; `order` is given for a replaced document, a new one goes last. */
  set(doc: number, id: DocumentId, stored: readonly PreparedField[], order = this.nextOrder): void {
    this.store.addPrepared(doc, stored)
    this.numbers.set(id, doc)
    this.ids[doc] = id
    this.order[doc] = order
    this.nextOrder = Math.max(this.nextOrder, order + 1)
  }

  /** Loads documents 0 .. n-1 in order (their stored fields are in the store given); false when an id appears twice. */
  load(ids: readonly DocumentId[]): boolean {
    for (let doc = 0; doc < ids.length; doc++) {
      const id = ids[doc] as DocumentId
      if (this.numbers.has(id)) return false
      this.numbers.set(id, doc)
      this.ids[doc] = id
      this.order[doc] = doc
    }
    this.nextOrder = ids.length
    return true
  }

  delete(id: DocumentId): number | undefined {
    const doc = this.numbers.get(id)
    if (doc === undefined) return undefined
    this.numbers.delete(id)
    this.ids[doc] = undefined
    this.store.remove(doc)
    return doc
  }

  /** The numbers of the live documents, in their order (see {@link DocumentTable.order}). */
  live(): number[] {
    return [...this.numbers.values()].sort((a, b) => (this.order[a] as number) - (this.order[b] as number))
  }
}
