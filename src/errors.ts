/**
 * Typed errors. Every error the library throws on purpose is a {@link BanglaSearchError} with a
 * {@link ErrorCode}; its message says what to fix.
 *
 * @module
 */

/** The reasons a call can be refused. */
export type ErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_DOCUMENT'
  | 'MISSING_ID'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ID'
  | 'INVALID_FIELD_VALUE'
  | 'INVALID_QUERY'
  | 'INVALID_ARGUMENT'
  | 'MALFORMED_INDEX'
  | 'UNSUPPORTED_INDEX_VERSION'
  | 'LEGACY_ENCODING'
  | 'ABORTED'

/** What each code means, in general terms; the thrown message adds the particulars. */
export const ERROR_DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  INVALID_OPTION: 'An option has the wrong type or is out of range.',
  INVALID_DOCUMENT: 'A document must be a plain object.',
  MISSING_ID: 'A document has no value in its id field.',
  INVALID_ID: 'An id must be a non-empty string or a finite number.',
  DUPLICATE_ID: 'A document with this id is already in the index; use replace() to update it.',
  UNKNOWN_ID: 'No document with this id is in the index.',
  INVALID_FIELD_VALUE: 'An indexed field must hold a string (or be absent, null or undefined).',
  INVALID_QUERY: 'A query must be a string.',
  INVALID_ARGUMENT: 'A function was called with an argument of the wrong type.',
  MALFORMED_INDEX: 'A saved index is damaged or was not written by this library.',
  UNSUPPORTED_INDEX_VERSION: 'A saved index was written by a format version this release cannot read.',
  LEGACY_ENCODING: 'Text looks like legacy Bijoy/SutonnyMJ (ASCII) Bengali, not Unicode; convert it to Unicode first.',
  ABORTED: 'The operation was cancelled through its AbortSignal.',
}

/**
 * The one error type the library throws on purpose.
 *
 * @example
 * ```ts
 * try { index.add({ id: 1, text: 'ঢাকা' }) } catch (error) {
 *   if (error instanceof BanglaSearchError && error.code === 'DUPLICATE_ID') index.replace(doc)
 * }
 * ```
 */
export class BanglaSearchError extends Error {
  /** Why the call was refused. */
  readonly code: ErrorCode

  /**
   * @param code - why the call was refused
   * @param message - what went wrong and what to do about it
   */
  constructor(code: ErrorCode, message: string) {
    super(`${code}: ${message}`)
    this.name = 'BanglaSearchError'
    this.code = code
  }
}

/** Shows a value in an error message: short, and never throwing. @internal */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value)
    case 'undefined':
      return 'undefined'
    case 'function':
      return 'a function'
    case 'symbol':
      return 'a symbol'
    default:
      return 'an object'
  }
}
