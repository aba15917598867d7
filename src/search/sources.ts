/**
 * Sources: the lists a query word reads in one field of one segment, each with an integer
 * weight, so that for every document the weighted term frequency is exactly
 * `Σ weight(term) × tf(term)` over the word's expansion — but read from one list per stem where
 * the segment has stem lists, instead of one list per inflected form.
 *
 * A stem list stands for all the stem's terms at the stem's weight; a term that counts more
 * (the exact word) adds the difference through its own list. A stem is read whole only when none
 * of its terms is already counted by another stem list (a word with two stems).
 *
 * @module
 * @internal
 */

import type { InvertedIndex } from '../index/inverted-index.js'
import { ListCursor, type CursorPool } from '../index/list-cursor.js'
import type { ListRef, Segment } from '../index/segment.js'
import { STEMS_PER_TERM } from '../index/vocabulary.js'
import { NO_MORE_DOCS, type CompactLists } from '../index/compact-lists.js'
import type { ExpandedTerm } from './expand.js'
import { weightUnits } from './weights.js'

/** One list to read, with its weight and the terms it stands for. */
export interface Source {
  /** The list. */
  readonly ref: ListRef
  /** A cursor over it, moved forward by scoring. */
  readonly cursor: ListCursor
  /** Weight in units of 1 / WEIGHT_SCALE. */
  readonly weight: number
  /** The segment the list belongs to. */
  readonly segment: Segment
  /** The expanded terms the list may stand for, best first (one for a term list). */
  readonly terms: readonly ExpandedTerm[]
  /** The stem of a stem list, -1 for a term list. */
  readonly stem: number
}

/** A source before it is opened: what a word plan keeps between queries. */
export type PlannedSource = Omit<Source, 'cursor'>

/** Opens planned sources (a cursor each, from `pool` when given), dropping lists that turn out empty. */
export function openSources(planned: readonly PlannedSource[], lengths: Int32Array | undefined, pool?: CursorPool): Source[] {
  const sources: Source[] = []
  for (const source of planned) {
    const cursor = pool?.take() ?? new ListCursor()
    if (cursor.open(source.ref.lists, source.ref.list, lengths)) sources.push({ ...source, cursor })
  }
  return sources
}

/**
 * The lists one query word reads in one field, over every segment, best first (by the best term
 * each stands for).
 */
export function wordSources(index: InvertedIndex, segments: readonly Segment[], field: number, terms: readonly ExpandedTerm[]): PlannedSource[] {
  const { vocabulary } = index
  const rank = new Map<number, number>()
  const weightOf = new Map<number, number>()
  terms.forEach((term, i) => {
    rank.set(term.termId, i)
    weightOf.set(term.termId, weightUnits(term.weight))
  })
  const stems = stemGroups(terms)
  const lengths = index.fieldLengths[field]?.data ?? new Int32Array(0)
  const sources: { source: PlannedSource; rank: number }[] = []
  for (const segment of segments) {
    const lists = segment.fields[field]
    if (lists === undefined) continue
    const covered = new Map<number, number>()
    if (lists.hasStemLists) {
      for (const [stem, stemWeight] of stems) {
        if ((vocabulary.stemTermCounts.get(stem) ?? 0) < 2) continue
        const members: number[] = []
        let usable = true
        vocabulary.forEachTermOfStem(stem, (term) => {
          if (!lists.terms.has(term)) return
          members.push(term)
          const weight = weightOf.get(term)
          // a term the expansion left out must not be counted (unless no live document holds it)
          if (weight === undefined ? index.hasLiveDocuments(term) : weight < stemWeight || covered.has(term)) usable = false
        })
        if (!usable || members.length < 2) continue
        const ref = lists.stemList(stem, members, lengths)
        if (ref === undefined) continue
        for (const term of members) covered.set(term, stemWeight)
        const stands = members.map((term) => terms[rank.get(term) as number] as ExpandedTerm).sort((a, b) => (rank.get(a.termId) as number) - (rank.get(b.termId) as number))
        sources.push({ source: { ref, weight: stemWeight, segment, terms: stands, stem }, rank: rank.get((stands[0] as ExpandedTerm).termId) as number })
      }
    }
    for (const term of terms) {
      const residual = (weightOf.get(term.termId) as number) - (covered.get(term.termId) ?? 0)
      if (residual <= 0 || !lists.terms.has(term.termId)) continue
      const ref = { lists: lists.terms, list: term.termId }
      // a term list goes before a stem list of the same rank: it is exactly that term
      sources.push({ source: { ref, weight: residual, segment, terms: [term], stem: -1 }, rank: (rank.get(term.termId) as number) - 0.5 })
    }
  }
  return sources.sort((a, b) => a.rank - b.rank).map(({ source }) => source)
}

/** The stems whose terms were all added at one weight (`via`), with that weight in units, heaviest first. */
function stemGroups(terms: readonly ExpandedTerm[]): [stem: number, weight: number][] {
  const groups = new Map<number, number>()
  for (const term of terms) if (term.via >= 0 && !groups.has(term.via)) groups.set(term.via, weightUnits(term.weight))
  return [...groups].sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/**
 * Documents matching a query word in one field (for its idf), from exact counts: every stem of
 * the expansion counts its documents once (the union of its terms), words added on their own
 * count theirs, and the parts are combined as if independent: `N × (1 - Π (1 - df / N))`.
 * Exact for the usual word (one stem, its inflections), an estimate when spelling variants or
 * completions join it; the same whatever segments the index is split into.
 */
export function wordDocumentFrequency(index: InvertedIndex, segments: readonly Segment[], field: number, terms: readonly ExpandedTerm[]): number {
  const { vocabulary } = index
  const documents = index.liveCount
  if (documents === 0) return 0
  const stems = new Set<number>()
  for (const term of terms) if (term.via >= 0) stems.add(term.via)
  let missing = 1
  let largest = 0
  const count = (df: number): void => {
    missing *= 1 - Math.min(df, documents) / documents
    largest = Math.max(largest, df)
  }
  for (const stem of stems) count(stemDocumentFrequency(index, segments, field, stem))
  for (const term of terms) {
    if (term.via >= 0) continue
    // a word added on its own inside a stem of the expansion is counted with the stem
    let inStem = false
    for (let slot = 0; slot < STEMS_PER_TERM; slot++) {
      const stem = vocabulary.termStems.get(term.termId * STEMS_PER_TERM + slot)
      if (stem >= 0 && stems.has(stem)) inStem = true
    }
    if (!inStem) count(liveTermCount(index, segments, field, term.termId))
  }
  return Math.max(largest, documents * (1 - missing))
}

/** Live documents of a term in a field, over the segments. */
function liveTermCount(index: InvertedIndex, segments: readonly Segment[], field: number, term: number): number {
  let total = 0
  for (const segment of segments) {
    const lists = segment.fields[field]?.terms
    if (lists?.has(term)) total += index.liveCountOf({ lists, list: term })
  }
  return total
}

/** Live documents holding any term of a stem in a field: the stem list's count, or a union of term lists. */
function stemDocumentFrequency(index: InvertedIndex, segments: readonly Segment[], field: number, stem: number): number {
  const { vocabulary } = index
  const lengths = index.fieldLengths[field]?.data ?? new Int32Array(0)
  let total = 0
  for (const segment of segments) {
    const lists = segment.fields[field]
    if (lists === undefined) continue
    const members: number[] = []
    vocabulary.forEachTermOfStem(stem, (term) => {
      if (lists.terms.has(term)) members.push(term)
    })
    if (members.length === 0) continue
    if (members.length === 1) {
      total += index.liveCountOf({ lists: lists.terms, list: members[0] as number })
      continue
    }
    const ref = lists.hasStemLists ? lists.stemList(stem, members, lengths) : undefined
    total += ref !== undefined ? index.liveCountOf(ref) : unionCount(index, lists.terms, members)
  }
  return total
}

/** Live documents in any of the lists (a small segment without stem lists). */
function unionCount(index: InvertedIndex, lists: CompactLists, members: readonly number[]): number {
  const seen = new Set<number>()
  const cursor = new ListCursor()
  for (const term of members) {
    cursor.open(lists, term)
    for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) if (!index.isDeleted(doc)) seen.add(doc)
  }
  return seen.size
}
