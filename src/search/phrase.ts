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

/**
 * Documents of one segment holding every word, with each word's positions, in document order.
 * The documents come first (rarest word first, each later word keeping those it holds), then the
 * positions of only those: a rare word beside a common one reads few positions.
 */
function intersect(index: InvertedIndex, lists: CompactLists, words: readonly (readonly ExpandedTerm[])[], order: readonly number[]): [number, WordHit[]][] {
  const cursor = new ListCursor()
  let documents: number[] | undefined
  for (const wordIndex of order) {
    documents = wordDocuments(cursor, lists, words[wordIndex] as readonly ExpandedTerm[], documents)
    if (documents.length === 0) return []
  }
  const held = (documents ?? []).filter((doc) => !index.isDeleted(doc))
  const found = held.map((doc): [number, WordHit[]] => [doc, new Array<WordHit>(words.length)])
  words.forEach((terms, wordIndex) => {
    terms.forEach((term, termIndex) => {
      if (!cursor.open(lists, term.termId)) return
      for (const [doc, hits] of found) {
        if (cursor.advance(doc) !== doc) continue
        const positions = cursor.readPositions([])
        const known = hits[wordIndex]
        if (known === undefined) hits[wordIndex] = { positions, termIndex }
        else for (const position of positions) known.positions.push(position)
      }
    })
  })
  return found
}

/** The documents (sorted) holding any of a word's terms: all of them, or those of `within` only. */
function wordDocuments(cursor: ListCursor, lists: CompactLists, terms: readonly ExpandedTerm[], within: readonly number[] | undefined): number[] {
  const found = new Set<number>()
  for (const term of terms) {
    if (!cursor.open(lists, term.termId)) continue
    if (within === undefined) {
      for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) found.add(doc)
    } else {
      for (const doc of within) {
        const at = cursor.advance(doc)
        if (at === NO_MORE_DOCS) break
        if (at === doc) found.add(doc)
      }
    }
  }
  return [...found].sort((a, b) => a - b)
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
