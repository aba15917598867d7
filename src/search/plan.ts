/**
 * Turns a parsed query into a plan: for every clause, the weighted indexed terms each of its
 * words matches. The analysis here is the same chain the documents went through.
 *
 * @module
 * @internal
 */

import { isStopword } from '../analysis/stopwords.js'
import { tokenize } from '../analysis/tokenize.js'
import type { ParsedQuery } from '../query/parse.js'
import type { TokenScript } from '../analysis/tokenize.js'
import { withCompounds, type PlannedWord } from './compound-plan.js'
import { expandWord, type ExpandedTerm, type ExpansionContext, type ExpansionOptions } from './expand.js'
import { STOPWORD_CLAUSE_WEIGHT } from './weights.js'

/** One clause ready to score: a single word (`words.length === 1`) or a phrase. */
export interface PlannedClause {
  /** The query text of the clause, as reported in `match.query`. */
  readonly label: string
  /** The clause's weight in the ranking (lower for stopwords). */
  readonly weight: number
  /** Documents matching the clause are excluded. */
  readonly exclude: boolean
  /** The matching terms of each word, best first. */
  readonly words: readonly (readonly ExpandedTerm[])[]
  /**
   * For a one-word clause: names its word and how its terms were chosen (the key of its cached
   * plans); for the phrase of a split closed word, names that word (the key of its cached matches).
   */
  readonly key?: string
  /**
   * Another reading of the clauses listed (two words as their closed compound, a closed word as
   * its parts written apart), added by compound-plan.ts.
   */
  readonly alternativeOf?: readonly number[]
}

/** Plan options. */
export interface PlanOptions {
  readonly prefix: boolean | 'last'
  readonly fuzzy: boolean
  /** `'and'`: every word is required (compound readings then join the words' own terms). */
  readonly combineWith?: 'and' | 'or'
}

const PHRASE_KINDS = new Set(['exact', 'stem', 'synonym', 'alias', 'roman'])
const EXCLUDE_KINDS = new Set(['exact', 'stem', 'synonym'])

/** Analyses every clause of a parsed query and expands its words. */
export function planQuery(parsed: ParsedQuery, context: ExpansionContext, options: PlanOptions, maxClauses = Number.POSITIVE_INFINITY): PlannedClause[] {
  const planned: PlannedClause[] = []
  const words: PlannedWord[] = [] // compound hook: the single words, for joins and splits
  let follows = false
  const lastClause = parsed.clauses[parsed.clauses.length - 1]
  for (const clause of parsed.clauses) {
    if (planned.length >= maxClauses) break
    const tokens = tokenize(clause.text)
    if (tokens.length === 0) continue
    if (clause.type === 'phrase' || clause.exclude) follows = false
    if (clause.type === 'phrase' && tokens.length > 1) {
      const words = tokens.map((token) =>
        cachedExpansion(token.term, token.script, context, { prefix: false, fuzzy: false }, `--${token.script[0]}${token.term}`).filter((term) =>
          (clause.exclude ? EXCLUDE_KINDS : PHRASE_KINDS).has(term.kind),
        ),
      )
      planned.push({ label: tokens.map((token) => token.term).join(' '), weight: 1, exclude: clause.exclude, words })
      continue
    }
    tokens.forEach((token, i) => {
      if (planned.length >= maxClauses) return
      const isLast = i === tokens.length - 1
      const lastOfQuery = isLast && clause === lastClause && clause.type === 'word'
      const asked = options.prefix === true || (options.prefix === 'last' && lastOfQuery)
      const prefix = !clause.exclude && (asked || (clause.type === 'word' && clause.prefix && isLast))
      const stopword = isStopword(token.term)
      const expansion = { prefix, fuzzy: options.fuzzy && !clause.exclude && !stopword }
      const expansionKey = `${expansion.prefix ? 'p' : '-'}${expansion.fuzzy ? 'f' : '-'}${token.script[0]}${token.term}`
      let terms = cachedExpansion(token.term, token.script, context, expansion, expansionKey)
      let kinds = 'all'
      if (clause.exclude) {
        terms = terms.filter((term) => EXCLUDE_KINDS.has(term.kind))
        kinds = 'exclude'
      }
      // a function word needs no variants: its exact form is enough, and far cheaper to score
      else if (stopword && !prefix) {
        terms = terms.filter((term) => term.kind === 'exact')
        kinds = 'exact'
      }
      const weight = stopword ? STOPWORD_CLAUSE_WEIGHT : 1
      if (!clause.exclude && !prefix) words.push({ clause: planned.length, term: token.term, script: token.script, followsPrevious: follows })
      follows = !clause.exclude && !prefix
      planned.push({ label: token.term, weight, exclude: clause.exclude, words: [terms], key: `${kinds}\u0000${expansionKey}` })
    })
  }
  // compound hook (compound-plan.ts): neighbouring words also match their closed compound, and a
  // closed word also its two parts written apart
  return withCompounds(planned, words, context, options.combineWith === 'and', maxClauses)
}

/** A word's expansion, from the index's word cache when it has one. */
function cachedExpansion(term: string, script: TokenScript, context: ExpansionContext, options: ExpansionOptions, key: string): readonly ExpandedTerm[] {
  const cache = context.cache
  return cache === undefined ? expandWord(term, script, context, options) : cache.expansion(context.index.generation, key, () => expandWord(term, script, context, options))
}
