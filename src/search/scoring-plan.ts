/**
 * The scoring plan: every clause of a query plan with, per searched field, the lists to read
 * (sources), its BM25 constants and its share of the clause's score. A clause's idf is computed
 * once over all searched fields; its BM25 factor per field is `idf × boost × clause weight`.
 *
 * @module
 * @internal
 */

import type { InvertedIndex } from '../index/inverted-index.js'
import { ListCursor, type CursorPool } from '../index/list-cursor.js'
import type { Segment } from '../index/segment.js'
import type { Bm25Parameters } from '../types.js'
import { idf, tfNormConstants } from './bm25.js'
import { matchPhrase, type PhraseMatches } from './phrase.js'
import type { PlannedClause } from './plan.js'
import { openSources, wordDocumentFrequency, wordSources, type Source } from './sources.js'
import { ALTERNATIVE_IDF_MARGIN } from './weights.js'
import type { FieldPlan, WordCache } from './word-cache.js'

/** One searched field of a clause. */
export interface ClauseField {
  /** The field's number in the index. */
  readonly field: number
  /** The field's place among the searched fields (reporting order). */
  readonly slot: number
  /** The lists to read, best first. */
  readonly sources: readonly Source[]
  /** `idf × boost × clause weight`. */
  readonly factor: number
  readonly boost: number
  readonly saturation: number
  readonly base: number
  readonly perWord: number
  readonly averageLength: number
  /** Field length by document. */
  readonly lengths: Int32Array
  /** A phrase clause's matches in this field. */
  readonly phrase?: PhraseMatches
}

/** One clause ready to score. */
export interface ScoringClause {
  /** Its place in the query plan. */
  readonly index: number
  readonly planned: PlannedClause
  readonly weight: number
  readonly exclude: boolean
  /** Documents matching the clause in any searched field (estimated, see `wordDocumentFrequency`). */
  readonly df: number
  readonly idf: number
  readonly fields: readonly ClauseField[]
}

/** What a scoring plan needs besides the query plan. */
export interface ScoringSetup {
  readonly index: InvertedIndex
  readonly segments: readonly Segment[]
  /** The searched fields' numbers. */
  readonly fields: readonly number[]
  /** The boost of each searched field. */
  readonly boosts: readonly number[]
  readonly bm25: Bm25Parameters
  /** Plans of recent words, reused (per index generation). */
  readonly cache?: WordCache
  /** Cursors to reuse (released by the caller after the query). */
  readonly cursors?: CursorPool
}

/** Builds the scoring plan of every clause. */
export function planScoring(plan: readonly PlannedClause[], setup: ScoringSetup): ScoringClause[] {
  const clauses = plan.map((planned, index) => planClause(planned, index, setup))
  // compound hook: an alternative reading's idf is capped near the idf of the words it covers
  return clauses.map((clause) => (clause.planned.alternativeOf === undefined ? clause : capAlternative(clause, clauses)))
}

/**
 * An alternative reading (compound-plan.ts) with its idf at most {@link ALTERNATIVE_IDF_MARGIN}
 * times that of the rarest clause it covers: a closed form is rarer than its parts, and uncapped
 * it outranks the documents holding the words as typed.
 */
function capAlternative(clause: ScoringClause, clauses: readonly ScoringClause[]): ScoringClause {
  const covered = Math.max(0, ...(clause.planned.alternativeOf ?? []).map((c) => clauses[c]?.idf ?? 0))
  const capped = Math.min(clause.idf, ALTERNATIVE_IDF_MARGIN * covered)
  if (capped === clause.idf) return clause
  const fields = clause.fields.map((part) => ({ ...part, factor: capped * part.boost * clause.weight }))
  return { ...clause, idf: capped, fields }
}

function planClause(planned: PlannedClause, index: number, setup: ScoringSetup): ScoringClause {
  const { index: inverted, segments, bm25 } = setup
  const phrase = planned.words.length > 1
  const perField = setup.fields.map((field) => {
    if (phrase) {
      // compound hook: a phrase planned from one word (a split closed word) has a key, and its matches are kept per index generation
      const match = (): PhraseMatches => matchPhrase(inverted, segments, field, planned.words)
      const matches = setup.cache === undefined || planned.key === undefined ? match() : setup.cache.phraseMatches(inverted.generation, `${field}\u0000${planned.key}`, match)
      const cursor = new ListCursor()
      const ref = { lists: matches.lists, list: 0 }
      cursor.open(ref.lists, ref.list, inverted.fieldLengths[field]?.data)
      const source: Source = { ref, cursor, weight: 1, segment: segments[0] as Segment, terms: [], stem: -1 }
      return { field, sources: [source], df: matches.wordTerms.size, phrase: matches }
    }
    const terms = planned.words[0] ?? []
    const plan = (): FieldPlan => {
      const sources = wordSources(inverted, segments, field, terms)
      return { sources, df: planned.exclude || sources.length === 0 ? 0 : wordDocumentFrequency(inverted, segments, field, terms) }
    }
    const { cache } = setup
    const { sources, df } = cache === undefined || planned.key === undefined ? plan() : cache.fieldPlan(inverted.generation, `${field}\u0000${planned.key}`, plan)
    return { field, sources: openSources(sources, inverted.fieldLengths[field]?.data, setup.cursors), df, phrase: undefined }
  })
  const df = Math.max(0, ...perField.map((part) => part.df))
  const inverse = idf(df, inverted.liveCount)
  const fields = perField.map(({ field, sources, phrase: matches }, slot): ClauseField => {
    const boost = setup.boosts[slot] ?? 1
    const averageLength = inverted.averageFieldLength(field)
    const { saturation, base, perWord } = tfNormConstants(bm25, averageLength)
    const lengths = inverted.fieldLengths[field]?.data ?? new Int32Array(0)
    const part = { field, slot, sources, factor: inverse * boost * planned.weight, boost, saturation, base, perWord, averageLength, lengths }
    return matches === undefined ? part : { ...part, phrase: matches }
  })
  return { index, planned, weight: planned.weight, exclude: planned.exclude, df, idf: inverse, fields }
}
