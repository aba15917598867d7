/**
 * Hit building: how each clause matched a selected document (the term as indexed, the field, the
 * kind of match; every word of a phrase), and score explanations.
 *
 * @module
 * @internal
 */

import { ListCursor } from '../index/list-cursor.js'
import type { Vocabulary } from '../index/vocabulary.js'
import type { MatchInfo, ScoreExplanation } from '../types.js'
import type { ExpandedTerm } from './expand.js'
import type { ClauseField, ScoringClause } from './scoring-plan.js'
import type { Source } from './sources.js'
import type { TopDocument } from './top-docs.js'
import { MATCH_KIND_ORDER, WEIGHT_SCALE } from './weights.js'

/**
 * How each clause matched each hit, best kind first. Hits are visited in document order, so the
 * lists read to tell which term of a stem matched only move forward.
 */
export function describeHits(clauses: readonly ScoringClause[], hits: readonly TopDocument[], vocabulary: Vocabulary, fieldNames: readonly string[]): MatchInfo[][] {
  const resolver = new TermResolver()
  const described = new Array<MatchInfo[]>(hits.length)
  const byDocument = hits.map((_, i) => i).sort((a, b) => (hits[a] as TopDocument).doc - (hits[b] as TopDocument).doc)
  for (const i of byDocument) described[i] = describeMatches(clauses, hits[i] as TopDocument, vocabulary, fieldNames, resolver)
  return described
}

/**
 * How each clause matched one document, best kind first; the words of a phrase stay together, in
 * the phrase's order, ranked by their best kind.
 */
function describeMatches(clauses: readonly ScoringClause[], hit: TopDocument, vocabulary: Vocabulary, fieldNames: readonly string[], resolver: TermResolver): MatchInfo[] {
  const found: MatchInfo[][] = []
  for (const clause of clauses) {
    const slot = hit.fieldSlots[clause.index] as number
    if (clause.exclude || slot === 0) continue
    const part = clause.fields[slot - 1] as ClauseField
    const field = fieldNames[part.field] as string
    const query = clause.planned.label
    if (part.phrase !== undefined) {
      const words = part.phrase.wordTerms.get(hit.doc) ?? []
      found.push(
        Array.from(words, (termId, i) => {
          const kind = clause.planned.words[i]?.find((term) => term.termId === termId)?.kind ?? 'exact'
          return { query, term: vocabulary.terms.get(termId), field, kind }
        }),
      )
      continue
    }
    const term = resolver.matchedTerm(part.sources[hit.sourceIndexes[clause.index] as number] as Source, part.field, hit.doc)
    if (term !== undefined) found.push([{ query, term: vocabulary.terms.get(term.termId), field, kind: term.kind }])
  }
  return found.sort((a, b) => bestRank(a) - bestRank(b)).flat()
}

function bestRank(matches: readonly MatchInfo[]): number {
  return Math.min(...matches.map((match) => MATCH_KIND_ORDER.indexOf(match.kind)))
}

/** Tells which term of a stem list a document holds, with one cursor per term kept for increasing documents. */
class TermResolver {
  private readonly cursors = new Map<Source, Map<number, ListCursor>>()

  /** The best term a source stands for that the document holds (a stem list stands for several). */
  matchedTerm(source: Source, field: number, doc: number): ExpandedTerm | undefined {
    if (source.stem < 0) return source.terms[0]
    const lists = source.segment.fields[field]?.terms
    if (lists === undefined) return undefined
    let byTerm = this.cursors.get(source)
    if (byTerm === undefined) this.cursors.set(source, (byTerm = new Map()))
    for (const term of source.terms) {
      let cursor = byTerm.get(term.termId)
      if (cursor === undefined) {
        cursor = new ListCursor()
        cursor.open(lists, term.termId)
        byTerm.set(term.termId, cursor)
      }
      if (cursor.advance(doc) === doc) return term
    }
    return undefined
  }
}

/** The scoring parts of one document: per clause and field it matched, the BM25 inputs and result. */
export function explainDocument(clauses: readonly ScoringClause[], doc: number, fieldNames: readonly string[]): ScoreExplanation[] {
  const parts: ScoreExplanation[] = []
  const cursor = new ListCursor()
  for (const clause of clauses) {
    if (clause.exclude) continue
    for (const part of clause.fields) {
      let weighted = 0
      for (const source of part.sources) {
        if (cursor.open(source.ref.lists, source.ref.list) && cursor.advance(doc) === doc) weighted += source.weight * cursor.tf
      }
      if (weighted === 0) continue
      const tf = weighted / WEIGHT_SCALE
      const fieldLength = part.lengths[doc] as number
      parts.push({
        clause: clause.planned.label,
        field: fieldNames[part.field] as string,
        tf,
        df: clause.df,
        idf: clause.idf,
        fieldLength,
        averageFieldLength: part.averageLength,
        boost: part.boost,
        score: (part.factor * part.saturation * tf) / (tf + part.base + part.perWord * fieldLength),
        clauseWeight: clause.weight,
      })
    }
  }
  return parts
}
