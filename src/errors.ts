/**
 * Typed errors. Every error the library throws on purpose is a {@link BanglaSearchError} with a
 * {@link ErrorCode}; its message says what to fix. Also the small helpers that the checks of
 * options, documents and saved indexes share.
 *
 * @module
 */

/**
 * The reasons a call can be refused (the table in `docs/reliability.md` says the same):
 *
 * - `INVALID_OPTION`: an option has the wrong type or is out of range.
 * - `INVALID_DOCUMENT`: a document is not a plain object.
 * - `MISSING_ID`: a document has no value in its id field.
 * - `INVALID_ID`: an id is not a non-empty string or a finite number.
 * - `DUPLICATE_ID`: a document with this id is already in the index; use `replace()` to update it.
 * - `UNKNOWN_ID`: no document with this id is in the index.
 * - `INVALID_FIELD_VALUE`: an indexed field holds something other than a string (absent, null or undefined are fine), or a stored field holds something other than JSON values (a function, a `Date`, `NaN`, a cycle …).
 * - `INVALID_QUERY`: a query is not a string.
 * - `INVALID_ARGUMENT`: a function was called with an argument of the wrong type.
 * - `MALFORMED_INDEX`: a saved index is damaged or was not written by this library.
 * - `UNSUPPORTED_INDEX_VERSION`: a saved index was written in a format version this release cannot read.
 * - `LEGACY_ENCODING`: text looks like legacy Bijoy/SutonnyMJ (ASCII) Bengali, not Unicode; convert it to Unicode first.
 * - `ABORTED`: the operation was cancelled through its AbortSignal.
 */
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

/**
 * Refuses a value with the library's usual message, "`<what> must be <rule>, got <value>.`".
 *
 * @example
 * ```ts
 * refuseValue('INVALID_OPTION', 'limit', 'a whole number >= 1', 1.5)
 * // throws INVALID_OPTION: limit must be a whole number >= 1, got 1.5.
 * ```
 * @internal
 */
export function refuseValue(code: ErrorCode, what: string, rule: string, value: unknown): never {
  throw new BanglaSearchError(code, `${what} must be ${rule}, got ${describeValue(value)}.`)
}

/** Is the value a plain object (not null, not an array)? @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Shows a value in an error message: short, and never throwing. @internal */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object'
    case 'function':
    case 'symbol':
      return `a ${typeof value}`
    default:
      // numbers, booleans, bigints and undefined read as they are written
      return String(value)
  }
}
