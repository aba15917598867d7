/**
 * Top-k retrieval with dynamic pruning (MaxScore over windows of documents, after Turtle and
 * Flood, as Lucene 9 runs it): documents are scored window by window; in each window the clauses
 * whose best possible scores together cannot reach the current k-th score are "non-essential":
 * their lists are never scanned, only probed for the documents the other clauses bring, and a
 * candidate is dropped as soon as its score plus what the rest could add stays below the k-th.
 * Bounds come from the block tables of the lists (largest tf, shortest field per block of 128
 * postings), so they hold after any add, remove or vacuum.
 *
 * The score of a document is `Σ clause scores (in clause order) × coordination`, computed the same
 * way whether pruning is on or off, so both give the same hits with the same scores.
 *
 * @module
 * @internal
 */

import { NO_MORE_DOCS } from '../index/compact-lists.js'
import { BoundPoints } from '../index/list-cursor.js'
import type { ClauseField, ScoringClause } from './scoring-plan.js'
import { TopHeap, type RankedDocument } from './top-k.js'
import { COORDINATION_EXPONENT, WEIGHT_SCALE } from './weights.js'

/** Documents per window at most. */
const WINDOW = 4096
/** Documents per window at least, once windows follow block ends. */
const MIN_WINDOW = 64
/** Past 1 / DENSE_CANDIDATES of a window's documents as candidates, probed clauses are read through instead. */
const DENSE_CANDIDATES = 16
/** Past this many lists in a field, a bound sums each list's largest tf instead of sweeping lengths. */
const SWEEP_MAX_SOURCES = 4
/** Points per bound at most, for sorting them by length (the point's number below it). */
const POINT_KEY = 2 ** 20
/** Bounds are raised by this share before they are compared, so rounding never prunes a hit. */
const BOUND_MARGIN = 1 + 1e-9

/** How to select. */
export interface TopDocsOptions {
  /** How many documents to keep. */
  readonly count: number
  /** Every non-excluded clause must match. */
  readonly requireAll: boolean
  /** Skip documents that cannot enter the top (false: score every candidate, for tests). */
  readonly prune: boolean
  /** Deletion flags by document (1 = deleted), or undefined when none is deleted. */
  readonly deleted: Int32Array | undefined
  /** A caller's test of a document (a filter); called only for documents that would enter the top. */
  readonly keep: (doc: number) => boolean
  /** Tie-breaking order of a document (smaller first). */
  readonly orderOf: (doc: number) => number
}

/** A selected document: its score and, per clause, where it matched best (0 when it did not). */
export interface TopDocument extends RankedDocument {
  /** Per clause: 1 + the searched-field slot where it matched, or 0. */
  readonly fieldSlots: Uint8Array
  /** Per clause: the index of the best matching source in that field. */
  readonly sourceIndexes: Int32Array
}

/** Per-window arrays, reused between queries. */
class WindowArrays {
  clauses = 0
  contributions = new Float64Array(0)
  fieldSlots = new Uint8Array(0)
  sourceIndexes = new Int32Array(0)
  weighted = new Float64Array(WINDOW)
  touched = new Int32Array(WINDOW)
  marks = new Uint8Array(WINDOW)
  candidates = new Int32Array(WINDOW)

  ensure(clauses: number): void {
    if (clauses <= this.clauses) return
    this.clauses = clauses
    this.contributions = new Float64Array(clauses * WINDOW)
    this.fieldSlots = new Uint8Array(clauses * WINDOW)
    this.sourceIndexes = new Int32Array(clauses * WINDOW)
  }
}

/** A document in the heap, its match details in the selection's slot `slot`. */
interface HeldDocument extends RankedDocument {
  readonly slot: number
}

let sharedArrays: WindowArrays | undefined

/** The best `count` documents of the scoring plan, best first (ties: smaller order first). */
export function topDocuments(clauses: readonly ScoringClause[], options: TopDocsOptions): TopDocument[] {
  const arrays = sharedArrays ?? new WindowArrays()
  sharedArrays = undefined
  // a filter that throws leaves the arrays written: they are only reused after a clean run
  const top = new Selection(clauses, options, arrays).run()
  sharedArrays = arrays
  return top
}

class Selection {
  private readonly heap: TopHeap<HeldDocument>
  /** Per heap slot and clause: the field slot and source index of the best match. */
  private readonly matchFields: Uint8Array
  private readonly matchSources: Int32Array
  private readonly scored: readonly ScoringClause[]
  private readonly excluded: readonly ScoringClause[]
  /** Clauses that may bring candidates (all scored ones but stopwords, unless only stopwords are asked). */
  private readonly leaders: readonly ScoringClause[]
  private readonly totalWeight: number
  private readonly upper: Float64Array
  /** Per clause (by plan index): 1 when it is probed in the current window. */
  private readonly probed: Uint8Array
  private readonly clauseCount: number
  private readonly requiredLead: ScoringClause | undefined
  /** The essential clauses of the last window scored (their block ends end the next windows). */
  private lastEssential: readonly ScoringClause[] = []
  /** The bounds and weights of the window's probed clauses, summed. */
  private probedBound = 0
  private probedWeight = 0

  constructor(
    private readonly clauses: readonly ScoringClause[],
    private readonly options: TopDocsOptions,
    private readonly arrays: WindowArrays,
  ) {
    this.clauseCount = clauses.length
    arrays.ensure(clauses.length)
    this.heap = new TopHeap<HeldDocument>(options.count)
    this.matchFields = new Uint8Array((options.count + 1) * clauses.length)
    this.matchSources = new Int32Array((options.count + 1) * clauses.length)
    this.scored = clauses.filter((clause) => !clause.exclude)
    this.excluded = clauses.filter((clause) => clause.exclude)
    this.totalWeight = this.scored.reduce((sum, clause) => sum + clause.weight, 0)
    const content = this.scored.filter((clause) => clause.weight >= 1)
    this.leaders = content.length > 0 ? content : this.scored
    this.upper = new Float64Array(clauses.length)
    this.probed = new Uint8Array(clauses.length)
    this.requiredLead = options.requireAll ? [...this.leaders].sort((a, b) => a.df - b.df)[0] : undefined
  }

  run(): TopDocument[] {
    if (this.totalWeight === 0 || this.leaders.length === 0) return []
    for (let from = this.nextStart(0); from !== NO_MORE_DOCS; ) {
      const to = this.windowEnd(from)
      const essential = this.partition(from, to)
      // a window no clause can lift into the top is passed over unread
      if (essential.length > 0) {
        this.scoreWindow(from, to, essential)
        this.lastEssential = essential
      }
      from = this.nextStart(to)
    }
    const count = this.clauseCount
    return this.heap.sorted().map(({ doc, score, order, slot }) => ({
      doc,
      score,
      order,
      fieldSlots: this.matchFields.slice(slot * count, (slot + 1) * count),
      sourceIndexes: this.matchSources.slice(slot * count, (slot + 1) * count),
    }))
  }

  /**
   * Where the next window starts: at or before the first document at or after `from` that a
   * leading clause holds (when pruning, a lower bound where that document lies in a block not
   * read yet; the exhaustive reference reads every block).
   */
  private nextStart(from: number): number {
    let next = NO_MORE_DOCS
    for (const clause of this.requiredLead === undefined ? this.leaders : [this.requiredLead]) {
      for (const part of clause.fields) {
        for (const source of part.sources) {
          const cursor = source.cursor
          const doc = this.options.prune ? cursor.advanceShallow(from) : cursor.doc < from ? cursor.advance(from) : cursor.doc
          if (doc < next) next = doc
        }
      }
    }
    return next
  }

  /**
   * Where the window from `from` ends. Until the top is full, WINDOW documents; then at the first
   * block end of a list of the clauses that were essential last (at least MIN_WINDOW documents
   * on), so the block bounds of the window are tight and a stretch no document of which can enter
   * the top is skipped undecoded.
   */
  private windowEnd(from: number): number {
    let to = from + WINDOW
    if (!this.options.prune || this.heap.threshold === Number.NEGATIVE_INFINITY) return to
    for (const clause of this.lastEssential.length > 0 ? this.lastEssential : this.leaders) {
      for (const part of clause.fields) {
        for (const source of part.sources) {
          const end = source.cursor.blockEndFrom(from) + 1
          if (end < to) to = end
        }
      }
    }
    return Math.max(to, from + MIN_WINDOW)
  }

  /** Essential clauses decide the candidates of a window; the others are probed. */
  private partition(from: number, to: number): ScoringClause[] {
    const { upper, probed } = this
    probed.fill(0)
    if (this.requiredLead !== undefined) {
      for (const clause of this.scored) probed[clause.index] = clause === this.requiredLead ? 0 : 1
      for (const clause of this.scored) upper[clause.index] = clauseBound(clause, from, to)
      return [this.requiredLead]
    }
    const threshold = this.options.prune ? this.heap.threshold : Number.NEGATIVE_INFINITY
    let sum = 0
    let weight = 0
    // stopword clauses never bring candidates while other clauses are asked
    for (const clause of this.scored) {
      upper[clause.index] = clauseBound(clause, from, to)
      if (!this.leaders.includes(clause)) {
        probed[clause.index] = 1
        sum += upper[clause.index] as number
        weight += clause.weight
      }
    }
    const byBound = [...this.leaders].sort((a, b) => (upper[a.index] as number) - (upper[b.index] as number))
    let essentialFrom = 0
    for (const clause of byBound) {
      const nextSum = sum + (upper[clause.index] as number)
      const nextWeight = weight + clause.weight
      if (nextSum * this.coordination(nextWeight) * BOUND_MARGIN >= threshold) break
      probed[clause.index] = 1
      sum = nextSum
      weight = nextWeight
      essentialFrom++
    }
    return byBound.slice(essentialFrom)
  }

  private scoreWindow(from: number, to: number, essential: readonly ScoringClause[]): void {
    const arrays = this.arrays
    let candidateCount = 0
    for (const clause of essential) candidateCount = this.accumulate(clause, from, to, candidateCount)
    const candidates = arrays.candidates.subarray(0, candidateCount).sort()
    let probedClauses = this.scored.filter((clause) => this.probed[clause.index] === 1).sort((a, b) => (this.upper[b.index] as number) - (this.upper[a.index] as number))
    // many candidates and no threshold yet to drop them by: reading the other clauses' lists
    // through the window costs less than a jump per candidate
    if (candidateCount * DENSE_CANDIDATES > to - from && (!this.options.prune || this.heap.threshold === Number.NEGATIVE_INFINITY)) {
      for (const clause of probedClauses) this.accumulate(clause, from, to, candidateCount, true)
      probedClauses = []
    }
    this.probedBound = 0
    this.probedWeight = 0
    for (const clause of probedClauses) {
      this.probedBound += this.upper[clause.index] as number
      this.probedWeight += clause.weight
    }
    for (let i = 0; i < candidateCount; i++) this.consider(from, candidates[i] as number, probedClauses)
    // clear what this window wrote
    const { contributions, fieldSlots, marks } = arrays
    for (const clause of this.clauses) {
      const row = clause.index * WINDOW
      for (let i = 0; i < candidateCount; i++) {
        const at = row + (candidates[i] as number)
        contributions[at] = 0
        fieldSlots[at] = 0
      }
    }
    for (let i = 0; i < candidateCount; i++) marks[candidates[i] as number] = 0
  }

  /**
   * Scans one clause's lists over the window, adding its score to each document it holds (only
   * to the candidates already found when `amongCandidates`); returns the candidate count.
   */
  private accumulate(clause: ScoringClause, from: number, to: number, candidateCount: number, amongCandidates = false): number {
    const { weighted, touched, contributions, fieldSlots, sourceIndexes, marks, candidates } = this.arrays
    const deleted = this.options.deleted
    const row = clause.index * WINDOW
    for (const part of clause.fields) {
      let touchedCount = 0
      const sources = part.sources
      for (let s = 0; s < sources.length; s++) {
        const source = sources[s]!
        const cursor = source.cursor
        const weight = source.weight
        let doc = cursor.doc < from ? cursor.advance(from) : cursor.doc
        while (doc < to) {
          if ((deleted === undefined || deleted[doc] !== 1) && (!amongCandidates || marks[doc - from] === 1)) {
            const offset = doc - from
            if (weighted[offset] === 0) touched[touchedCount++] = offset
            weighted[offset] = (weighted[offset] as number) + weight * cursor.tf
            if (fieldSlots[row + offset] === 0) {
              fieldSlots[row + offset] = part.slot + 1
              sourceIndexes[row + offset] = s
            }
          }
          doc = cursor.nextDoc()
        }
      }
      const { factor, saturation, base, perWord, lengths } = part
      for (let t = 0; t < touchedCount; t++) {
        const offset = touched[t] as number
        const tf = (weighted[offset] as number) / WEIGHT_SCALE
        weighted[offset] = 0
        contributions[row + offset] = (contributions[row + offset] as number) + (factor * saturation * tf) / (tf + base + perWord * (lengths[from + offset] as number))
        if (marks[offset] === 0) {
          marks[offset] = 1
          candidates[candidateCount++] = offset
        }
      }
    }
    return candidateCount
  }

  /** Completes one candidate with the probed clauses (while it can still make the top) and offers it. */
  private consider(from: number, offset: number, probedClauses: readonly ScoringClause[]): void {
    const doc = from + offset
    for (const clause of this.excluded) if (this.probe(clause, doc, offset)) return
    const { contributions, fieldSlots } = this.arrays
    if (probedClauses.length > 0) {
      let partial = 0
      let matched = 0
      for (const clause of this.scored) {
        const at = clause.index * WINDOW + offset
        if (this.probed[clause.index] === 1 || fieldSlots[at] === 0) continue
        partial += contributions[at] as number
        matched += clause.weight
      }
      let restBound = this.probedBound
      let restWeight = this.probedWeight
      const threshold = this.options.prune ? this.heap.threshold : Number.NEGATIVE_INFINITY
      for (const clause of probedClauses) {
        if ((partial + restBound) * this.coordination(matched + restWeight) * BOUND_MARGIN < threshold) return
        restBound -= this.upper[clause.index] as number
        restWeight -= clause.weight
        if (this.probe(clause, doc, offset)) {
          partial += contributions[clause.index * WINDOW + offset] as number
          matched += clause.weight
        } else if (this.requiredLead !== undefined) return
      }
    }
    // the score, summed in clause order: the same arithmetic with pruning on or off
    let raw = 0
    let matched = 0
    for (const clause of this.scored) {
      const at = clause.index * WINDOW + offset
      if (fieldSlots[at] === 0) continue
      raw += contributions[at] as number
      matched += clause.weight
    }
    if (this.requiredLead !== undefined && matched < this.totalWeight) return
    const score = raw * this.coordination(matched)
    // below the threshold it cannot enter whatever its order (read only for a tie or a heap not full)
    if (score <= 0 || score < this.heap.threshold) return
    const order = this.options.orderOf(doc)
    if (!this.heap.accepts(score, order)) return
    if (!this.options.keep(doc)) return
    // the match details go to the slot of the document this one pushes out (or a new slot)
    const slot = this.heap.worst?.slot ?? this.heap.size
    const base = slot * this.clauseCount
    const { matchFields, matchSources } = this
    for (const clause of this.scored) {
      const at = clause.index * WINDOW + offset
      matchFields[base + clause.index] = fieldSlots[at] as number
      matchSources[base + clause.index] = this.arrays.sourceIndexes[at] as number
    }
    this.heap.offer({ doc, score, order, slot })
  }

  /** Reads one clause at one document (lists moved forward to it); records its score; true when it matched. */
  private probe(clause: ScoringClause, doc: number, offset: number): boolean {
    const { contributions, fieldSlots, sourceIndexes } = this.arrays
    const row = clause.index * WINDOW
    let found = false
    for (const part of clause.fields) {
      let weighted = 0
      let best = -1
      const sources = part.sources
      for (let s = 0; s < sources.length; s++) {
        const cursor = sources[s]!.cursor
        const at = cursor.doc < doc ? cursor.advance(doc) : cursor.doc
        if (at !== doc) continue
        weighted += sources[s]!.weight * cursor.tf
        if (best < 0) best = s
      }
      if (best < 0) continue
      found = true
      if (clause.exclude) return true
      const tf = weighted / WEIGHT_SCALE
      contributions[row + offset] = (contributions[row + offset] as number) + (part.factor * part.saturation * tf) / (tf + part.base + part.perWord * (part.lengths[doc] as number))
      if (fieldSlots[row + offset] === 0) {
        fieldSlots[row + offset] = part.slot + 1
        sourceIndexes[row + offset] = best
      }
    }
    return found
  }

  private coordination(matched: number): number {
    return (matched / this.totalWeight) ** COORDINATION_EXPONENT
  }
}

/** The largest score a clause can give a document of `[from, to)`. */
function clauseBound(clause: ScoringClause, from: number, to: number): number {
  let bound = 0
  for (const part of clause.fields) bound += fieldBound(part, from, to)
  return bound
}

/** Room for the frontier points of one field's lists over a window. */
const points = new BoundPoints()
let pointOrder = new Float64Array(64)
let sourceBest = new Float64Array(8)

/**
 * The largest score one field of a clause can give a document of `[from, to)`, from the block
 * frontiers of its lists. With one list, the best of its points. With several, a document's
 * weighted tf sums its tf in each list, and its length is at least that of the point bounding it
 * in each: going through all points from the shortest length on, the sum of each list's largest
 * weighted tf so far, at the length reached, bounds every document that long or longer. With many
 * lists, the sum of their largest weighted tfs at the shortest length of all.
 */
function fieldBound(part: ClauseField, from: number, to: number): number {
  points.count = 0
  const sources = part.sources
  for (let s = 0; s < sources.length; s++) sources[s]!.cursor.addBoundPoints(from, to, points, sources[s]!.weight, s)
  const count = points.count
  if (count === 0) return 0
  const { weightedTfs, lengths } = points
  const { factor, saturation, base, perWord } = part
  let best = 0
  if (sources.length === 1) {
    for (let i = 0; i < count; i++) {
      const tf = (weightedTfs[i] as number) / WEIGHT_SCALE
      const score = (factor * saturation * tf) / (tf + base + perWord * (lengths[i] as number))
      if (score > best) best = score
    }
    return best
  }
  if (sourceBest.length < sources.length) sourceBest = new Float64Array(sources.length * 2)
  sourceBest.fill(0, 0, sources.length)
  let sum = 0
  if (sources.length > SWEEP_MAX_SOURCES) {
    // many lists: each one's largest weighted tf, at the shortest length of all (looser, cheaper)
    let shortest = NO_MORE_DOCS
    for (let i = 0; i < count; i++) {
      const source = points.sources[i] as number
      if ((weightedTfs[i] as number) > (sourceBest[source] as number)) {
        sum += (weightedTfs[i] as number) - (sourceBest[source] as number)
        sourceBest[source] = weightedTfs[i] as number
      }
      if ((lengths[i] as number) < shortest) shortest = lengths[i] as number
    }
    const tf = sum / WEIGHT_SCALE
    return (factor * saturation * tf) / (tf + base + perWord * shortest)
  }
  // points by length (the point's number in the low bits of the key)
  if (pointOrder.length < count) pointOrder = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) pointOrder[i] = (lengths[i] as number) * POINT_KEY + i
  const order = pointOrder.subarray(0, count).sort()
  for (let k = 0; k < count; k++) {
    const i = (order[k] as number) % POINT_KEY
    const source = points.sources[i] as number
    const weighted = weightedTfs[i] as number
    if (weighted > (sourceBest[source] as number)) {
      sum += weighted - (sourceBest[source] as number)
      sourceBest[source] = weighted
      const tf = sum / WEIGHT_SCALE
      const score = (factor * saturation * tf) / (tf + base + perWord * (lengths[i] as number))
      if (score > best) best = score
    }
  }
  return best
}
