/**
 * Reaches into a SearchIndex for the ranking experiments: its query plan (how each word
 * expanded), with the terms spelt out. Bench code only; the library's API stays as it is.
 */
import type { SearchIndex } from '../../src/index.js'
import type { InvertedIndex } from '../../src/index/inverted-index.js'
import { parseQuery } from '../../src/query/parse.js'
import type { ExpansionContext } from '../../src/search/expand.js'
import type { FuzzyMatcher } from '../../src/search/fuzzy.js'
import { planQuery } from '../../src/search/plan.js'
import type { PrefixLookup } from '../../src/search/prefix.js'

interface Private {
  inverted: InvertedIndex
  prefixes: PrefixLookup
  fuzzy: FuzzyMatcher
  synonyms: ReadonlyMap<string, readonly string[]>
}

/** The expansion context the index itself uses. */
export function contextOf(index: SearchIndex): ExpansionContext {
  const own = index as unknown as Private
  return { index: own.inverted, prefixes: own.prefixes, fuzzy: own.fuzzy, synonyms: own.synonyms }
}

/** One planned clause, readable: its label, weight and per word the best few terms as `term:kind:weight`. */
export interface ShownClause {
  label: string
  weight: number
  exclude: boolean
  /** An alternative reading (a compound join or split) of the clauses listed. */
  alternativeOf?: readonly number[]
  words: { count: number; top: string[] }[]
}

/** The plan of a query as the index would run it with default options. */
export function showPlan(index: SearchIndex, query: string, options: { prefix?: boolean | 'last'; fuzzy?: boolean } = {}, topTerms = 6): ShownClause[] {
  const context = contextOf(index)
  const { terms } = context.index.vocabulary
  const plan = planQuery(parseQuery(query), context, { prefix: options.prefix ?? false, fuzzy: options.fuzzy ?? true }, 64)
  return plan.map((clause) => ({
    label: clause.label,
    weight: clause.weight,
    exclude: clause.exclude,
    ...(clause.alternativeOf === undefined ? {} : { alternativeOf: clause.alternativeOf }),
    words: clause.words.map((word) => ({
      count: word.length,
      top: word.slice(0, topTerms).map((term) => `${terms.get(term.termId)}:${term.kind}:${term.weight.toFixed(2)}:df${context.index.documentFrequency(term.termId)}`),
    })),
  }))
}
