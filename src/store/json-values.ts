/**
 * The check of stored-field values: they must be JSON values (strings, finite numbers, booleans,
 * null, and arrays and plain objects of those), because that is what a saved index can hold and
 * give back unchanged. Anything else is refused with `INVALID_FIELD_VALUE` before the store
 * changes, with the path to the bad value and what to do about it.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, describeValue } from '../errors.js'

/** Arrays and objects nested deeper than this are refused (deeper would overflow the stack). */
export const MAX_NESTING = 64

/** A field ready to be written: its text, and whether that text is JSON (for non-strings). */
export interface PreparedField {
  readonly name: string
  readonly text: string
  readonly json: boolean
}

/** The values of prepared fields, as an object (a field named `__proto__` stays data). */
export function preparedValues(prepared: readonly PreparedField[]): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>
  for (const field of prepared) {
    Object.defineProperty(values, field.name, { value: field.json ? (field.text === '-0' ? -0 : JSON.parse(field.text)) : field.text, enumerable: true, writable: true, configurable: true })
  }
  return values
}

/**
 * Checks the stored fields of one document and turns each value into text: a string as it is,
 * anything else as JSON. A field whose value is `undefined` is left out, as if absent.
 *
 * Numbers keep their exact value (JSON writes the shortest text that reads back the same), and
 * `-0` stays `-0` as a field's own value; inside arrays and objects it becomes `0`, as in
 * `JSON.stringify`.
 *
 * @param owner - names the document in messages, e.g. `document "42"`
 * @throws {@link BanglaSearchError} `INVALID_FIELD_VALUE` naming the field, the path to the bad value and the fix
 *
 * @example
 * ```ts
 * prepareFields({ title: 'ঢাকা', year: 2019 }, 'document 1')
 * // [{ name: 'title', text: 'ঢাকা', json: false }, { name: 'year', text: '2019', json: true }]
 * prepareFields({ date: new Date() }, 'document 1')
 * // throws INVALID_FIELD_VALUE: Stored field "date" of document 1 must hold only JSON values …, got a Date …
 * ```
 */
export function prepareFields(fields: unknown, owner: string): PreparedField[] {
  if (fields === undefined || fields === null) return []
  if (typeof fields !== 'object' || Array.isArray(fields) || !isPlainPrototype(fields)) {
    throw new BanglaSearchError('INVALID_FIELD_VALUE', `The stored fields of ${owner} must be a plain object of field values, got ${describe(fields)}.`)
  }
  const prepared: PreparedField[] = []
  for (const name of Object.keys(fields)) {
    const value = (fields as Record<string, unknown>)[name]
    if (value === undefined) continue
    if (typeof value === 'string') {
      prepared.push({ name, text: value, json: false })
      continue
    }
    checkJson(value, name, name, owner, 0, [])
    prepared.push({ name, text: Object.is(value, -0) ? '-0' : JSON.stringify(value), json: true })
  }
  return prepared
}

/** Walks a value; `path` shows where it sits (`meta.tags[2]`), `open` the arrays and objects around it. */
function checkJson(value: unknown, path: string, field: string, owner: string, depth: number, open: object[]): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) refuse(field, owner, path, value, 'store it as a string, or leave the field out')
      return
    case 'object': {
      if (value === null) return
      if (depth >= MAX_NESTING) refuse(field, owner, path, value, `nest arrays and objects at most ${MAX_NESTING} deep`)
      if (open.includes(value)) refuse(field, owner, path, value, 'it contains itself; store a copy without the cycle')
      open.push(value)
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || value[i] === undefined) refuse(field, owner, `${path}[${i}]`, undefined, 'use null for an empty slot')
          checkJson(value[i], `${path}[${i}]`, field, owner, depth + 1, open)
        }
      } else {
        if (!isPlainPrototype(value)) refuse(field, owner, path, value, 'convert it first (a Date with toISOString(), a Map with Object.fromEntries())')
        if (Object.getOwnPropertySymbols(value).length > 0) refuse(field, owner, path, value, 'symbol keys cannot be stored; use string keys')
        for (const key of Object.keys(value)) {
          const child = (value as Record<string, unknown>)[key]
          const where = `${path}.${key}`
          if (child === undefined) refuse(field, owner, where, child, 'use null, or leave the key out')
          checkJson(child, where, field, owner, depth + 1, open)
        }
      }
      open.pop()
      return
    }
    default:
      refuse(field, owner, path, value, typeof value === 'bigint' ? 'store it as a string (String(value))' : 'leave it out, or store what it stands for as a string')
  }
}

function isPlainPrototype(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function refuse(field: string, owner: string, path: string, value: unknown, fix: string): never {
  const where = path === field ? '' : ` at ${path}`
  throw new BanglaSearchError(
    'INVALID_FIELD_VALUE',
    `Stored field ${JSON.stringify(field)} of ${owner} must hold only JSON values (strings, finite numbers, booleans, null, arrays and plain objects), got ${describe(value)}${where}; ${fix}.`,
  )
}

/** Like describeValue, but names class instances (a Date, a Map). */
function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainPrototype(value)) {
    const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a prototype'
  }
  return describeValue(value)
}
