/**
 * Option checking: the one place that turns user options into resolved settings, or throws
 * `INVALID_OPTION` with a message that says what to fix.
 *
 * @module
 * @internal
 */

import { BanglaSearchError, isPlainObject, refuseValue } from './errors.js'
import { resolveBm25 } from './search/bm25.js'
import { DEFAULT_LEVEL, MAX_LEVEL, MIN_LEVEL } from './store/lz.js'
import { DEFAULT_BLOCK_SIZE } from './store/stored-fields.js'

/** The largest stored-field block (16 MiB). */
const MAX_STORE_BLOCK = 16 * 1024 * 1024
import type { Bm25Parameters, SearchIndexOptions, SearchOptions } from './types.js'

/** Index options with defaults filled in. */
export interface ResolvedIndexOptions {
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly idField: string
  readonly boost: Readonly<Record<string, number>>
  readonly aliases: ReadonlyArray<readonly string[]>
  readonly bm25: Bm25Parameters
  readonly legacy: 'reject' | 'convert' | 'skip'
  readonly storeCompression: { readonly blockSize: number; readonly level: number }
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
/** A larger `limit` is lowered to this (it sizes an allocation). */
const MAX_LIMIT = 10_000

/** Checks index options. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveIndexOptions(options: SearchIndexOptions): ResolvedIndexOptions {
  if (typeof options !== 'object' || options === null) refuseValue('INVALID_OPTION', 'The options of new SearchIndex()', "an object such as { fields: ['text'] }", options)
  const fields = stringList(options.fields, 'fields')
  if (fields.length === 0 || fields.length > 255 || new Set(fields).size < fields.length) {
    throw new BanglaSearchError('INVALID_OPTION', 'fields must name at least one and at most 255 different fields.')
  }
  const idField = options.idField ?? 'id'
  if (typeof idField !== 'string' || idField === '') refuseValue('INVALID_OPTION', 'idField', 'a non-empty string', idField)
  return {
    fields,
    storeFields: options.storeFields === undefined ? [] : stringList(options.storeFields, 'storeFields'),
    idField,
    boost: resolveBoost(options.boost, fields),
    aliases: resolveAliases(options.aliases),
    bm25: resolveBm25(options.bm25),
    legacy: choice(options.legacy, 'legacy', ['reject', 'convert', 'skip']),
    storeCompression: resolveStoreCompression(options.storeCompression),
  }
}

/** Checks search options against the index's fields. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveSearchOptions(options: SearchOptions | undefined, indexFields: readonly string[]): ResolvedSearchOptions {
  const given = options ?? {}
  if (typeof given !== 'object') refuseValue('INVALID_OPTION', 'search() options', 'an object', given)
  const fields = given.fields === undefined ? indexFields : stringList(given.fields, 'fields')
  for (const field of fields) checkIndexed(field, indexFields, 'fields')
  if (given.filter !== undefined && typeof given.filter !== 'function') refuseValue('INVALID_OPTION', 'filter', 'a function (stored, id) => boolean', given.filter)
  resolveBoost(given.boost, indexFields)
  return {
    limit: Math.min(wholeNumber(given.limit, 'limit', DEFAULT_LIMIT, 1), MAX_LIMIT),
    offset: wholeNumber(given.offset, 'offset', 0, 0),
    prefix: choice(given.prefix, 'prefix', [false, true, 'last']),
    fuzzy: choice(given.fuzzy, 'fuzzy', [true, false]),
    combineWith: choice(given.combineWith ?? 'or', 'combineWith', ['or', 'and']),
    fields,
    explain: choice(given.explain, 'explain', [false, true]),
  }
}

/**
 * A whole-number option: `fallback` when absent (undefined or null).
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` when it is not a whole number >= `min`
 */
export function wholeNumber(value: unknown, name: string, fallback: number, min: number): number {
  const number = value ?? fallback
  if (!Number.isInteger(number) || (number as number) < min) refuseValue('INVALID_OPTION', name, `a whole number >= ${min}`, number)
  return number as number
}

/** An option that takes one of a few values; the first is its default. */
function choice<T>(value: T | undefined, name: string, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0] as T
  if (!allowed.includes(value)) refuseValue('INVALID_OPTION', name, allowed.map((item) => (typeof item === 'string' ? `'${item}'` : String(item))).join(' or '), value)
  return value
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) refuseValue('INVALID_OPTION', name, 'an array of non-empty strings', value)
  return [...(value as string[])]
}

function checkIndexed(field: string, indexFields: readonly string[], name: string): void {
  if (!indexFields.includes(field)) {
    throw new BanglaSearchError('INVALID_OPTION', `${name} names "${field}", which is not indexed; the indexed fields are ${JSON.stringify(indexFields)}.`)
  }
}

function resolveBoost(value: unknown, fields: readonly string[]): Record<string, number> {
  if (value === undefined) return {}
  if (!isPlainObject(value)) refuseValue('INVALID_OPTION', 'boost', 'an object such as { title: 2 }', value)
  const boost = Object.create(null) as Record<string, number>
  for (const [field, factor] of Object.entries(value)) {
    checkIndexed(field, fields, 'boost')
    if (!Number.isFinite(factor) || (factor as number) < 0) refuseValue('INVALID_OPTION', `boost.${field}`, 'a finite number >= 0', factor)
    boost[field] = factor as number
  }
  return boost
}

function resolveAliases(value: unknown): string[][] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((group) => Array.isArray(group) && group.every((word) => typeof word === 'string'))) {
    refuseValue('INVALID_OPTION', 'aliases', "an array of word groups such as [['ঢাকা', 'dhaka']]", value)
  }
  return (value as string[][]).map((group) => [...group])
}

function resolveStoreCompression(value: unknown): { blockSize: number; level: number } {
  if (value === undefined) return { blockSize: DEFAULT_BLOCK_SIZE, level: DEFAULT_LEVEL }
  if (!isPlainObject(value)) refuseValue('INVALID_OPTION', 'storeCompression', 'an object such as { blockSize: 16384, level: 3 }', value)
  const blockSize = wholeNumber(value['blockSize'], 'storeCompression.blockSize', DEFAULT_BLOCK_SIZE, 256)
  if (blockSize > MAX_STORE_BLOCK) refuseValue('INVALID_OPTION', 'storeCompression.blockSize', `a whole number from 256 to ${MAX_STORE_BLOCK}`, blockSize)
  const level = wholeNumber(value['level'], 'storeCompression.level', DEFAULT_LEVEL, MIN_LEVEL)
  if (level > MAX_LEVEL) refuseValue('INVALID_OPTION', 'storeCompression.level', `a whole number from ${MIN_LEVEL} to ${MAX_LEVEL}`, level)
  return { blockSize, level }
}
