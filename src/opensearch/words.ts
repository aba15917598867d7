/**
 * Query analysis for the cluster: the query syntax parsed, each clause's words analysed with the
 * library's chain, and the flags that decide how far each word expands (the same rules as the
 * in-memory planner, `src/search/plan.ts`). The vocabulary lookup, the query and the hits all
 * start from this, so their clause numbers agree.
 *
 * @module
 * @internal
 */

import { isStopword } from '../analysis/stopwords.js'
import { tokenize, type TokenScript } from '../analysis/tokenize.js'
import type { ParsedQuery } from '../query/parse.js'
import { STOPWORD_CLAUSE_WEIGHT } from '../search/weights.js'
import type { MatchKind } from '../types.js'
import { stemsOf } from './stacked.js'

/** Match kinds a phrase word may use, and an excluded word. */
const PHRASE_KINDS: ReadonlySet<MatchKind> = new Set(['exact', 'stem', 'synonym', 'alias', 'roman'])
const EXCLUDE_KINDS: ReadonlySet<MatchKind> = new Set(['exact', 'stem', 'synonym'])
const EXACT_ONLY: ReadonlySet<MatchKind> = new Set(['exact'])

/** Query clauses beyond this many are ignored, as in `SearchIndex` (its `MAX_QUERY_CLAUSES`). */
export const MAX_QUERY_CLAUSES = 64

/** One analysed query word and how far it may expand. */
export interface QueryWord {
  /** The normalised word. */
  readonly term: string
  readonly script: TokenScript
  /** Its folded stems (the word itself when not Bengali). */
  readonly stems: readonly string[]
  /** Complete it as a prefix. */
  readonly prefix: boolean
  /** Correct typos when nothing else matches. */
  readonly fuzzy: boolean
  /** The match kinds kept (undefined: all). */
  readonly kinds: ReadonlySet<MatchKind> | undefined
}

/** One clause: a word, or a phrase of several words. */
export interface AnalysedClause {
  /** The clause as reported in `match.query`. */
  readonly label: string
  /** 1, or less for a stopword. */
  readonly weight: number
  readonly exclude: boolean
  readonly phrase: boolean
  readonly words: readonly QueryWord[]
}

/** Query-wide options of the analysis. */
export interface AnalysisOptions {
  readonly prefix: boolean | 'last'
  readonly fuzzy: boolean
}

/** Analyses every clause of a parsed query (at most {@link MAX_QUERY_CLAUSES}). */
export function analyseQuery(parsed: ParsedQuery, options: AnalysisOptions): AnalysedClause[] {
  const clauses: AnalysedClause[] = []
  const lastClause = parsed.clauses[parsed.clauses.length - 1]
  for (const clause of parsed.clauses) {
    if (clauses.length >= MAX_QUERY_CLAUSES) break
    const tokens = tokenize(clause.text)
    if (tokens.length === 0) continue
    if (clause.type === 'phrase' && tokens.length > 1) {
      const kinds = clause.exclude ? EXCLUDE_KINDS : PHRASE_KINDS
      const words = tokens.map((token) => word(token.term, token.script, false, false, kinds))
      clauses.push({ label: tokens.map((token) => token.term).join(' '), weight: 1, exclude: clause.exclude, phrase: true, words })
      continue
    }
    tokens.forEach((token, i) => {
      if (clauses.length >= MAX_QUERY_CLAUSES) return
      const isLast = i === tokens.length - 1
      const lastOfQuery = isLast && clause === lastClause && clause.type === 'word'
      const asked = options.prefix === true || (options.prefix === 'last' && lastOfQuery)
      const prefix = !clause.exclude && (asked || (clause.type === 'word' && clause.prefix && isLast))
      const stopword = isStopword(token.term)
      const fuzzy = options.fuzzy && !clause.exclude && !stopword
      const kinds = clause.exclude ? EXCLUDE_KINDS : stopword && !prefix ? EXACT_ONLY : undefined
      const weight = stopword ? STOPWORD_CLAUSE_WEIGHT : 1
      clauses.push({ label: token.term, weight, exclude: clause.exclude, phrase: false, words: [word(token.term, token.script, prefix, fuzzy, kinds)] })
    })
  }
  return clauses
}

function word(term: string, script: TokenScript, prefix: boolean, fuzzy: boolean, kinds: ReadonlySet<MatchKind> | undefined): QueryWord {
  return { term, script, stems: stemsOf(term, script), prefix, fuzzy, kinds }
}

/** The query with its phrases read as plain words (the fallback when no document holds a phrase). */
export function phrasesAsWords(parsed: ParsedQuery): ParsedQuery {
  const clauses = parsed.clauses.map((clause) => (clause.type === 'phrase' && !clause.exclude ? { ...clause, type: 'word' as const, prefix: false } : clause))
  return { ...parsed, clauses }
}
