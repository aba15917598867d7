/**
 * Phrases: the documents where the words of a quoted phrase stand at consecutive positions, found
 * by intersecting the words rarest first (positions are read only for documents that can still
 * match), and written as one compact list whose tf is the number of occurrences times the weight
 * of the weakest word, so the scorer reads it like any other list.
 *
 * @module
 * @internal
 */

import { CompactListsWriter, NO_MORE_DOCS, type CompactLists } from '../index/compact-lists.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import { ListCursor } from '../index/list-cursor.js'
import type { Segment } from '../index/segment.js'
import type { ExpandedTerm } from './expand.js'
import { weightUnits } from './weights.js'

/** One field's phrase matches: a list (id 0) of weighted occurrences, and the term each word matched per document. */
export interface PhraseMatches {
  readonly lists: CompactLists
  /** Per matching document: the term id each word matched (its best term in that document). */
  readonly wordTerms: ReadonlyMap<number, Int32Array>
}

/** One word of the phrase in one document: its positions and its best matching term. */
interface WordHit {
  readonly positions: number[]
  termIndex: number
}

/** Finds the phrase in one field of every segment. */
export function matchPhrase(index: InvertedIndex, segments: readonly Segment[], field: number, words: readonly (readonly ExpandedTerm[])[]): PhraseMatches {
  const writer = new CompactListsWriter(1, false)
  const wordTerms = new Map<number, Int32Array>()
  const lengths = index.fieldLengths[field]?.data ?? new Int32Array(0)
  const frequency = words.map((terms) => terms.reduce((sum, term) => sum + index.totalFrequencyBound(term.termId), 0))
  const order = words.map((_, i) => i).sort((a, b) => (frequency[a] as number) - (frequency[b] as number))
  writer.begin(0)
  for (const segment of segments) {
    const lists = segment.fields[field]?.terms
    if (lists === undefined) continue
    for (const [doc, hits] of intersect(index, lists, words, order)) {
      const occurrences = countOccurrences(hits)
      if (occurrences === 0) continue
      let weakest = Number.POSITIVE_INFINITY
      const matched = new Int32Array(words.length)
      hits.forEach((hit, i) => {
        const term = (words[i] as readonly ExpandedTerm[])[hit.termIndex] as ExpandedTerm
        weakest = Math.min(weakest, weightUnits(term.weight))
        matched[i] = term.termId
      })
      writer.add(doc, occurrences * weakest, lengths[doc] as number)
      wordTerms.set(doc, matched)
    }
  }
  writer.end()
  return { lists: writer.finish(), wordTerms }
}

/** Documents of one segment holding every word, with each word's positions, in document order. */
function intersect(index: InvertedIndex, lists: CompactLists, words: readonly (readonly ExpandedTerm[])[], order: readonly number[]): [number, WordHit[]][] {
  const cursor = new ListCursor()
  let candidates: Map<number, WordHit[]> | undefined
  let sorted: number[] = []
  for (const wordIndex of order) {
    const found = new Map<number, WordHit[]>()
    const terms = words[wordIndex] as readonly ExpandedTerm[]
    terms.forEach((term, termIndex) => {
      if (!cursor.open(lists, term.termId)) return
      const visit = (doc: number): void => {
        const hits = found.get(doc) ?? (candidates === undefined ? new Array<WordHit>(words.length) : candidates.get(doc))
        if (hits === undefined || index.isDeleted(doc)) return
        found.set(doc, hits)
        const positions = cursor.readPositions([])
        const known = hits[wordIndex]
        if (known === undefined) hits[wordIndex] = { positions, termIndex }
        else for (const position of positions) known.positions.push(position)
      }
      if (candidates === undefined) {
        for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) visit(doc)
      } else {
        for (const doc of sorted) if (cursor.advance(doc) === doc) visit(doc)
      }
    })
    if (found.size === 0) return []
    candidates = found
    sorted = [...found.keys()].sort((a, b) => a - b)
  }
  return sorted.map((doc) => [doc, (candidates as Map<number, WordHit[]>).get(doc) as WordHit[]])
}

/** Starts of the words in order at consecutive positions. */
function countOccurrences(hits: readonly WordHit[]): number {
  const first = hits[0] as WordHit
  const later = hits.slice(1).map((hit) => new Set(hit.positions))
  let occurrences = 0
  for (const start of first.positions) {
    if (later.every((positions, i) => positions.has(start + i + 1))) occurrences++
  }
  return occurrences
}
