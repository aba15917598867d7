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
    const documents = documentsHoldingAll(index, lists, words, order)
    if (documents.length === 0) continue
    const reader = new PhraseReader(lists, words)
    for (const doc of documents) {
      const occurrences = reader.occurrences(doc)
      if (occurrences === 0) continue
      let weakest = Number.POSITIVE_INFINITY
      const matched = new Int32Array(words.length)
      words.forEach((terms, i) => {
        const term = terms[reader.firstTerms[i] as number] as ExpandedTerm
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
 * The live documents of one segment holding every word (any of its terms), in document order:
 * the rarest word's documents, then those each later word holds too. No positions are read.
 */
function documentsHoldingAll(index: InvertedIndex, lists: CompactLists, words: readonly (readonly ExpandedTerm[])[], order: readonly number[]): number[] {
  const cursor = new ListCursor()
  let documents: number[] | undefined
  for (const wordIndex of order) {
    const terms = words[wordIndex] as readonly ExpandedTerm[]
    documents = documents === undefined ? anyDocuments(cursor, lists, terms) : heldDocuments(cursor, lists, terms, documents)
    if (documents.length === 0) return documents
  }
  return (documents ?? []).filter((doc) => !index.isDeleted(doc))
}

/** The documents (sorted, once each) holding any of the terms. */
function anyDocuments(cursor: ListCursor, lists: CompactLists, terms: readonly ExpandedTerm[]): number[] {
  const documents = new Set<number>()
  for (const term of terms) {
    if (cursor.open(lists, term.termId)) for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) documents.add(doc)
  }
  return [...documents].sort((a, b) => a - b)
}

/**
 * Those of `within` (sorted) that hold any of the terms. A list shorter than `within` is read
 * through beside it; a longer one is jumped through to each document not yet found.
 */
function heldDocuments(cursor: ListCursor, lists: CompactLists, terms: readonly ExpandedTerm[], within: readonly number[]): number[] {
  const held = new Uint8Array(within.length)
  for (const term of terms) {
    if (!cursor.open(lists, term.termId)) continue
    if (cursor.count < within.length) {
      let i = 0
      for (let doc = cursor.doc; doc !== NO_MORE_DOCS && i < within.length; doc = cursor.nextDoc()) {
        while (i < within.length && (within[i] as number) < doc) i++
        if (within[i] === doc) held[i] = 1
      }
      continue
    }
    for (let i = 0; i < within.length; i++) {
      if (held[i] === 1) continue
      const doc = within[i] as number
      const at = cursor.advance(doc)
      if (at === NO_MORE_DOCS) break
      if (at === doc) held[i] = 1
    }
  }
  return within.filter((_, i) => held[i] === 1)
}

/**
 * Reads the phrase's words in increasing documents: a cursor per term, each word's positions
 * gathered into one sorted list, the occurrences counted by walking the lists side by side.
 */
class PhraseReader {
  /** Per word, per term: its cursor (undefined when the segment does not hold the term). */
  private readonly cursors: (ListCursor | undefined)[][]
  /** Per word: the positions of any of its terms in the current document, increasing. */
  private readonly positions: number[][]
  private readonly scratch: number[] = []
  private readonly next: Int32Array
  /** Per word: the first of its terms (by place in the word's terms) the current document holds. */
  readonly firstTerms: Int32Array

  constructor(lists: CompactLists, words: readonly (readonly ExpandedTerm[])[]) {
    this.cursors = words.map((terms) =>
      terms.map((term) => {
        const cursor = new ListCursor()
        return cursor.open(lists, term.termId) ? cursor : undefined
      }),
    )
    this.positions = words.map(() => [])
    this.next = new Int32Array(words.length)
    this.firstTerms = new Int32Array(words.length)
  }

  /** Where the words stand at consecutive positions in `doc` (which holds every word), counted. */
  occurrences(doc: number): number {
    const { positions, scratch, firstTerms, cursors } = this
    for (let word = 0; word < cursors.length; word++) {
      const termCursors = cursors[word] as (ListCursor | undefined)[]
      const into = positions[word] as number[]
      into.length = 0
      firstTerms[word] = -1
      let sources = 0
      for (let termIndex = 0; termIndex < termCursors.length; termIndex++) {
        const cursor = termCursors[termIndex]
        if (cursor === undefined || cursor.advance(doc) !== doc) continue
        if (sources++ === 0) firstTerms[word] = termIndex
        cursor.readPositions(scratch)
        for (let i = 0; i < scratch.length; i++) into.push(scratch[i] as number)
      }
      if (sources > 1) into.sort((a, b) => a - b)
    }
    // a start counts when word i stands at start + i for every i
    const next = this.next.fill(0)
    const first = positions[0] as number[]
    let occurrences = 0
    for (const start of first) {
      let all = true
      for (let word = 1; word < positions.length && all; word++) {
        const list = positions[word] as number[]
        let at = next[word] as number
        while (at < list.length && (list[at] as number) < start + word) at++
        next[word] = at
        all = at < list.length && list[at] === start + word
      }
      if (all) occurrences++
    }
    return occurrences
  }
}
