/**
 * Option checking: the one place that turns user options into resolved settings, or throws
 * `INVALID_OPTION` with a message that says what to fix.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, describeValue } from './errors.js'
import { resolveBm25 } from './search/bm25.js'
import type { Bm25Parameters, SearchIndexOptions, SearchOptions } from './types.js'

/** Index options with defaults filled in. */
export interface ResolvedIndexOptions {
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly idField: string
  readonly boost: Readonly<Record<string, number>>
  readonly aliases: ReadonlyArray<readonly string[]>
  readonly bm25: Bm25Parameters
}

/** Search options with defaults filled in (the filter and highlight are passed on as given). */
export interface ResolvedSearchOptions {
  readonly limit: number
  readonly offset: number
  readonly prefix: boolean | 'last'
  readonly fuzzy: boolean
  readonly combineWith: 'or' | 'and'
  readonly fields: readonly string[]
  readonly explain: boolean
}

/** Default number of hits. */
export const DEFAULT_LIMIT = 10

/** Checks index options. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveIndexOptions(options: SearchIndexOptions): ResolvedIndexOptions {
  if (typeof options !== 'object' || options === null) {
    throw new BanglaSearchError('INVALID_OPTION', `new SearchIndex() takes an options object such as { fields: ['text'] }, got ${describeValue(options)}.`)
  }
  const fields = stringList(options.fields, 'fields')
  if (fields.length === 0) throw new BanglaSearchError('INVALID_OPTION', "fields must name at least one field to index, e.g. { fields: ['title', 'text'] }.")
  if (new Set(fields).size !== fields.length) throw new BanglaSearchError('INVALID_OPTION', `fields must not repeat a name, got ${JSON.stringify(fields)}.`)
  if (fields.length > 255) throw new BanglaSearchError('INVALID_OPTION', `fields may name at most 255 fields, got ${fields.length}.`)
  const storeFields = options.storeFields === undefined ? [] : stringList(options.storeFields, 'storeFields')
  const idField = options.idField ?? 'id'
  if (typeof idField !== 'string' || idField.length === 0) {
    throw new BanglaSearchError('INVALID_OPTION', `idField must be a non-empty string, got ${describeValue(idField)}.`)
  }
  return {
    fields,
    storeFields,
    idField,
    boost: resolveBoost(options.boost, fields, 'boost'),
    aliases: resolveAliases(options.aliases),
    bm25: resolveBm25(options.bm25),
  }
}

/** Checks search options against the index's fields. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveSearchOptions(options: SearchOptions | undefined, indexFields: readonly string[]): ResolvedSearchOptions {
  const given = options ?? {}
  if (typeof given !== 'object' || given === null) {
    throw new BanglaSearchError('INVALID_OPTION', `search() options must be an object, got ${describeValue(given)}.`)
  }
  const limit = given.limit ?? DEFAULT_LIMIT
  const offset = given.offset ?? 0
  if (!Number.isInteger(limit) || limit < 1) throw new BanglaSearchError('INVALID_OPTION', `limit must be a whole number >= 1, got ${describeValue(limit)}.`)
  if (!Number.isInteger(offset) || offset < 0) throw new BanglaSearchError('INVALID_OPTION', `offset must be a whole number >= 0, got ${describeValue(offset)}.`)
  const combineWith = given.combineWith ?? 'or'
  if (combineWith !== 'or' && combineWith !== 'and') {
    throw new BanglaSearchError('INVALID_OPTION', `combineWith must be 'or' or 'and', got ${describeValue(combineWith)}.`)
  }
  const fields = given.fields === undefined ? indexFields : stringList(given.fields, 'fields')
  for (const field of fields) {
    if (!indexFields.includes(field)) {
      throw new BanglaSearchError('INVALID_OPTION', `fields names "${field}", which is not indexed; indexed fields: ${JSON.stringify(indexFields)}.`)
    }
  }
  if (given.filter !== undefined && typeof given.filter !== 'function') {
    throw new BanglaSearchError('INVALID_OPTION', `filter must be a function (stored) => boolean, got ${describeValue(given.filter)}.`)
  }
  if (given.boost !== undefined) resolveBoost(given.boost, indexFields, 'boost')
  return {
    limit: Math.min(limit, 10_000),
    offset,
    prefix: given.prefix === 'last' ? 'last' : flag(given.prefix, 'prefix', false),
    fuzzy: flag(given.fuzzy, 'fuzzy', true),
    combineWith,
    fields,
    explain: flag(given.explain, 'explain', false),
  }
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw new BanglaSearchError('INVALID_OPTION', `${name} must be true or false, got ${describeValue(value)}.`)
  return value
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new BanglaSearchError('INVALID_OPTION', `${name} must be an array of non-empty strings, got ${describeValue(value)}.`)
  }
  return [...(value as string[])]
}

function resolveBoost(value: unknown, fields: readonly string[], name: string): Record<string, number> {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BanglaSearchError('INVALID_OPTION', `${name} must be an object such as { title: 2 }, got ${describeValue(value)}.`)
  }
  const boost = Object.create(null) as Record<string, number>
  for (const [field, factor] of Object.entries(value)) {
    if (!fields.includes(field)) throw new BanglaSearchError('INVALID_OPTION', `${name} names "${field}", which is not an indexed field.`)
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 0) {
      throw new BanglaSearchError('INVALID_OPTION', `${name}.${field} must be a finite number >= 0, got ${describeValue(factor)}.`)
    }
    boost[field] = factor
  }
  return boost
}

function resolveAliases(value: unknown): string[][] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((group) => Array.isArray(group) && group.every((word) => typeof word === 'string'))) {
    throw new BanglaSearchError('INVALID_OPTION', `aliases must be an array of word groups such as [['ঢাকা', 'dhaka']], got ${describeValue(value)}.`)
  }
  return (value as string[][]).map((group) => [...group])
}
