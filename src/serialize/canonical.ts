/**
 * The canonical order of a saved index, shared by both formats: live documents only, renumbered
 * in the order they were added (a replaced document keeps its place), and live terms only, in
 * code-unit order. Two indexes with the same documents save to the same bytes.
 *
 * @module
 * @internal
 */

import type { DocumentTable } from '../documents.js'
import { NO_MORE_DOCS } from '../index/compact-lists.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import { ListCursor } from '../index/list-cursor.js'

/** What is saved, in what order. */
export interface CanonicalOrder {
  /** The saved documents' numbers in the index, in saved order. */
  readonly docs: readonly number[]
  /** Index document number → saved number, -1 for a removed document. */
  readonly renumber: Int32Array
  /** Saved numbers increase with index numbers (no document was replaced): lists need no sorting. */
  readonly increasing: boolean
  /** Saved numbers are the index numbers (nothing removed or replaced): lists are saved as they are. */
  readonly identity: boolean
  /** The saved terms' ids in the index, in saved (code-unit) order. */
  readonly terms: readonly number[]
}

/** Seals the index and works out the canonical order. */
export function canonicalOrder(inverted: InvertedIndex, documents: DocumentTable): CanonicalOrder {
  inverted.seal()
  const docs = documents.live()
  const renumber = new Int32Array(inverted.documentCount).fill(-1)
  let increasing = true
  docs.forEach((doc, saved) => {
    renumber[doc] = saved
    if (saved > 0 && doc < (docs[saved - 1] as number)) increasing = false
  })
  const { vocabulary } = inverted
  const terms = Array.from(vocabulary.sortedTermIds()).filter((termId) => inverted.hasLiveDocuments(termId))
  const identity = docs.length === inverted.documentCount && docs.every((doc, saved) => doc === saved)
  return { docs, renumber, increasing, identity, terms }
}

/** Ids in code-unit order of their (distinct) names: the engine's own string sort, no comparator. */
export function sortByName(ids: readonly number[], name: (id: number) => string): number[] {
  const byName = new Map(ids.map((id) => [name(id), id]))
  return [...byName.keys()].sort().map((text) => byName.get(text) as number)
}

/** One posting in saved numbering, with its positions. */
export interface SavedPosting {
  readonly doc: number
  readonly tf: number
  readonly positions: readonly number[]
}

/** The live postings of a term in a field, renumbered and in saved order. */
export function savedPostings(inverted: InvertedIndex, field: number, termId: number, order: CanonicalOrder): SavedPosting[] {
  const lists = inverted.sealedField(field)?.terms
  const postings: SavedPosting[] = []
  const cursor = new ListCursor()
  if (lists === undefined || !cursor.open(lists, termId)) return postings
  for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) {
    const saved = order.renumber[doc] as number
    if (saved >= 0) postings.push({ doc: saved, tf: cursor.tf, positions: cursor.readPositions([]) })
  }
  // a replaced document keeps its place, so its new number can be smaller than those before it
  if (!order.increasing) postings.sort((a, b) => a.doc - b.doc)
  return postings
}
