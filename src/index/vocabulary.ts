/**
 * The term dictionary: every distinct indexed word (its canonical form), the stems it has, and
 * the alias keys of those stems, as integer ids linked in typed arrays.
 *
 * `term → id`, `stem → every term with that stem`, `alias key (K0) → every stem with that key`.
 * The analysis of a word runs once, when the word is first seen; each further occurrence costs
 * one map lookup.
 *
 * @module
 * @internal
 */

import { bengaliKeys } from '../analysis/alias-keys.js'
import { fold } from '../analysis/fold.js'
import { stemCandidates } from '../analysis/stem.js'
import type { TokenScript } from '../analysis/tokenize.js'
import { GrowableInt32 } from './growable.js'

const NONE = -1

/**
 * A copy of a string that does not point into a larger one. `text.slice()` of 13+ characters is a
 * view of the whole text in V8; keeping such a word in the dictionary would keep every indexed
 * document's text alive.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1)
}
/** Stem candidates kept per term. */
export const STEMS_PER_TERM = 2

/** Terms, stems and alias keys with their links. */
export class Vocabulary {
  /** Term strings by id. */
  readonly terms: string[] = []
  private readonly termIds = new Map<string, number>()
  /** Script of each term: 0 Bengali, 1 number, 2 other. */
  readonly termScripts = new GrowableInt32()
  /** Stem ids of each term, STEMS_PER_TERM slots each (-1 when unused). */
  private readonly termStems = new GrowableInt32(16, NONE)
  /** Next node in the stem's term list; node = term * STEMS_PER_TERM + slot. */
  private readonly nextTermOfStem = new GrowableInt32(16, NONE)

  /** Stem strings (folded) by id. */
  readonly stems: string[] = []
  private readonly stemIds = new Map<string, number>()
  private readonly stemHeads = new GrowableInt32(16, NONE)
  /** The next stem with the same alias key (K0). */
  private readonly nextStemOfKey = new GrowableInt32(16, NONE)

  /** Alias keys (K0) by id. */
  readonly keys: string[] = []
  private readonly keyIds = new Map<string, number>()
  private readonly keyHeads = new GrowableInt32(16, NONE)

  /** Number of distinct terms. */
  get size(): number {
    return this.terms.length
  }

  /** The id of a term, or -1. */
  termId(term: string): number {
    return this.termIds.get(term) ?? NONE
  }

  /** The id of a folded stem, or -1. */
  stemId(stem: string): number {
    return this.stemIds.get(stem) ?? NONE
  }

  /** The id of an alias key, or -1. */
  keyId(key: string): number {
    return this.keyIds.get(key) ?? NONE
  }

  /**
   * Returns the id of a term, adding and analysing it when new. `flat` says the string is known
   * not to be a view into a larger one (e.g. it came from JSON.parse), so no copy is needed.
   */
  intern(term: string, script: TokenScript, flat = false): number {
    const known = this.termIds.get(term)
    if (known !== undefined) return known
    if (!flat) term = detach(term)
    const id = this.terms.length
    this.terms.push(term)
    this.termIds.set(term, id)
    this.termScripts.push(script === 'bengali' ? 0 : script === 'number' ? 1 : 2)
    if (script !== 'bengali') {
      this.linkStem(id, 0, this.internStem(term, false))
      return id
    }
    const [first, second] = stemCandidates(term)
    const firstStem = fold(first as string) || (first as string)
    this.linkStem(id, 0, this.internStem(firstStem, true))
    if (second !== undefined) {
      const secondStem = fold(second) || second
      if (secondStem !== firstStem) this.linkStem(id, 1, this.internStem(secondStem, true))
    }
    return id
  }

  /** Calls `visit` for every term that has this stem. */
  forEachTermOfStem(stemId: number, visit: (termId: number) => void): void {
    for (let node = this.stemHeads.get(stemId); node !== NONE; node = this.nextTermOfStem.get(node)) {
      visit(Math.floor(node / STEMS_PER_TERM))
    }
  }

  /** Gives back the unused capacity of the link tables (after a bulk load). */
  trim(): void {
    for (const table of [this.termScripts, this.termStems, this.nextTermOfStem, this.stemHeads, this.nextStemOfKey, this.keyHeads]) table.trim()
  }

  /** Calls `visit` for every stem with this alias key. */
  forEachStemOfKey(keyId: number, visit: (stemId: number) => void): void {
    for (let stem = this.keyHeads.get(keyId); stem !== NONE; stem = this.nextStemOfKey.get(stem)) visit(stem)
  }

  private internStem(stem: string, bengali: boolean): number {
    const known = this.stemIds.get(stem)
    if (known !== undefined) return known
    const id = this.stems.length
    this.stems.push(stem)
    this.stemIds.set(stem, id)
    this.stemHeads.set(id, NONE)
    if (bengali) {
      const { k0 } = bengaliKeys(stem)
      if (k0.length > 0) this.linkKey(id, this.internKey(k0))
    }
    return id
  }

  private internKey(key: string): number {
    const known = this.keyIds.get(key)
    if (known !== undefined) return known
    const id = this.keys.length
    this.keys.push(key)
    this.keyIds.set(key, id)
    this.keyHeads.set(id, NONE)
    return id
  }

  private linkStem(termId: number, slot: number, stemId: number): void {
    const node = termId * STEMS_PER_TERM + slot
    this.termStems.set(node, stemId)
    this.nextTermOfStem.set(node, this.stemHeads.get(stemId))
    this.stemHeads.set(stemId, node)
  }

  private linkKey(stemId: number, keyId: number): void {
    this.nextStemOfKey.set(stemId, this.keyHeads.get(keyId))
    this.keyHeads.set(keyId, stemId)
  }
}
