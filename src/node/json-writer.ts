/**
 * Writes a large JSON value to a file in pieces, so that a saved index bigger than V8's longest
 * string (about 512 M characters) can still be written. The output is what `JSON.stringify`
 * gives, without indentation.
 *
 * @module
 * @internal
 */

import type { FileHandle } from 'node:fs/promises'

/** Characters gathered before one write to the file. */
const FLUSH_AT = 1 << 20

/** Containers opened down to this depth; deeper values are stringified whole. */
const SPLIT_DEPTH = 3

/**
 * Writes `value` as JSON to an open file and returns the number of bytes written.
 *
 * @example
 * ```ts
 * await writeJson(handle, { terms: ['পুতিন', 'সফর'] })   // writes {"terms":["পুতিন","সফর"]}
 * ```
 */
export async function writeJson(handle: FileHandle, value: unknown): Promise<number> {
  let pending = ''
  let written = 0
  for (const piece of pieces(value, SPLIT_DEPTH)) {
    pending += piece
    if (pending.length >= FLUSH_AT) {
      written += (await handle.write(pending, null, 'utf8')).bytesWritten
      pending = ''
    }
  }
  if (pending.length > 0) written += (await handle.write(pending, null, 'utf8')).bytesWritten
  return written
}

/** The JSON text of `value` in pieces; arrays and plain objects are opened `depth` levels down. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || typeof value !== 'object' || value === null || hasToJSON(value)) {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  if (Array.isArray(value)) {
    yield '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ','
      yield* pieces(value[i], depth - 1)
    }
    yield ']'
    return
  }
  yield '{'
  let first = true
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    yield* pieces(item, depth - 1)
  }
  yield '}'
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function'
}
