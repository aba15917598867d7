/**
 * Step one of a search: the vocabulary lookups a query needs, as one multi-search. For every
 * word: its stems (do they exist?); for a Bengali word the stems sharing each stem's K0 alias key
 * within the K1 distance the alias rules allow; for a Latin word the same for each reading of
 * each form. Step two ({@link fallbackLookup}) runs only when a word found nothing: its short-key
 * variants and the stems within two edits of it (the in-memory index tries those only then,
 * too). The K1 condition is a
 * `terms` filter on K1 forms with vowel classes deleted (one per vowel edit the distance allows,
 * two at most): a superset of what the distance keeps, which the client then checks exactly.
 *
 * @module
 */

import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { aliasThreshold, bengaliKeys, SHORT_KEY_MAX_LENGTH, VOWEL_EDIT_COST } from '../analysis/alias-keys.js'
import { latinKeys, romanSuffixStrips } from '../analysis/romanize.js'
import { parseQuery, type ParsedQuery } from '../query/parse.js'
import { MAX_EXPANDED_WORD_LENGTH, ROMAN_EXTRA_THRESHOLD } from '../search/expand.js'
import { clusterTypoBudget as typoBudget } from '../search/cluster-typos.js'
import type { MsearchItem, QueryDsl, SearchBody } from './dsl.js'
import { matchesWithoutTypos, ROMANISABLE, VocabularyView } from './expansion.js'
import { resolveOpenSearchOptions, type OpenSearchOptions, type ResolvedOpenSearchOptions } from './options.js'
import { checkQueryText, resolveQueryOptions, type OpenSearchSearchOptions, type ResolvedQueryOptions } from './search-options.js'
import { isVocabularyStem, MAX_VOWEL_DELETIONS, vowelDeletions } from './vocabulary.js'
import { analyseQuery, type QueryWord } from './words.js'

/** A lookup reads the entries' fields from doc values (no stored field is loaded). */
const ENTRY_FIELDS = { _source: false as const, stored_fields: ['_none_'], docvalue_fields: ['stem', 'k0', 'k1', 'df'] }
/**
 * Most entries one key lookup returns (the most frequent first). The largest K0 bucket of a
 * 17.6 M-word corpus holds 627 stems, and the K1 filter leaves a small part of it.
 */
export const LOOKUP_SIZE = 200
/** Most candidates one typo lookup returns. */
export const FUZZY_LOOKUP_SIZE = 50
/** Edits a `fuzzy` query allows at most (Lucene's limit; typo lookups count code points, then the client counts clusters). */
const MAX_FUZZY_EDITS = 2

/**
 * The multi-search body of the vocabulary lookup for a query (header and body lines, for
 * `client.msearch({ body })`), or an empty array when the query needs none.
 *
 * @throws {@link BanglaSearchError} `INVALID_QUERY` or `INVALID_OPTION`
 * @example
 * ```ts
 * const lookup = vocabularyLookup('ভ্লাদিভস্তক', options)
 * const vocabulary = lookup.length > 0 ? readVocabulary(await client.msearch({ body: lookup })) : []
 * ```
 */
export function vocabularyLookup(query: string, options: OpenSearchOptions, searchOptions: OpenSearchSearchOptions<unknown> = {}): MsearchItem[] {
  checkQueryText(query, 'vocabularyLookup()')
  const index = resolveOpenSearchOptions(options)
  return lookupOf(parseQuery(query), index, resolveQueryOptions(searchOptions, index))
}

/** The lookup of a parsed query. @internal */
export function lookupOf(parsed: ParsedQuery, index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<unknown>): MsearchItem[] {
  const lookups = new LookupList()
  for (const clause of analyseQuery(parsed, search)) for (const word of clause.words) addWordLookups(word, index.synonyms, lookups)
  return lookups.toMsearch(index.vocabularyIndex)
}

/**
 * Step two, only for the words step one found nothing for (as the in-memory index does): the
 * spelling variants of their short alias keys (two symbols or less, which collide too often to
 * try for a word that exists) and their typo corrections, the stems within two edits. An empty
 * array when no word needs it. Give it the vocabulary step one returned.
 *
 * @throws {@link BanglaSearchError} `INVALID_QUERY` or `INVALID_OPTION`
 * @example
 * ```ts
 * const more = fallbackLookup('ওয়াশিংটম', options, { vocabulary })
 * if (more.length > 0) vocabulary.push(...readVocabulary(await client.msearch({ body: more })))
 * ```
 */
export function fallbackLookup(query: string, options: OpenSearchOptions, searchOptions: OpenSearchSearchOptions<unknown>): MsearchItem[] {
  checkQueryText(query, 'fallbackLookup()')
  const index = resolveOpenSearchOptions(options)
  return fallbackLookupOf(parseQuery(query), index, resolveQueryOptions(searchOptions, index))
}

/** The fallback lookup of a parsed query, given the vocabulary of step one. @internal */
export function fallbackLookupOf(parsed: ParsedQuery, index: ResolvedOpenSearchOptions, search: ResolvedQueryOptions<unknown>): MsearchItem[] {
  const lookups = new LookupList()
  const setup = { vocabulary: new VocabularyView(search.vocabulary ?? []), synonyms: index.synonyms }
  for (const clause of analyseQuery(parsed, search)) {
    for (const word of clause.words) {
      if (word.term.length > MAX_EXPANDED_WORD_LENGTH || matchesWithoutTypos(word, setup)) continue
      if (word.script === 'bengali' && allowsAliases(word)) {
        for (const stem of word.stems) {
          const { k0, k1 } = bengaliKeys(stem)
          if (k0.length > 0 && k0.length <= SHORT_KEY_MAX_LENGTH) lookups.add(keyQuery(k0, k1, aliasThreshold(k0.length)), LOOKUP_SIZE)
        }
      }
      const base = word.stems[0] ?? word.term
      if (!word.fuzzy || word.prefix || typoBudget(collectGraphemes(base).length) === 0) continue
      const fuzzy = { value: base, fuzziness: MAX_FUZZY_EDITS, prefix_length: 0, max_expansions: FUZZY_LOOKUP_SIZE, transpositions: true }
      lookups.add({ fuzzy: { stem: fuzzy } }, FUZZY_LOOKUP_SIZE)
    }
  }
  return lookups.toMsearch(index.vocabularyIndex, false)
}

/** Distinct lookups, in order. */
class LookupList {
  readonly stems = new Set<string>()
  private readonly searches = new Map<string, SearchBody>()

  add(query: QueryDsl, size: number): void {
    const key = JSON.stringify(query)
    if (!this.searches.has(key)) this.searches.set(key, { query, size, ...ENTRY_FIELDS, sort: [{ df: { order: 'desc' } }] })
  }

  toMsearch(index: string, withStems = true): MsearchItem[] {
    const bodies = [...this.searches.values()]
    if (withStems && this.stems.size > 0) bodies.unshift({ query: { terms: { stem: [...this.stems] } }, size: this.stems.size, ...ENTRY_FIELDS })
    return bodies.flatMap((body) => [{ index }, body])
  }
}

function addWordLookups(word: QueryWord, synonyms: ReadonlyMap<string, readonly string[]>, lookups: LookupList): void {
  for (const stem of word.stems) {
    if (isVocabularyStem(stem)) lookups.stems.add(stem)
    for (const other of synonyms.get(stem) ?? []) if (isVocabularyStem(other)) lookups.stems.add(other)
  }
  if (word.term.length > MAX_EXPANDED_WORD_LENGTH || !allowsAliases(word)) return
  if (word.script === 'bengali') {
    for (const stem of word.stems) {
      // short keys wait for step two: they only count for a word nothing else matched
      const { k0, k1 } = bengaliKeys(stem)
      if (k0.length > SHORT_KEY_MAX_LENGTH) lookups.add(keyQuery(k0, k1, aliasThreshold(k0.length)), LOOKUP_SIZE)
    }
  } else if (word.script === 'other' && ROMANISABLE.test(word.term)) {
    for (const form of new Set([word.term, ...romanSuffixStrips(word.term)])) {
      for (const { k0, k1 } of latinKeys(form)) lookups.add(keyQuery(k0, k1, aliasThreshold(k0.length) + ROMAN_EXTRA_THRESHOLD), LOOKUP_SIZE)
    }
  }
}

/** May the word match spelling variants or romanised forms (not an excluded word or a stopword)? */
function allowsAliases(word: QueryWord): boolean {
  return word.kinds === undefined || word.kinds.has('alias') || word.kinds.has('roman')
}

/**
 * Stems with K0 `k0` whose K1 is within the vowel edits a distance of `threshold` allows: they
 * share a form with that many vowel classes deleted ({@link VocabularyEntry.k1v}).
 */
function keyQuery(k0: string, k1: string, threshold: number): QueryDsl {
  const edits = Math.min(MAX_VOWEL_DELETIONS, Math.floor(threshold / VOWEL_EDIT_COST))
  const k1Query: QueryDsl = edits === 0 ? { term: { k1: { value: k1 } } } : { terms: { k1v: vowelDeletions(k1, edits) } }
  return { bool: { filter: [{ term: { k0: { value: k0 } } }, k1Query] } }
}
