/**
 * Options of the OpenSearch entry: the {@link SearchIndexOptions} of the in-memory index plus the
 * index names, checked once into a resolved form.
 *
 * @module
 */

import { BanglaSearchError, refuseValue } from '../errors.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from '../options.js'
import type { SearchIndexOptions } from '../types.js'
import { buildSynonyms } from '../search/synonyms.js'

/**
 * Where and how documents are indexed on the cluster. The same options serve the index body,
 * the documents, the queries and the hits, so pass one object to all of them.
 *
 * @example
 * ```ts
 * const options = { index: 'articles', fields: ['title', 'text'], boost: { title: 2 } }
 * ```
 */
export interface OpenSearchOptions extends SearchIndexOptions {
  /** The index (or alias) that holds the documents. */
  readonly index: string
  /** The index that holds the vocabulary (stems, alias keys, frequencies). Default `<index>-vocabulary`. */
  readonly vocabularyIndex?: string
  /**
   * The object field under which each document's pre-analysed fields are indexed
   * (`bangla.title`, `bangla.text`, …). Default `'bangla'`; must not be a field of your documents.
   */
  readonly analyzedField?: string
  /**
   * The fields copied into `_source` as they are, for hits and snippets. Default: the indexed
   * fields (unlike {@link SearchIndexOptions.storeFields}, because a cluster keeps `_source` anyway
   * and the snippets are cut from it).
   */
  readonly storeFields?: readonly string[]
}

/** Options with defaults filled in. @internal */
export interface ResolvedOpenSearchOptions extends ResolvedIndexOptions {
  readonly index: string
  readonly vocabularyIndex: string
  readonly analyzedField: string
  /** User synonym groups: a stem or Latin word → the other members' stems or words. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>
}

const resolved = new WeakMap<OpenSearchOptions, ResolvedOpenSearchOptions>()

/**
 * Checks the options (once per options object).
 *
 * @throws {@link BanglaSearchError} `INVALID_OPTION` when an option is malformed
 * @internal
 */
export function resolveOpenSearchOptions(options: OpenSearchOptions): ResolvedOpenSearchOptions {
  if (typeof options !== 'object' || options === null) {
    refuseValue('INVALID_OPTION', 'The OpenSearch options', "an object such as { index: 'articles', fields: ['text'] }", options)
  }
  const known = resolved.get(options)
  if (known !== undefined) return known
  const base = resolveIndexOptions({ ...options, storeFields: options.storeFields ?? options.fields })
  const index = indexName(options.index, 'index')
  const vocabularyIndex = indexName(options.vocabularyIndex ?? `${index}-vocabulary`, 'vocabularyIndex')
  if (vocabularyIndex === index) throw new BanglaSearchError('INVALID_OPTION', 'vocabularyIndex must differ from index.')
  const analyzedField = options.analyzedField ?? 'bangla'
  if (typeof analyzedField !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(analyzedField)) {
    refuseValue('INVALID_OPTION', 'analyzedField', 'a name of letters, digits and _ starting with a letter', analyzedField)
  }
  if ([base.idField, ...base.fields, ...base.storeFields].includes(analyzedField)) {
    throw new BanglaSearchError('INVALID_OPTION', `analyzedField "${analyzedField}" is also a field of your documents; choose another name.`)
  }
  const result = { ...base, index, vocabularyIndex, analyzedField, synonyms: buildSynonyms(base.aliases) }
  resolved.set(options, result)
  return result
}

/** Index names: lower case, no spaces or the characters the clusters refuse. */
function indexName(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9_.+-]*$/.test(value) || value.length > 200) {
    refuseValue('INVALID_OPTION', name, 'an index name: lower-case letters, digits and _ . + -, not starting with a sign', value)
  }
  return value
}
