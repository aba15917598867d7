/**
 * A hash table from words to term ids that is probed with a slice of a text, without cutting
 * the word out of it: the indexer looks up every word of every document here, and a string per
 * word (and a `Map` lookup that hashes it) was most of the indexing time.
 *
 * Open addressing with linear probing over a power-of-two table; FNV-1a over UTF-16 code units.
 *
 * @module
 * @internal
 */

const EMPTY = 0

/** Words (raw spellings and canonical terms) → term ids. */
export class WordTable {
  private words: string[] = []
  /** Per slot, two ints side by side: the entry's hash, and 1 + the entry's index (0 when empty). */
  private table = new Int32Array(2 << 12)
  private ids: number[] = []
  private mask = (1 << 12) - 1

  /** Number of words. */
  get size(): number {
    return this.words.length
  }

  /** The term id of `text.slice(start, end)`, or -1; `hash` is {@link hashSlice} of the same slice. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start
    const table = this.table
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = table[2 * slot + 1] as number
      if (entry === EMPTY) return -1
      if (table[2 * slot] !== hash) continue
      const word = this.words[entry - 1] as string
      if (word.length !== length) continue
      let i = 0
      while (i < length && word.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === length) return this.ids[entry - 1] as number
    }
  }

  /** The term id of a whole word, or -1. */
  get(word: string): number {
    return this.find(word, 0, word.length, hashSlice(word, 0, word.length))
  }

  /** Adds a word that is not in the table (the caller checked with {@link find}). */
  add(word: string, hash: number, id: number): void {
    if ((this.words.length + 1) * 4 > this.table.length) this.grow()
    this.words.push(word)
    this.ids.push(id)
    this.place(this.words.length, hash)
  }

  private place(entry: number, hash: number): void {
    const table = this.table
    let slot = hash & this.mask
    while (table[2 * slot + 1] !== EMPTY) slot = (slot + 1) & this.mask
    table[2 * slot] = hash
    table[2 * slot + 1] = entry
  }

  private grow(): void {
    const old = this.table
    this.table = new Int32Array(old.length * 2)
    this.mask = this.table.length / 2 - 1
    for (let slot = 0; slot < old.length / 2; slot++) {
      const entry = old[2 * slot + 1] as number
      if (entry !== EMPTY) this.place(entry, old[2 * slot] as number)
    }
  }
}

/** FNV-1a over the UTF-16 code units of `text.slice(start, end)`. */
export function hashSlice(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash
}
