/**
 * The proximity pass: re-scores the best first-stage candidates (the top of `topDocuments`) with
 * the bonus of {@link proximityBonus}, then sorts them again. Positions are read only for those
 * candidates: one cursor per query term and segment, moved forward through the candidates in
 * document order, so a long list is crossed by block jumps, not decoded whole.
 *
 * The first stage (with its pruning) is untouched: the pass only reorders what it returned, so
 * pruned and exhaustive selection still give the same hits.
 *
 * @module
 * @internal
 */

import type { InvertedIndex } from '../index/inverted-index.js'
import { NO_MORE_DOCS } from '../index/compact-lists.js'
import { ListCursor } from '../index/list-cursor.js'
import type { Segment } from '../index/segment.js'
import { forEachClosePair, localPairShare, PROXIMITY, proximityBonus, type ProximityParameters, type ProximityWord } from './proximity.js'
import type { ScoringClause } from './scoring-plan.js'
import type { TopDocument } from './top-docs.js'
import type { MatchKind } from '../types.js'

/**
 * The kinds of match whose positions count. Spelling variants and completions are left out: they
 * are many (two in five of a title word's terms), mostly other words, and reading them cost time
 * for no gain (known-item MRR@10 0.597 with them, 0.602 without).
 */
const POSITION_KINDS: ReadonlySet<MatchKind> = new Set<MatchKind>(['exact', 'stem', 'synonym', 'roman', 'fuzzy', 'compound'])

/** The clauses that take part: single words, not excluded, each distinct word once (by clause index). */
export function proximityClauses(clauses: readonly ScoringClause[]): ScoringClause[] {
  const seen = new Set<string>()
  const chosen: ScoringClause[] = []
  for (const clause of clauses) {
    const { planned } = clause
    if (clause.exclude || planned.alternativeOf !== undefined || planned.words.length !== 1 || (planned.words[0]?.length ?? 0) === 0 || seen.has(planned.label)) continue
    seen.add(planned.label)
    chosen.push(clause)
  }
  return chosen
}

/** How many first-stage candidates to ask for: the page, or {@link ProximityParameters.depth} when the pass will run. */
export function candidateCount(clauses: readonly ScoringClause[], wanted: number, params: ProximityParameters = PROXIMITY): number {
  return params.weight > 0 && proximityClauses(clauses).length >= 2 ? Math.max(wanted, params.depth) : wanted
}

/**
 * Adds the proximity bonus of every searched field (times the field's boost) to each candidate's
 * score and sorts them again (ties keep their first-stage order).
 *
 * @param top - the first-stage candidates, best first
 */
export function rerankByProximity(candidates: readonly TopDocument[], clauses: readonly ScoringClause[], index: InvertedIndex, segments: readonly Segment[], params: ProximityParameters = PROXIMITY): TopDocument[] {
  const words = proximityClauses(clauses)
  if (words.length < 2 || candidates.length < 2 || params.weight === 0) return [...candidates]
  // the window re-scored; the candidates past it follow in their first-stage order
  const top = candidates.slice(0, params.depth)
  return [...rescore(top, words, clauses, index, segments, params), ...candidates.slice(params.depth)]
}

function rescore(top: readonly TopDocument[], words: readonly ScoringClause[], clauses: readonly ScoringClause[], index: InvertedIndex, segments: readonly Segment[], params: ProximityParameters): TopDocument[] {
  const bonus = new Float64Array(top.length)
  const fieldCount = words[0]?.fields.length ?? 0
  for (let slot = 0; slot < fieldCount; slot++) {
    const part = (words[0] as ScoringClause).fields[slot]
    if (part === undefined || part.boost === 0) continue
    const positions = collectPositions(index, segments, part.field, clauses, words, top)
    const wordsOf = (hit: number): ProximityWord[] => words.map((clause, w) => ({ positions: positions[hit]?.[w] ?? [], idf: clause.idf, weight: clause.weight }))
    // how many candidates hold each pair close (for the pair's share)
    const holders = new Map<number, number>()
    top.forEach((_, hit) => forEachClosePair(wordsOf(hit), params, (i, j) => holders.set(i * words.length + j, (holders.get(i * words.length + j) ?? 0) + 1)))
    const candidates = Math.max(top.length, params.depth)
    const share = (i: number, j: number): number => localPairShare(holders.get(i * words.length + j) ?? 1, candidates)
    top.forEach((found, hit) => {
      if (positions[hit] === undefined) return
      bonus[hit] = (bonus[hit] as number) + part.boost * proximityBonus(wordsOf(hit), part.lengths[found.doc] as number, part.averageLength, params, share)
    })
  }
  return top
    .map((found, hit) => ({ found, hit, score: found.score + (bonus[hit] as number) }))
    .sort((a, b) => b.score - a.score || a.hit - b.hit)
    .map(({ found, score }) => ({ ...found, score }))
}

/**
 * Per candidate (by its place in `top`), per proximity word: the sorted positions of any of the
 * word's terms in the field. A closed compound of several query words (an alternative clause of
 * one word) stands at the position of each word it covers, so the words count as side by side.
 *
 * Each term is read once per segment, whatever number of clauses hold it (a closed compound is a
 * term of both words it joins and of its own clause), for the candidates any of them matched;
 * its positions then go to the words of each clause that matched the candidate, as often as the
 * clause lists the term.
 */
export function collectPositions(
  index: InvertedIndex,
  segments: readonly Segment[],
  field: number,
  clauses: readonly ScoringClause[],
  words: readonly ScoringClause[],
  top: readonly TopDocument[],
): (number[][] | undefined)[] {
  const found = new Array<number[][] | undefined>(top.length)
  const wordOf = new Map(words.map((clause, w) => [clause.index, w]))
  // a candidate that matched fewer than two of the words (a closed compound counts for those it joins) has no pair to read
  const byDocument = top
    .map((_, hit) => hit)
    .filter((hit) => wordsMatched(top[hit] as TopDocument, clauses, wordOf) >= 2)
    .sort((a, b) => (top[a] as TopDocument).doc - (top[b] as TopDocument).doc)
  if (byDocument.length === 0) return found
  // a term none of whose clauses a candidate matched is not read
  const readers = termReaders(
    clauses.filter((clause) => byDocument.some((hit) => ((top[hit] as TopDocument).fieldSlots[clause.index] as number) !== 0)),
    wordOf,
  )
  const cursor = new ListCursor()
  const scratch: number[] = []
  for (const segment of segments) {
    const lists = segment.fields[field]?.terms
    if (lists === undefined) continue
    const inSegment = byDocument.filter((hit) => {
      const doc = (top[hit] as TopDocument).doc
      return doc >= segment.firstDoc && doc < segment.endDoc
    })
    if (inSegment.length === 0) continue
    for (const [termId, readings] of readers) {
      if (!cursor.open(lists, termId)) continue
      for (const hit of inSegment) {
        const candidate = top[hit] as TopDocument
        // only candidates a clause holding the term matched somewhere (its positions are then in some field)
        if (!readings.some((reading) => (candidate.fieldSlots[reading.clause] as number) !== 0)) continue
        const doc = candidate.doc
        const at = cursor.doc < doc ? cursor.advance(doc) : cursor.doc
        if (at === NO_MORE_DOCS) break
        if (at !== doc) continue
        const perWord = (found[hit] ??= words.map(() => []))
        cursor.readPositions(scratch)
        for (const reading of readings) {
          if ((candidate.fieldSlots[reading.clause] as number) === 0) continue
          for (const target of reading.targets) for (const position of scratch) (perWord[target] as number[]).push(position)
        }
      }
    }
  }
  for (const perWord of found) for (const list of perWord ?? []) list.sort((a, b) => a - b)
  return found
}

/** One clause's reading of a term: the clause (its index in the plan) and the proximity words it feeds. */
interface TermReading {
  readonly clause: number
  readonly targets: readonly number[]
}

/**
 * The terms whose positions count (by term id, in the clauses' order), each with the readings of
 * every clause that lists it: a proximity word's own clause feeds that word, a one-word
 * alternative (a closed compound) feeds each word it covers.
 */
function termReaders(clauses: readonly ScoringClause[], wordOf: ReadonlyMap<number, number>): Map<number, TermReading[]> {
  const readers = new Map<number, TermReading[]>()
  for (const clause of clauses) {
    const own = wordOf.get(clause.index)
    const covered = clause.planned.alternativeOf
    const targets = own !== undefined ? [own] : covered !== undefined && clause.planned.words.length === 1 ? covered.flatMap((c) => wordOf.get(c) ?? []) : []
    if (targets.length === 0) continue
    for (const term of clause.planned.words[0] ?? []) {
      if (!POSITION_KINDS.has(term.kind)) continue
      let readings = readers.get(term.termId)
      if (readings === undefined) readers.set(term.termId, (readings = []))
      readings.push({ clause: clause.index, targets })
    }
  }
  return readers
}

/** How many proximity words a candidate matched, itself or through a closed compound covering them. */
function wordsMatched(hit: TopDocument, clauses: readonly ScoringClause[], wordOf: ReadonlyMap<number, number>): number {
  const matched = new Set<number>()
  for (const clause of clauses) {
    if ((hit.fieldSlots[clause.index] as number) === 0) continue
    const own = wordOf.get(clause.index)
    if (own !== undefined) matched.add(own)
    else if (clause.planned.words.length === 1) for (const c of clause.planned.alternativeOf ?? []) if (wordOf.has(c)) matched.add(wordOf.get(c) as number)
  }
  return matched.size
}
