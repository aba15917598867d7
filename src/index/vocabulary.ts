/**
 * The term dictionary: every distinct indexed word (its canonical form), the stems it has, and
 * the alias keys of those stems, as integer ids linked in typed arrays.
 *
 * `term → id`, `stem → every term with that stem`, `alias key (K0) → every stem with that key`.
 * The analysis of a word runs once, when the word is first seen; each further occurrence costs
 * one hash-table probe.
 *
 * A loaded dictionary (saved format version 2) comes sorted: its lookups are binary searches
 * until the first new word is added, so loading builds no hash table.
 *
 * @module
 * @internal
 */

import { bengaliKeys } from '../analysis/alias-keys.js'
import { foldedStems } from '../analysis/analyze.js'
import type { TokenScript } from '../analysis/tokenize.js'
import { GrowableInt32 } from './growable.js'
import { KeyBuckets } from './key-buckets.js'
import { StringList } from './string-list.js'
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

/** Strings of a saved dictionary: front-coded, sorted by code unit (see `string-list.ts`). */
export interface SavedStrings {
  readonly data: Uint8Array
  readonly blockStarts: Int32Array
  readonly count: number
}

/** The parts of a saved dictionary. */
export interface VocabularyParts {
  readonly terms: SavedStrings
  /** Per term: 0 Bengali, 1 number, 2 other. */
  readonly scripts: Int32Array
  /** Per term, STEMS_PER_TERM stem ids (-1 past the last). */
  readonly termStems: Int32Array
  readonly stems: SavedStrings
  /** Per stem: its alias key id, or -1. */
  readonly stemKeys: Int32Array
  readonly keys: SavedStrings
}

/** Terms, stems and alias keys with their links. */
export class Vocabulary {
  /** Term strings by id. */
  readonly terms = new StringList()
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
  readonly stems = new StringList()
  /** First node of each stem's term list. */
  private readonly stemHeads = new GrowableInt32(16, NONE)
  /** Per stem: its alias key (K0) id, or -1. */
  readonly stemKeys = new GrowableInt32(16, NONE)
  /** The next stem with the same alias key. */
  private readonly nextStemOfKey = new GrowableInt32(16, NONE)
  /** The stems of each key side by side, as of some stem count (built on first need). */
  private keyBuckets: KeyBuckets | undefined
  /** Alias key (K0) strings by id. */
  readonly keys = new StringList()
  /** First stem of each alias key's stem list. */
  private readonly keyHeads = new GrowableInt32(16, NONE)

  private sortedIds: Int32Array | undefined
  /** Terms, and raw spellings that differ from their term, → term ids (built on first need when loaded). */
  private wordTable: WordTable | undefined = new WordTable()
  private stemIds: Map<string, number> | undefined = new Map()
  private keyIds: Map<string, number> | undefined = new Map()

  /** Number of distinct terms. */
  get size(): number {
    return this.terms.length
  }

  /** Are the terms (and stems, and keys) in code-unit order, with no hash table built yet (a loaded dictionary)? */
  get sorted(): boolean {
    return this.wordTable === undefined
  }

  /** The table of words the indexer probes (built from a loaded dictionary on first use). */
  get words(): WordTable {
    if (this.wordTable === undefined) this.buildLookups()
    return this.wordTable as WordTable
  }

  /** The string of a term. */
  term(termId: number): string {
    return this.terms.get(termId)
  }

  /** The string of a stem. */
  stem(stemId: number): string {
    return this.stems.get(stemId)
  }

  /** Number of stems. */
  get stemCount(): number {
    return this.stems.length
  }

  /** The id of a term, or -1. */
  termId(term: string): number {
    return this.wordTable === undefined ? this.terms.findLoaded(term) : this.wordTable.get(term)
  }

  /** Registers a raw spelling of an existing term (a word that normalises to it). */
  addRawForm(raw: string, hash: number, termId: number): void {
    this.words.add(raw, hash, termId)
  }

  /** The id of a folded stem, or -1. */
  stemId(stem: string): number {
    return this.stemIds === undefined ? this.stems.findLoaded(stem) : (this.stemIds.get(stem) ?? NONE)
  }

  /** The id of an alias key, or -1. */
  keyId(key: string): number {
    return this.keyIds === undefined ? this.keys.findLoaded(key) : (this.keyIds.get(key) ?? NONE)
  }

  /**
   * Returns the id of a term, adding and analysing it when new. `flat` says the string is known
   * not to be a view into a larger one (e.g. it came from JSON.parse), so no copy is needed.
   */
  intern(term: string, script: TokenScript, flat = false): number {
    const words = this.words
    const hash = hashSlice(term, 0, term.length)
    const known = words.find(term, 0, term.length, hash)
    if (known >= 0) return known
    if (!flat) term = detach(term)
    const id = this.terms.push(term)
    words.add(term, hash, id)
    this.termScripts.push(script === 'bengali' ? 0 : script === 'number' ? 1 : 2)
    const stems = script === 'bengali' ? foldedStems(term) : [term]
    this.termStems.set(id * STEMS_PER_TERM + STEMS_PER_TERM - 1, NONE)
    stems.forEach((stem, slot) => this.link(id, slot, this.internStem(stem, script === 'bengali')))
    return id
  }

  /**
   * Every term id in code-unit order of the terms (kept until a term is added). A loaded
   * dictionary is in that order already; otherwise the engine's own string sort does it (no
   * comparator: about three times faster).
   */
  sortedTermIds(): Int32Array {
    if (this.sortedIds?.length === this.terms.length) return this.sortedIds
    if (this.terms.sortedOnly) this.sortedIds = Int32Array.from({ length: this.terms.length }, (_, id) => id)
    else {
      const names = new Array<string>(this.terms.length)
      for (let id = 0; id < names.length; id++) names[id] = this.terms.get(id)
      const sortedNames = names.slice().sort()
      // every term is distinct: its id comes back through the table of words
      this.sortedIds = Int32Array.from(sortedNames, (name) => this.termId(name))
    }
    return this.sortedIds
  }

  /** Calls `visit` for every term that has this stem. */
  forEachTermOfStem(stemId: number, visit: (termId: number) => void): void {
    for (let node = this.stemHeads.get(stemId); node !== NONE; node = this.nextTermOfStem.get(node)) {
      visit(Math.floor(node / STEMS_PER_TERM))
    }
  }

  /**
   * Calls `visit` for every stem with this alias key: those added since the last snapshot from
   * the key's chain (they come first in it), the rest from the snapshot (see `key-buckets.ts`),
   * which is taken again once an eighth of the stems are newer.
   */
  forEachStemOfKey(keyId: number, visit: (stemId: number) => void): void {
    let buckets = this.keyBuckets
    const stemCount = this.stems.length
    if (buckets === undefined || stemCount - buckets.stemCount > Math.max(1024, buckets.stemCount >>> 3)) {
      buckets = KeyBuckets.build(stemCount, this.keys.length, (stem) => this.stemKeys.get(stem))
      this.keyBuckets = buckets
    }
    let stem = this.keyHeads.get(keyId)
    for (; stem !== NONE && stem >= buckets.stemCount; stem = this.nextStemOfKey.get(stem)) visit(stem)
    if (stem !== NONE) buckets.forEach(keyId, visit)
  }

  /** The K1 alias key of a Bengali stem (cached: keys never change). */
  stemDetailKey(stemId: number): string {
    let key = this.stemDetailKeys[stemId]
    if (key === undefined) {
      key = bengaliKeys(this.stems.get(stemId)).k1
      this.stemDetailKeys[stemId] = key
    }
    return key
  }

  /** Gives back the unused capacity of the link tables (after a bulk load). */
  trim(): void {
    for (const table of [this.termScripts, this.termStems, this.nextTermOfStem, this.stemTermCounts, this.stemHeads, this.stemKeys, this.nextStemOfKey, this.keyHeads]) table.trim()
  }

  /** A dictionary from saved parts (checked by the caller: ids in range). */
  static load(parts: VocabularyParts): Vocabulary {
    const vocabulary = new Vocabulary()
    vocabulary.wordTable = undefined
    vocabulary.stemIds = undefined
    vocabulary.keyIds = undefined
    vocabulary.terms.load(parts.terms.data, parts.terms.blockStarts, parts.terms.count)
    vocabulary.stems.load(parts.stems.data, parts.stems.blockStarts, parts.stems.count)
    vocabulary.keys.load(parts.keys.data, parts.keys.blockStarts, parts.keys.count)
    vocabulary.termScripts.load(parts.scripts)
    vocabulary.termStems.load(parts.termStems)
    vocabulary.stemKeys.load(parts.stemKeys)
    // the term lists of stems and the stem lists of keys, chained in typed arrays
    const termCount = parts.terms.count
    const stemCount = parts.stems.count
    const nextTermOfStem = new Int32Array(termCount * STEMS_PER_TERM).fill(NONE)
    const stemHeads = new Int32Array(stemCount).fill(NONE)
    const stemTermCounts = new Int32Array(stemCount)
    const { termStems, stemKeys } = parts
    for (let node = termStems.length - 1; node >= 0; node--) {
      const stem = termStems[node] as number
      if (stem < 0) continue
      nextTermOfStem[node] = stemHeads[stem] as number
      stemHeads[stem] = node
      stemTermCounts[stem] = (stemTermCounts[stem] as number) + 1
    }
    const nextStemOfKey = new Int32Array(stemCount).fill(NONE)
    const keyHeads = new Int32Array(parts.keys.count).fill(NONE)
    for (let stem = stemCount - 1; stem >= 0; stem--) {
      const key = stemKeys[stem] as number
      if (key < 0) continue
      nextStemOfKey[stem] = keyHeads[key] as number
      keyHeads[key] = stem
    }
    vocabulary.nextTermOfStem.load(nextTermOfStem)
    vocabulary.stemHeads.load(stemHeads)
    vocabulary.stemTermCounts.load(stemTermCounts)
    vocabulary.nextStemOfKey.load(nextStemOfKey)
    vocabulary.keyHeads.load(keyHeads)
    return vocabulary
  }

  /** Links term `term`'s stem in slot `slot`. */
  private link(term: number, slot: number, stemId: number): void {
    const node = term * STEMS_PER_TERM + slot
    this.termStems.set(node, stemId)
    this.nextTermOfStem.set(node, this.stemHeads.get(stemId))
    this.stemHeads.set(stemId, node)
    this.stemTermCounts.set(stemId, this.stemTermCounts.get(stemId) + 1)
  }

  /** Builds the hash tables of a loaded dictionary (before its first new word). */
  private buildLookups(): void {
    const table = new WordTable()
    for (let id = 0; id < this.terms.length; id++) {
      const term = this.terms.get(id)
      table.add(term, hashSlice(term, 0, term.length), id)
    }
    this.wordTable = table
    this.stemIds = new Map()
    for (let id = 0; id < this.stems.length; id++) this.stemIds.set(this.stems.get(id), id)
    this.keyIds = new Map()
    for (let id = 0; id < this.keys.length; id++) this.keyIds.set(this.keys.get(id), id)
  }

  /** Returns the id of a stem, adding it (and linking it to its alias key when Bengali) when new. */
  private internStem(stem: string, bengali: boolean): number {
    if (this.stemIds === undefined) this.buildLookups()
    const stemIds = this.stemIds as Map<string, number>
    const known = stemIds.get(stem)
    if (known !== undefined) return known
    const id = this.stems.push(stem)
    stemIds.set(stem, id)
    const k0 = bengali ? bengaliKeys(stem).k0 : ''
    if (k0.length === 0) return id
    const keyIds = this.keyIds as Map<string, number>
    let keyId = keyIds.get(k0)
    if (keyId === undefined) {
      keyId = this.keys.push(k0)
      keyIds.set(k0, keyId)
    }
    this.stemKeys.set(id, keyId)
    this.nextStemOfKey.set(id, this.keyHeads.get(keyId))
    this.keyHeads.set(keyId, id)
    return id
  }
}
