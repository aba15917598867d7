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
import { expandWord, type ExpandedTerm, type ExpansionContext } from './expand.js'
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
}

/** Plan options. */
export interface PlanOptions {
  readonly prefix: boolean | 'last'
  readonly fuzzy: boolean
}

const PHRASE_KINDS = new Set(['exact', 'stem', 'synonym', 'alias', 'roman'])
const EXCLUDE_KINDS = new Set(['exact', 'stem', 'synonym'])

/** Analyses every clause of a parsed query and expands its words. */
export function planQuery(parsed: ParsedQuery, context: ExpansionContext, options: PlanOptions, maxClauses = Number.POSITIVE_INFINITY): PlannedClause[] {
  const planned: PlannedClause[] = []
  const lastClause = parsed.clauses[parsed.clauses.length - 1]
  for (const clause of parsed.clauses) {
    if (planned.length >= maxClauses) break
    const tokens = tokenize(clause.text)
    if (tokens.length === 0) continue
    if (clause.type === 'phrase' && tokens.length > 1) {
      const words = tokens.map((token) =>
        expandWord(token.term, token.script, context, { prefix: false, fuzzy: false }).filter((term) =>
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
      let terms = expandWord(token.term, token.script, context, { prefix, fuzzy: options.fuzzy && !clause.exclude && !stopword })
      if (clause.exclude) terms = terms.filter((term) => EXCLUDE_KINDS.has(term.kind))
      // a function word needs no variants: its exact form is enough, and far cheaper to score
      else if (stopword && !prefix) terms = terms.filter((term) => term.kind === 'exact')
      const weight = stopword ? STOPWORD_CLAUSE_WEIGHT : 1
      planned.push({ label: token.term, weight, exclude: clause.exclude, words: [terms] })
    })
  }
  return planned
}
