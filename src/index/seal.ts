/**
 * Sealing: the compact lists of a field written anew from the sealed lists and the postings
 * added since (dropping removed documents on a vacuum), and the stem lists: for every stem with
 * two or more terms, one list of the documents holding any of its terms, with the summed
 * frequency, so a query reads one list per stem instead of one per inflected form.
 *
 * @module
 * @internal
 */

import { BanglaSearchError } from '../errors.js'
import { CompactListsWriter, NO_MORE_DOCS, type CompactLists } from './compact-lists.js'
import type { GrowingLists } from './growing-lists.js'
import { ListCursor } from './list-cursor.js'

/** What a seal reads besides the lists. */
export interface SealSource {
  /** Terms (list ids) 0 .. termCount - 1. */
  readonly termCount: number
  /** Field length of every document. */
  readonly lengths: Int32Array
  /** Removed documents to leave out (a vacuum), or undefined to keep every posting. */
  readonly dropped?: ((doc: number) => boolean) | undefined
  /** Only these terms have postings (default: look at every term). */
  readonly only?: Int32Array
}

/** Writes one field's term lists: the sealed segments' postings in order, then the growing ones. */
export function sealTermLists(sealed: readonly CompactLists[], growing: GrowingLists | undefined, source: SealSource): CompactLists {
  const writer = new CompactListsWriter(source.termCount, true)
  const cursor = new ListCursor()
  const positions: number[] = []
  const { lengths, dropped } = source
  const writePositions = (length: number): void => {
    let previous = -1
    for (const position of positions) {
      if (position <= previous || position >= length) damaged(`a position of ${position} in a field of ${length} words`)
      writer.position(position)
      previous = position
    }
  }
  const terms = source.only ?? { length: source.termCount }
  for (let i = 0; i < terms.length; i++) {
    const term = source.only === undefined ? i : (source.only[i] as number)
    writer.begin(term)
    for (const lists of sealed) {
      if (!cursor.open(lists, term)) continue
      for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) {
        if (dropped?.(doc)) continue
        const length = checkedPosting(doc, cursor.tf, lengths)
        writer.add(doc, cursor.tf, length)
        cursor.readPositions(positions)
        writePositions(length)
      }
    }
    const reader = growing?.reader(term)
    while (reader?.next()) {
      reader.readPositions(positions)
      if (dropped?.(reader.doc)) continue
      const length = lengths[reader.doc] as number
      writer.add(reader.doc, reader.tf, length)
      writePositions(length)
    }
    writer.end()
  }
  return writer.finish()
}

/** The terms of a stem: calls `visit` for each. */
export type TermsOfStem = (stem: number, visit: (term: number) => void) => void

/** Writes the stem lists of every stem with two or more terms that have postings in `terms`. */
export function buildStemLists(terms: CompactLists, stemCount: number, termsOfStem: TermsOfStem, lengths: Int32Array): CompactLists {
  const writer = new CompactListsWriter(stemCount, false)
  const union = new ListUnion()
  const members: number[] = []
  for (let stem = 0; stem < stemCount; stem++) {
    members.length = 0
    termsOfStem(stem, (term) => {
      if (terms.has(term)) members.push(term)
    })
    if (members.length < 2) continue
    writer.begin(stem)
    union.write(terms, members, writer, lengths)
    writer.end()
  }
  return writer.finish()
}

/** One stem's list written on its own (a stem first needed after a load), as list 0 of compact lists holding only it. */
export function buildOneStemList(terms: CompactLists, members: readonly number[], lengths: Int32Array): CompactLists {
  const writer = new CompactListsWriter(1, false)
  writer.begin(0)
  new ListUnion().write(terms, members, writer, lengths)
  writer.end()
  return writer.finish()
}

/** Merges lists by document, summing frequencies (a binary heap of cursors by current document). */
class ListUnion {
  private cursors: ListCursor[] = []
  private heap: ListCursor[] = []

  write(terms: CompactLists, members: readonly number[], writer: CompactListsWriter, lengths: Int32Array): void {
    while (this.cursors.length < members.length) this.cursors.push(new ListCursor())
    const heap = this.heap
    heap.length = 0
    members.forEach((term, i) => {
      const cursor = this.cursors[i] as ListCursor
      if (cursor.open(terms, term)) heap.push(cursor)
    })
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i)
    while (heap.length > 0) {
      const top = heap[0] as ListCursor
      const doc = top.doc
      let tf = 0
      // pop every cursor on this document, summing, and put each back at its next document
      while (heap.length > 0 && (heap[0] as ListCursor).doc === doc) {
        const cursor = heap[0] as ListCursor
        tf += cursor.tf
        if (cursor.nextDoc() === NO_MORE_DOCS) {
          const last = heap.pop() as ListCursor
          if (heap.length > 0) heap[0] = last
        }
        if (heap.length > 0) siftDown(heap, 0)
      }
      writer.add(doc, tf, checkedPosting(doc, tf, lengths))
    }
  }
}

/**
 * The field length of a posting read from sealed lists, checked against its tf. Lists loaded
 * from a file are not decoded at load; a posting that cannot be right comes from damage the
 * checksums did not catch, and gives `MALFORMED_INDEX` here rather than a runaway write.
 */
function checkedPosting(doc: number, tf: number, lengths: Int32Array): number {
  const length = doc < lengths.length ? (lengths[doc] as number) : -1
  if (!(tf >= 1 && tf <= length)) damaged(`document ${doc} has a term frequency of ${tf} in a field of ${length} words`)
  return length
}

function damaged(what: string): never {
  throw new BanglaSearchError('MALFORMED_INDEX', `The saved index is malformed: a posting list is damaged (${what}). Save it again, or rebuild it from its documents.`)
}

function siftDown(heap: ListCursor[], i: number): void {
  const item = heap[i] as ListCursor
  for (;;) {
    const left = 2 * i + 1
    if (left >= heap.length) break
    const right = left + 1
    const child = right < heap.length && (heap[right] as ListCursor).doc < (heap[left] as ListCursor).doc ? right : left
    if ((heap[child] as ListCursor).doc >= item.doc) break
    heap[i] = heap[child] as ListCursor
    i = child
  }
  heap[i] = item
}
