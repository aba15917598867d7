/**
 * A segment: the compact lists of a run of documents `[firstDoc, endDoc)`, per field: one list
 * per term (with positions) and, in the main segment, one list per stem with two or more terms.
 * Stem lists missing from a loaded index are built on first use and kept.
 *
 * @module
 * @internal
 */

import { CompactLists } from './compact-lists.js'
import { buildOneStemList, buildStemLists, type TermsOfStem } from './seal.js'

/** A list to read: a set of compact lists and the list's id in it. */
export interface ListRef {
  readonly lists: CompactLists
  readonly list: number
}

/** The lists of one field of a segment. */
export class FieldLists {
  /** Stem lists built one at a time (after a load). */
  private readonly builtStems = new Map<number, CompactLists>()

  constructor(
    /** Term lists, with positions. */
    readonly terms: CompactLists,
    /** Stem lists (none in small segments; those read term lists). */
    private stems: CompactLists | undefined,
  ) {}

  /** Is there a stem list for every stem with two or more terms? */
  get hasStemLists(): boolean {
    return this.stems !== undefined
  }

  /** Builds every stem list at once (after a seal). */
  buildStemLists(stemCount: number, termsOfStem: TermsOfStem, lengths: Int32Array): void {
    this.stems = buildStemLists(this.terms, stemCount, termsOfStem, lengths)
    this.builtStems.clear()
  }

  /** Marks the stem lists as to be built on first use (a loaded index). */
  stemListsOnDemand(): void {
    this.stems = CompactLists.empty()
  }

  /**
   * The list of a stem whose terms are `members` (two or more, with postings in this field), or
   * undefined in a segment without stem lists.
   */
  stemList(stem: number, members: readonly number[], lengths: Int32Array): ListRef | undefined {
    const stems = this.stems
    if (stems === undefined) return undefined
    if (stems.has(stem)) return { lists: stems, list: stem }
    let built = this.builtStems.get(stem)
    if (built === undefined) {
      built = buildOneStemList(this.terms, members, lengths)
      this.builtStems.set(stem, built)
    }
    return { lists: built, list: 0 }
  }
}

/** The compact lists of documents `[firstDoc, endDoc)`. */
export class Segment {
  constructor(
    readonly firstDoc: number,
    readonly endDoc: number,
    /** Per field. */
    readonly fields: readonly FieldLists[],
  ) {}

  /** Postings of a term in a field. */
  termCount(field: number, term: number): number {
    return this.fields[field]?.terms.count(term) ?? 0
  }
}
