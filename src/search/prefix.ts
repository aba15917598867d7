/**
 * Prefix lookup for autocomplete and `word*`: terms sorted by code unit, found by binary search.
 * The sorted list is built on first use; terms added later are kept in a short unsorted tail
 * that is merged in once it grows, so adding documents never pays for a full re-sort.
 *
 * @module
 * @internal
 */

import type { InvertedIndex } from '../index/inverted-index.js'

/** Most completions one prefix expands to (the most frequent are kept). */
export const PREFIX_MAX_TERMS = 64
/** Completions examined at most per prefix before choosing the most frequent. */
export const PREFIX_SCAN_LIMIT = 20_000

/** Sorted terms with a lazily merged tail. */
export class PrefixLookup {
  private sorted: Int32Array = new Int32Array(0)
  private sortedUpTo = 0

  constructor(private readonly index: InvertedIndex) {}

  /** Term ids that start with `prefix` (the term itself included), most frequent first. */
  complete(prefix: string, limit = PREFIX_MAX_TERMS): number[] {
    if (prefix.length === 0) return []
    this.refresh()
    const { terms } = this.index.vocabulary
    const found: number[] = []
    let i = this.lowerBound(prefix)
    while (i < this.sorted.length && found.length < PREFIX_SCAN_LIMIT) {
      const termId = this.sorted[i++] as number
      if (!(terms.get(termId)).startsWith(prefix)) break
      found.push(termId)
    }
    for (let termId = this.sortedUpTo; termId < terms.length; termId++) {
      if ((terms.get(termId)).startsWith(prefix)) found.push(termId)
    }
    const frequencies = new Map(found.map((termId) => [termId, this.index.documentFrequency(termId)]))
    const frequency = (termId: number): number => frequencies.get(termId) ?? 0
    return found
      .filter((termId) => frequency(termId) > 0)
      .sort((a, b) => frequency(b) - frequency(a) || compareCodeUnits(terms.get(a), terms.get(b)))
      .slice(0, limit)
  }

  /** Merges the tail when it has grown past a quarter of the sorted part. */
  private refresh(): void {
    const total = this.index.vocabulary.size
    const tail = total - this.sortedUpTo
    if (tail < 256 + this.sortedUpTo / 4) return
    this.sorted = this.index.vocabulary.sortedTermIds()
    this.sortedUpTo = total
  }

  private lowerBound(prefix: string): number {
    const { terms } = this.index.vocabulary
    let low = 0
    let high = this.sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compareCodeUnits(terms.get(this.sorted[middle] as number), prefix) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** Orders strings by UTF-16 code units (the order `startsWith` ranges follow). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
