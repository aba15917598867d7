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
import { foldedStems } from '../analysis/analyze.js'
import type { TokenScript } from '../analysis/tokenize.js'
import { GrowableInt32 } from './growable.js'
import { hashSlice, WordTable } from './word-table.js'

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
  /** Terms, and raw spellings that differ from their term, → term ids. */
  readonly words = new WordTable()
  /** Script of each term: 0 Bengali, 1 number, 2 other. */
  readonly termScripts = new GrowableInt32()
  /** The stems of each term: node = term * STEMS_PER_TERM + slot, -1 past the term's last stem. */
  readonly termStems = new GrowableInt32(16, NONE)
  /** Next node in the stem's term list. */
  private readonly nextTermOfStem = new GrowableInt32(16, NONE)
  /** Per stem: the number of terms that have it. */
  readonly stemTermCounts = new GrowableInt32()
  /** Per stem: its K1 alias key, computed on first use (it does not depend on the query). */
  private readonly stemDetailKeys: (string | undefined)[] = []

  /** Stem strings (folded) by id. */
  readonly stems: string[] = []
  private readonly stemIds = new Map<string, number>()
  /** First node of each stem's term list. */
  private readonly stemHeads = new GrowableInt32(16, NONE)
  /** The next stem with the same alias key (K0). */
  private readonly nextStemOfKey = new GrowableInt32(16, NONE)

  /** Alias key (K0) ids. */
  private readonly keyIds = new Map<string, number>()
  /** First stem of each alias key's stem list. */
  private readonly keyHeads = new GrowableInt32(16, NONE)

  /** Number of distinct terms. */
  get size(): number {
    return this.terms.length
  }

  /** The id of a term, or -1. */
  termId(term: string): number {
    return this.words.get(term)
  }

  /** Registers a raw spelling of an existing term (a word that normalises to it). */
  addRawForm(raw: string, hash: number, termId: number): void {
    this.words.add(raw, hash, termId)
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
    const hash = hashSlice(term, 0, term.length)
    const known = this.words.find(term, 0, term.length, hash)
    if (known >= 0) return known
    if (!flat) term = detach(term)
    const id = this.terms.length
    this.terms.push(term)
    this.words.add(term, hash, id)
    this.termScripts.push(script === 'bengali' ? 0 : script === 'number' ? 1 : 2)
    const stems = script === 'bengali' ? foldedStems(term) : [term]
    this.termStems.set(id * STEMS_PER_TERM + STEMS_PER_TERM - 1, NONE)
    stems.forEach((stem, slot) => {
      const stemId = this.internStem(stem, script === 'bengali')
      const node = id * STEMS_PER_TERM + slot
      this.termStems.set(node, stemId)
      this.nextTermOfStem.set(node, this.stemHeads.get(stemId))
      this.stemHeads.set(stemId, node)
      this.stemTermCounts.set(stemId, this.stemTermCounts.get(stemId) + 1)
    })
    return id
  }

  /** Calls `visit` for every term that has this stem. */
  forEachTermOfStem(stemId: number, visit: (termId: number) => void): void {
    for (let node = this.stemHeads.get(stemId); node !== NONE; node = this.nextTermOfStem.get(node)) {
      visit(Math.floor(node / STEMS_PER_TERM))
    }
  }

  /** The K1 alias key of a Bengali stem (cached: keys never change). */
  stemDetailKey(stemId: number): string {
    let key = this.stemDetailKeys[stemId]
    if (key === undefined) {
      key = bengaliKeys(this.stems[stemId] as string).k1
      this.stemDetailKeys[stemId] = key
    }
    return key
  }

  /** Gives back the unused capacity of the link tables (after a bulk load). */
  trim(): void {
    for (const table of [this.termScripts, this.termStems, this.nextTermOfStem, this.stemTermCounts, this.stemHeads, this.nextStemOfKey, this.keyHeads]) table.trim()
  }

  /** Calls `visit` for every stem with this alias key. */
  forEachStemOfKey(keyId: number, visit: (stemId: number) => void): void {
    for (let stem = this.keyHeads.get(keyId); stem !== NONE; stem = this.nextStemOfKey.get(stem)) visit(stem)
  }

  /** Returns the id of a stem, adding it (and linking it to its alias key when Bengali) when new. */
  private internStem(stem: string, bengali: boolean): number {
    const known = this.stemIds.get(stem)
    if (known !== undefined) return known
    const id = this.stems.length
    this.stems.push(stem)
    this.stemIds.set(stem, id)
    const k0 = bengali ? bengaliKeys(stem).k0 : ''
    if (k0.length === 0) return id
    let keyId = this.keyIds.get(k0)
    if (keyId === undefined) {
      keyId = this.keyIds.size
      this.keyIds.set(k0, keyId)
    }
    this.nextStemOfKey.set(id, this.keyHeads.get(keyId))
    this.keyHeads.set(keyId, id)
    return id
  }
}
