/**
 * File-system failures turned into `BanglaSearchError`s whose message names the path and
 * says what to fix, instead of Node's bare `ENOENT: no such file or directory, open '…'`.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from 'bangla-search'

/** What to tell the user for the common `errno` codes. */
const ADVICE: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist; check the path (it is resolved from the current folder)',
  EACCES: 'permission denied; check the file permissions',
  EPERM: 'permission denied; check the file permissions',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many files are open; close some programs and retry',
  ENOSPC: 'the disk is full; free some space',
  EROFS: 'the file system is read-only; choose another path',
  ERR_STRING_TOO_LONG: 'it is too large to read as one string; split it into smaller files',
}

/**
 * Wraps a file-system error as `INVALID_ARGUMENT` with the path and advice.
 *
 * @example
 * ```ts
 * fileError('পাঠ/নেই.txt', 'read', enoentError).message
 * // 'INVALID_ARGUMENT: Cannot read "পাঠ/নেই.txt": it does not exist; check the path …'
 * ```
 */
export function fileError(path: string, action: 'read' | 'write' | 'open', error: unknown): BanglaSearchError {
  if (error instanceof BanglaSearchError) return error
  const code = (error as { code?: unknown } | null)?.code
  const advice = code === 'ENOENT' && action === 'write' ? 'its folder does not exist; create the folder first' : typeof code === 'string' ? ADVICE[code] : undefined
  const detail = advice ?? (error instanceof Error ? error.message : String(error))
  return new BanglaSearchError('INVALID_ARGUMENT', `Cannot ${action} "${path}": ${detail}.`)
}

/**
 * The message of a `BanglaSearchError` without its `CODE: ` prefix, for re-wrapping.
 *
 * @example
 * ```ts
 * plainMessage(new BanglaSearchError('MALFORMED_INDEX', 'ভাঙা সূচি')) // 'ভাঙা সূচি'
 * ```
 */
export function plainMessage(error: BanglaSearchError): string {
  const prefix = `${error.code}: `
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
}

/**
 * Shows a wrong value in a message: short, and never throwing.
 *
 * @example
 * ```ts
 * showValue(['পুতিন'])   // 'an array'
 * showValue('পুতিন')     // '"পুতিন"'
 * ```
 */
export function showValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return typeof value === 'function' || typeof value === 'symbol' ? `a ${typeof value}` : String(value)
}
