/**
 * The per-document record of the stored-field store: which fields a document has, in order,
 * with the short ("hot") values inline and the long ("cold") ones only as a length, their bytes
 * being in the document's compressed block, one after the other.
 *
 * Record: `fieldCount`, then per field `fieldId`, `length × 4 + kind` (all unsigned LEB128) and,
 * for a hot kind, `length` bytes of encoded text (`text-codec.ts`). Kinds: 0 hot text, 1 hot
 * JSON, 2 cold text, 3 cold JSON.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { decodeText } from './text-codec.js'
import { readVarint, type Cursor } from './varint.js'

/** Field kinds in a record. */
export const HOT_TEXT = 0
/** @see HOT_TEXT */
export const HOT_JSON = 1
/** @see HOT_TEXT */
export const COLD_TEXT = 2
/** @see HOT_TEXT */
export const COLD_JSON = 3

const DAMAGED = 'A stored-field record'

/** Is the kind one whose bytes sit in a compressed block? */
export const isCold = (kind: number): boolean => kind >= COLD_TEXT

/**
 * Called for each field of a record, in order: its field id, kind, and where its bytes are:
 * `bytes[from, to)` of the record's own array for a hot field, `[from, to)` from the start of
 * the document's cold bytes for a cold one.
 */
export type FieldVisitor = (fieldId: number, kind: number, from: number, to: number) => void

/**
 * Reads the record `bytes[start, end)` and calls `visit` for every field; returns the length of
 * the document's cold bytes. Everything is checked: field ids below `fieldCount`, no field twice,
 * lengths inside the record.
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when the record is damaged
 */
export function readRecord(bytes: Uint8Array, start: number, end: number, fieldCount: number, visit: FieldVisitor): number {
  if (start === end) return 0 // a document without stored fields
  const cursor: Cursor = { at: start }
  const count = readVarint(bytes, cursor, end, DAMAGED)
  if (count > fieldCount || count > end - cursor.at) malformed(`it lists ${count} fields in ${end - start} bytes`)
  let cold = 0
  // field ids seen so far: a short list, or a set for the rare document with many fields
  const seen: number[] | Set<number> = count > 8 ? new Set() : []
  for (let i = 0; i < count; i++) {
    const fieldId = readVarint(bytes, cursor, end, DAMAGED)
    if (fieldId >= fieldCount) malformed(`field number ${fieldId} is not among the ${fieldCount} field names`)
    if (Array.isArray(seen) ? seen.includes(fieldId) : seen.has(fieldId)) malformed(`field number ${fieldId} appears twice`)
    if (Array.isArray(seen)) seen.push(fieldId)
    else seen.add(fieldId)
    const header = readVarint(bytes, cursor, end, DAMAGED)
    const kind = header % 4
    const length = Math.floor(header / 4)
    if (isCold(kind)) {
      visit(fieldId, kind, cold, cold + length)
      cold += length
    } else {
      if (length > end - cursor.at) malformed(`a value of ${length} bytes runs past the record's end`)
      visit(fieldId, kind, cursor.at, cursor.at + length)
      cursor.at += length
    }
  }
  if (cursor.at !== end) malformed(`${end - cursor.at} bytes follow its last field`)
  return cold
}

/**
 * Decodes one value: text as it is, JSON parsed.
 *
 * @throws {@link BanglaSearchError} `MALFORMED_INDEX` when the bytes are not text of that kind
 */
export function decodeValue(bytes: Uint8Array, from: number, to: number, kind: number): unknown {
  const text = decodeText(bytes, from, to)
  if (kind === HOT_TEXT || kind === COLD_TEXT) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return malformed(`a JSON value does not parse (${JSON.stringify(text.slice(0, 40))})`)
  }
}

/** Sets `object[name] = value` as an own data property, even for `__proto__`. */
export function setField(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true })
  else object[name] = value
}

/** Throws `MALFORMED_INDEX` about a stored-field record. */
export function malformed(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `${DAMAGED} is damaged: ${what}.`)
}
