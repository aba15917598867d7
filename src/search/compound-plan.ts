/**
 * Puts compound matching into a query plan (the look-ups are in compounds.ts). Everything it adds
 * is an ordinary clause, or ordinary terms of a clause, so scoring and its pruning bounds treat it
 * like any other:
 *
 * - two neighbouring query words whose closed form the index holds: the form (and its other
 *   inflections) is added to the terms of both words (a document holding `স্বর্ণমন্দিরের` holds
 *   `স্বর্ণ` and `মন্দিরের`), and also gets an alternative clause of its own, weighing as one word,
 *   with its idf capped at the rarer word's (scoring-plan.ts), so the rare closed form counts;
 * - a closed query word that splits into two frequent indexed words gets an alternative clause,
 *   the two words as a phrase;
 * - when every word is required (`combineWith: 'and'`), an alternative clause would be required
 *   too: only the terms are added, and no split is tried.
 *
 * @module
 * @internal
 */

import type { TokenScript } from '../analysis/tokenize.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import { COMPOUNDS, findJoin, findSplit, type CompoundVocabulary } from './compounds.js'
import { inflectedTerms, MAX_EXPANDED_WORD_LENGTH, type ExpandedTerm, type ExpansionContext } from './expand.js'
import type { PlannedClause } from './plan.js'
import { ALTERNATIVE_WEIGHT_SHARE, MATCH_WEIGHTS } from './weights.js'

/** A single-word clause of the plan, with the word it was planned from. */
export interface PlannedWord {
  /** Index of its clause in the plan. */
  readonly clause: number
  readonly term: string
  readonly script: TokenScript
  /** Does it follow the previous planned word directly in the query (no phrase or exclusion between)? */
  readonly followsPrevious: boolean
}

/**
 * The plan with compound readings added (at most `maxClauses` clauses in all).
 *
 * @param requireAll - every word is required (`combineWith: 'and'`)
 */
export function withCompounds(plan: readonly PlannedClause[], allWords: readonly PlannedWord[], context: ExpansionContext, requireAll: boolean, maxClauses: number): PlannedClause[] {
  const vocabulary = compoundVocabulary(context.index)
  // the look-ups depend only on the words, the index generation and the constants (which the
  // benchmark's sweeps change): kept in the index's word cache when it has one
  const constants = Object.values(COMPOUNDS).join()
  const lookup = <T>(key: string, find: () => T | undefined): T | undefined =>
    context.cache === undefined ? find() : context.cache.compound(context.index.generation, `${key}\u0000${constants}`, find)
  const out = [...plan]
  // longer words (no real word is this long) are matched exactly only, as in expansion
  const words = allWords.map((word) => (word.term.length > MAX_EXPANDED_WORD_LENGTH ? { ...word, script: 'other' as const } : word))
  words.forEach((word, i) => {
    const previous = words[i - 1]
    if (previous === undefined || !word.followsPrevious || previous.script !== 'bengali' || word.script !== 'bengali') return
    const label = `${previous.term} ${word.term}`
    const terms = lookup(`join\u0000${label}`, () => {
      const join = findJoin(previous.term, word.term, vocabulary)
      return join === undefined ? undefined : joinTerms(context.index, join.termId, join.stemId)
    })
    if (terms === undefined) return
    const covered = [previous.clause, word.clause]
    // the closed form is a form of both words: a document holding it holds them (saturating with
    // the words as typed, never counted twice over)
    for (const c of covered) out[c] = withTerms(out[c] as PlannedClause, terms, label)
    if (requireAll || out.length >= maxClauses) return
    // and a reading of its own, for the idf of the rarer closed form
    const weight = ALTERNATIVE_WEIGHT_SHARE * covered.reduce((sum, c) => sum + (plan[c]?.weight ?? 0), 0)
    out.push({ label, weight, exclude: false, words: [terms], key: `compound\u0000${label}`, alternativeOf: covered })
  })
  if (requireAll) return out
  for (const word of words) {
    if (word.script !== 'bengali' || out.length >= maxClauses) continue
    const key = `split\u0000${word.term}`
    const split = lookup(key, () => findSplit(word.term, vocabulary))
    const source = out[word.clause]
    if (split === undefined || source === undefined) continue
    // the first part as written in the closed word, the last with its inflections (a compound is
    // inflected on its last member: প্রতিরক্ষামন্ত্রীর → প্রতিরক্ষা মন্ত্রীর)
    const parts = [split.left, split.right].map((part, i) =>
      partTerms(part, context)
        .filter((term) => i > 0 || term.kind === 'exact')
        .map((term) => ({ ...term, weight: term.weight * MATCH_WEIGHTS.compound })),
    )
    if (parts.some((terms) => terms.length === 0)) continue
    // keyed by the word it was split from: its phrase matches are kept per index generation (scoring-plan.ts)
    out.push({ label: `${split.left} ${split.right}`, weight: source.weight, exclude: false, words: parts, key: `${key}\u0000${constants}`, alternativeOf: [word.clause] })
  }
  return out
}

/** A part's own forms as a phrase word (its exact and stem terms), from the index's word cache when it has one. */
function partTerms(part: string, context: ExpansionContext): readonly ExpandedTerm[] {
  const cache = context.cache
  const expand = (): ExpandedTerm[] => inflectedTerms(part, context)
  return cache === undefined ? expand() : cache.expansion(context.index.generation, `inflections\u0000${part}`, expand)
}

/** A one-word clause with the terms of a compound added (those it has keep their weight); `label` names them in its cache key. */
function withTerms(clause: PlannedClause, extra: readonly ExpandedTerm[], label: string): PlannedClause {
  const own = clause.words[0] ?? []
  const known = new Set(own.map((term) => term.termId))
  const words = [[...own, ...extra.filter((term) => !known.has(term.termId))]]
  const key = clause.key === undefined ? undefined : `${clause.key}\u0000+${label}`
  return { label: clause.label, weight: clause.weight, exclude: clause.exclude, words, ...(key === undefined ? {} : { key }) }
}

/** The closed form at the compound weight, and the other terms of its stem at the stem share of that. */
function joinTerms(index: InvertedIndex, termId: number, stemId: number): ExpandedTerm[] {
  const terms: ExpandedTerm[] = []
  if (termId >= 0) terms.push({ termId, weight: MATCH_WEIGHTS.compound, kind: 'compound', via: -1 })
  if (stemId >= 0) {
    index.vocabulary.forEachTermOfStem(stemId, (other) => {
      if (other !== termId && index.hasLiveDocuments(other)) terms.push({ termId: other, weight: MATCH_WEIGHTS.compound * MATCH_WEIGHTS.stem, kind: 'compound', via: stemId })
    })
  }
  return terms
}

/** The index seen through the narrow interface of compounds.ts. */
function compoundVocabulary(index: InvertedIndex): CompoundVocabulary {
  const { vocabulary } = index
  return {
    termId: (term) => vocabulary.termId(term),
    termFrequency: (termId) => index.documentFrequency(termId),
    stemId: (stem) => vocabulary.stemId(stem),
    stemFrequency: (stemId) => index.stemFrequency(stemId),
  }
}
