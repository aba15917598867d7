/**
 * Options of one search on the cluster: the in-memory search options that carry over, plus
 * query DSL filters and the vocabulary a lookup returned.
 *
 * @module
 */

import { BanglaSearchError, describeValue, isPlainObject, refuseValue } from '../errors.js'
import { resolveHighlight, type ResolvedHighlight } from '../highlight/snippet.js'
import { resolveSearchOptions } from '../options.js'
import type { SearchOptions } from '../types.js'
import type { ResolvedOpenSearchOptions } from './options.js'
import type { VocabularyEntry } from './vocabulary.js'

/**
 * Options of a search on the cluster. `limit`, `offset`, `prefix`, `fuzzy`, `combineWith`,
 * `fields`, `boost` and `highlight` mean what they mean for `SearchIndex.search`.
 * `filter` is query DSL here (e.g. `{ term: { lang: 'bn' } }`), not a function.
 */
export interface OpenSearchSearchOptions<F = never>
  extends Pick<SearchOptions, 'limit' | 'offset' | 'prefix' | 'fuzzy' | 'combineWith' | 'fields' | 'boost' | 'highlight'> {
  /** Query DSL clauses every hit must match, added as `bool.filter` (they do not change scores). */
  readonly filter?: readonly F[]
  /**
   * The vocabulary entries a lookup returned (see {@link vocabularyLookup} and {@link readVocabulary}).
   * Without them a query matches the words as written, their stems and synonyms, and prefixes, but
   * no spelling variants, romanised words or typos.
   */
  readonly vocabulary?: readonly VocabularyEntry[]
}

/** Search options with defaults filled in. @internal */
export interface ResolvedQueryOptions<F> {
  readonly limit: number
  readonly offset: number
  readonly prefix: boolean | 'last'
  readonly fuzzy: boolean
  readonly combineWith: 'or' | 'and'
  /** The searched fields, as positions in the index options' `fields`. */
  readonly fields: readonly number[]
  /** The boost of each searched field (index boost times search boost). */
  readonly boosts: readonly number[]
  readonly highlight: ResolvedHighlight | undefined
  readonly filter: readonly F[]
  readonly vocabulary: readonly VocabularyEntry[] | undefined
}

/**
 * Checks the search options against the index options.
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` for a malformed option
 * @internal
 */
export function resolveQueryOptions<F>(options: OpenSearchSearchOptions<F>, index: ResolvedOpenSearchOptions): ResolvedQueryOptions<F> {
  const { limit, offset, prefix, fuzzy, combineWith, fields, boost } = options
  const base = resolveSearchOptions({ limit, offset, prefix, fuzzy, combineWith, fields, boost }, index.fields)
  const filter: readonly F[] = options.filter ?? []
  const given: unknown = filter
  if (!Array.isArray(given) || !given.every(isPlainObject)) {
    refuseValue('INVALID_OPTION', 'filter', "an array of query DSL objects such as [{ term: { lang: 'bn' } }]", given)
  }
  const vocabulary = options.vocabulary
  if (vocabulary !== undefined && (!Array.isArray(vocabulary) || !vocabulary.every(isVocabularyEntry))) {
    refuseValue('INVALID_OPTION', 'vocabulary', 'the array readVocabulary() returns', vocabulary)
  }
  return {
    limit: base.limit,
    offset: base.offset,
    prefix: base.prefix,
    fuzzy: base.fuzzy,
    combineWith: base.combineWith,
    fields: base.fields.map((field) => index.fields.indexOf(field)),
    boosts: base.fields.map((field) => ownNumber(index.boost, field) * ownNumber(boost, field)),
    highlight: options.highlight ? resolveHighlight(options.highlight) : undefined,
    filter,
    vocabulary,
  }
}

/**
 * Refuses a query that is not a string.
 *
 * @throws {@link BanglaSearchError} `INVALID_QUERY`
 * @internal
 */
export function checkQueryText(query: unknown, method: string): asserts query is string {
  if (typeof query !== 'string') throw new BanglaSearchError('INVALID_QUERY', `${method} takes a query string, got ${describeValue(query)}.`)
}

function isVocabularyEntry(value: unknown): boolean {
  return isPlainObject(value) && typeof value['stem'] === 'string' && typeof value['k0'] === 'string' && typeof value['k1'] === 'string' && typeof value['df'] === 'number'
}

/** A field's factor in a boost table, 1 when absent (own properties only). */
function ownNumber(table: Readonly<Record<string, number>> | undefined, field: string): number {
  return table !== undefined && Object.hasOwn(table, field) ? (table[field] as number) : 1
}
