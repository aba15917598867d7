/**
 * Executes a query plan against the index: BM25 per field and clause (all the terms a clause
 * matches count as one pseudo-term, each weighted by its match kind), field boosts, a
 * coordination factor, exclusions, phrase checks over positions, and top-k selection.
 *
 * @module
 * @internal
 */

import type { InvertedIndex } from '../index/inverted-index.js'
import type { Bm25Parameters, MatchKind } from '../types.js'
import { idf, tfNorm } from './bm25.js'
import type { ExpandedTerm } from './expand.js'
import type { PlannedClause } from './plan.js'
import { COORDINATION_EXPONENT } from './weights.js'

/** What scoring needs besides the plan. */
export interface ScoringSetup {
  readonly index: InvertedIndex
  readonly fields: readonly number[]
  readonly boosts: readonly number[]
  readonly bm25: Bm25Parameters
  readonly requireAll: boolean
}

/** The best match of one clause in one document. */
export interface ClauseMatch {
  readonly clause: number
  readonly termId: number
  readonly field: number
  readonly kind: MatchKind
}

/** One scored document. */
export interface ScoredDocument {
  readonly doc: number
  readonly score: number
}

/** One part of a score, for `explain`. */
export interface ScorePart {
  readonly doc: number
  readonly clause: number
  readonly field: number
  readonly tf: number
  readonly df: number
  readonly idf: number
  readonly fieldLength: number
  readonly averageFieldLength: number
  readonly boost: number
  readonly score: number
}

/** The outcome of scoring: every candidate's score, and where each clause matched. */
export class ScoredQuery {
  /** Candidate documents (deleted and excluded ones never appear). */
  readonly candidates: number[] = []
  readonly scores: Float64Array
  private readonly matchedWeight: Float64Array
  private readonly excluded: Uint8Array
  private readonly seen: Uint8Array
  /** Per clause: document → 1 + index of the best matching term of the clause's first word. */
  private readonly bestTerm: Int32Array[]
  private readonly bestField: Uint8Array[]
  private totalWeight = 0

  constructor(
    private readonly plan: readonly PlannedClause[],
    private readonly setup: ScoringSetup,
    private readonly explainFor?: ReadonlySet<number>,
    readonly parts: ScorePart[] = [],
  ) {
    const size = setup.index.documentCount
    this.scores = new Float64Array(size)
    this.matchedWeight = new Float64Array(size)
    this.excluded = new Uint8Array(size)
    this.seen = new Uint8Array(size)
    this.bestTerm = plan.map(() => new Int32Array(size))
    this.bestField = plan.map(() => new Uint8Array(size))
    this.run()
  }

  /** The final score of a candidate: the BM25 sum times the coordination factor. */
  finalScore(doc: number): number {
    const coverage = this.totalWeight > 0 ? (this.matchedWeight[doc] as number) / this.totalWeight : 0
    return (this.scores[doc] as number) * coverage ** COORDINATION_EXPONENT
  }

  /** Is the candidate eligible (not excluded; every clause matched when `and` is asked)? */
  accepts(doc: number): boolean {
    if (this.excluded[doc] === 1) return false
    if (!this.setup.requireAll) return true
    return this.plan.every((clause, i) => clause.exclude || (this.bestTerm[i] as Int32Array)[doc] !== 0)
  }

  /** The best match of every clause that matched the document. */
  matchesOf(doc: number): ClauseMatch[] {
    const found: ClauseMatch[] = []
    this.plan.forEach((clause, i) => {
      const best = (this.bestTerm[i] as Int32Array)[doc] as number
      if (clause.exclude || best === 0) return
      const term = clause.words[0]?.[best - 1]
      if (term === undefined) return
      found.push({ clause: i, termId: term.termId, field: (this.bestField[i] as Uint8Array)[doc] as number, kind: term.kind })
    })
    return found
  }

  private run(): void {
    this.plan.forEach((clause) => {
      if (clause.exclude) this.markExcluded(clause)
      else this.totalWeight += clause.weight
    })
    this.plan.forEach((clause, i) => {
      if (!clause.exclude) this.scoreClause(clause, i)
    })
  }

  private markExcluded(clause: PlannedClause): void {
    for (const field of this.setup.fields) {
      for (const doc of this.clauseFrequencies(clause, field).keys()) this.excluded[doc] = 1
    }
  }

  private scoreClause(clause: PlannedClause, clauseIndex: number): void {
    const { index, bm25 } = this.setup
    const matchedHere = new Set<number>()
    this.setup.fields.forEach((field, fieldSlot) => {
      const frequencies = this.clauseFrequencies(clause, field, clauseIndex)
      if (frequencies.size === 0) return
      const inverse = idf(frequencies.size, index.liveCount)
      const average = index.averageFieldLength(field)
      const boost = this.setup.boosts[fieldSlot] ?? 1
      for (const [doc, tf] of frequencies) {
        const length = index.fieldLength(field, doc)
        const score = inverse * tfNorm(tf, length, average, bm25) * boost * clause.weight
        if (this.seen[doc] === 0) {
          this.seen[doc] = 1
          this.candidates.push(doc)
        }
        this.scores[doc] = (this.scores[doc] as number) + score
        matchedHere.add(doc)
        if (this.explainFor?.has(doc)) {
          this.parts.push({ doc, clause: clauseIndex, field, tf, df: frequencies.size, idf: inverse, fieldLength: length, averageFieldLength: average, boost, score })
        }
      }
    })
    for (const doc of matchedHere) this.matchedWeight[doc] = (this.matchedWeight[doc] as number) + clause.weight
  }

  /** Weighted term frequency of the clause in each document of one field. */
  private clauseFrequencies(clause: PlannedClause, field: number, clauseIndex = -1): Map<number, number> {
    if (clause.words.length === 1) return this.wordFrequencies(clause.words[0] ?? [], field, clauseIndex)
    return this.phraseFrequencies(clause.words, field, clauseIndex)
  }

  private wordFrequencies(terms: readonly ExpandedTerm[], field: number, clauseIndex: number): Map<number, number> {
    const { index } = this.setup
    const frequencies = new Map<number, number>()
    terms.forEach((term, termIndex) => {
      const reader = index.postings(field, term.termId)
      if (reader === undefined) return
      while (reader.next()) {
        const doc = reader.doc
        if (index.isDeleted(doc)) continue
        frequencies.set(doc, (frequencies.get(doc) ?? 0) + term.weight * reader.tf)
        if (clauseIndex >= 0) this.noteBest(clauseIndex, doc, termIndex, field)
      }
    })
    return frequencies
  }

  /** Occurrences of the words in order at consecutive positions, weighted by the weakest word. */
  private phraseFrequencies(words: readonly (readonly ExpandedTerm[])[], field: number, clauseIndex: number): Map<number, number> {
    const perWord = words.map((terms) => this.positionsByDocument(terms, field))
    const result = new Map<number, number>()
    const [first, ...rest] = perWord
    if (first === undefined) return result
    for (const [doc, start] of first) {
      const later = rest.map((word) => word.get(doc))
      if (later.some((entry) => entry === undefined)) continue
      let count = 0
      let weight = start.weight
      for (const position of start.positions) {
        if (later.every((entry, offset) => entry?.positions.has(position + offset + 1))) count++
      }
      if (count === 0) continue
      for (const entry of later) weight = Math.min(weight, entry?.weight ?? 0)
      result.set(doc, count * weight)
      if (clauseIndex >= 0) this.noteBest(clauseIndex, doc, start.termIndex, field)
    }
    return result
  }

  private positionsByDocument(
    terms: readonly ExpandedTerm[],
    field: number,
  ): Map<number, { positions: Set<number>; weight: number; termIndex: number }> {
    const { index } = this.setup
    const byDoc = new Map<number, { positions: Set<number>; weight: number; termIndex: number }>()
    const buffer: number[] = []
    terms.forEach((term, termIndex) => {
      const reader = index.postings(field, term.termId)
      if (reader === undefined) return
      while (reader.next()) {
        if (index.isDeleted(reader.doc)) continue
        let entry = byDoc.get(reader.doc)
        if (entry === undefined) {
          entry = { positions: new Set(), weight: term.weight, termIndex }
          byDoc.set(reader.doc, entry)
        }
        for (const position of reader.readPositions(buffer)) entry.positions.add(position)
      }
    })
    return byDoc
  }

  private noteBest(clauseIndex: number, doc: number, termIndex: number, field: number): void {
    const best = this.bestTerm[clauseIndex] as Int32Array
    if (best[doc] === 0) {
      best[doc] = termIndex + 1
      ;(this.bestField[clauseIndex] as Uint8Array)[doc] = field
    }
  }
}

/** The `count` best eligible candidates, best first (ties broken by document number). */
export function selectTop(scored: ScoredQuery, count: number, keep: (doc: number) => boolean): ScoredDocument[] {
  const heap: ScoredDocument[] = []
  for (const doc of scored.candidates) {
    if (!scored.accepts(doc)) continue
    const score = scored.finalScore(doc)
    if (score <= 0) continue
    if (heap.length === count && !isBetter(score, doc, heap[0] as ScoredDocument)) continue
    if (!keep(doc)) continue
    if (heap.length < count) pushHeap(heap, { doc, score })
    else replaceTop(heap, { doc, score })
  }
  return heap.sort((a, b) => (isBetter(a.score, a.doc, b) ? -1 : 1))
}

function isBetter(score: number, doc: number, other: ScoredDocument): boolean {
  return score > other.score || (score === other.score && doc < other.doc)
}

/** Min-heap by quality: the worst kept hit sits at the top. */
function pushHeap(heap: ScoredDocument[], item: ScoredDocument): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!isBetter((heap[parent] as ScoredDocument).score, (heap[parent] as ScoredDocument).doc, item)) break
    heap[i] = heap[parent] as ScoredDocument
    i = parent
  }
  heap[i] = item
}

function replaceTop(heap: ScoredDocument[], item: ScoredDocument): void {
  let i = 0
  const n = heap.length
  for (;;) {
    const left = 2 * i + 1
    if (left >= n) break
    const right = left + 1
    let worst = left
    const leftItem = heap[left] as ScoredDocument
    if (right < n && isBetter(leftItem.score, leftItem.doc, heap[right] as ScoredDocument)) worst = right
    const worstItem = heap[worst] as ScoredDocument
    if (!isBetter(item.score, item.doc, worstItem)) break
    heap[i] = worstItem
    i = worst
  }
  heap[i] = item
}
