/**
 * The inverted index: `field → term → [document, term frequency, positions]`, over integer
 * document numbers, with the field lengths that BM25 needs. Documents are removed by marking
 * them deleted; {@link InvertedIndex.vacuum} drops their postings.
 *
 * @module
 * @internal
 */

import { forEachWord, wordScript, wordTerm, type TokenScript } from '../analysis/tokenize.js'
import { GrowableInt32 } from './growable.js'
import { PostingsPool, type PostingsReader } from './postings.js'
import { detach, Vocabulary } from './vocabulary.js'

const NO_SLOT = -1
/** A word looked up this often while indexing joins the frequent-word map. */
const FREQUENT_WORD_SIGHTINGS = 16
/** The frequent-word map holds at most this many words (about a megabyte). */
const FREQUENT_WORDS_MAX = 20_000

/** The postings, field statistics and deletions of an index. */
export class InvertedIndex {
  readonly vocabulary = new Vocabulary()
  private pool = new PostingsPool()
  /** Per field: term id → postings slot. */
  private fieldSlots: GrowableInt32[]
  /** Per field: document → length in words. */
  readonly fieldLengths: GrowableInt32[]
  /** Per field: total length over live documents. */
  readonly fieldTotals: number[]
  /** Per document: 1 once deleted (documents past its end are live). */
  private readonly deleted: GrowableInt32 = new GrowableInt32()
  /** Words seen often, by raw form: a small map consulted before the dictionary. */
  private readonly frequentWords = new Map<string, number>()
  /** Per term: how often it was looked up while indexing (to find the frequent words). */
  private readonly wordSightings = new GrowableInt32()
  /** Raw words that differ from their canonical term, mapped to the term's id. */
  private readonly rawWordIds = new Map<string, number>()
  /** Document numbers handed out so far (deleted ones included). */
  documentCount = 0
  /** Documents not deleted. */
  liveCount = 0
  /** Deleted documents whose postings are still in the pool. */
  deletedSinceVacuum = 0

  constructor(readonly fieldCount: number) {
    this.fieldSlots = Array.from({ length: fieldCount }, () => new GrowableInt32(16, NO_SLOT))
    this.fieldLengths = Array.from({ length: fieldCount }, () => new GrowableInt32())
    this.fieldTotals = new Array<number>(fieldCount).fill(0)
  }

  /** Indexes one document's field texts (undefined for an absent field); returns its number. */
  addDocument(fieldTexts: ReadonlyArray<string | undefined>): number {
    const doc = this.documentCount
    const lengths = Array.from({ length: this.fieldCount }, (_, field) => {
      const text = fieldTexts[field]
      return text === undefined ? 0 : this.indexField(doc, field, text)
    })
    return this.loadDocument(lengths)
  }

  /** Marks a document deleted and takes it out of the field statistics. */
  removeDocument(doc: number): void {
    if (this.isDeleted(doc)) return
    this.deleted.set(doc, 1)
    for (let field = 0; field < this.fieldCount; field++) {
      this.fieldTotals[field] = (this.fieldTotals[field] as number) - this.fieldLength(field, doc)
    }
    this.liveCount--
    this.deletedSinceVacuum++
  }

  isDeleted(doc: number): boolean {
    return this.deleted.get(doc) === 1
  }

  fieldLength(field: number, doc: number): number {
    return this.fieldLengths[field]?.get(doc) ?? 0
  }

  averageFieldLength(field: number): number {
    return this.liveCount > 0 ? (this.fieldTotals[field] as number) / this.liveCount : 0
  }

  /** A reader over a term's postings in a field, or undefined when the term is not in it. */
  postings(field: number, termId: number): PostingsReader | undefined {
    const slot = this.fieldSlots[field]?.get(termId) ?? NO_SLOT
    return slot === NO_SLOT ? undefined : this.pool.reader(slot)
  }

  /** Documents holding a term in a field, deleted ones included (an upper bound, free to read). */
  documentFrequencyBound(field: number, termId: number): number {
    const slot = this.fieldSlots[field]?.get(termId) ?? NO_SLOT
    return slot === NO_SLOT ? 0 : this.pool.docCounts.get(slot)
  }

  /** Documents holding a term in any field (bound, as above). */
  totalFrequencyBound(termId: number): number {
    let total = 0
    for (let field = 0; field < this.fieldCount; field++) total += this.documentFrequencyBound(field, termId)
    return total
  }

  /**
   * Documents holding a term in any field, counted up to `atMost`. Exact: while removed documents
   * await a vacuum, their postings are skipped (a slower path that only runs then).
   */
  documentFrequency(termId: number, atMost = Number.POSITIVE_INFINITY): number {
    if (this.deletedSinceVacuum === 0) return this.totalFrequencyBound(termId)
    let total = 0
    for (let field = 0; field < this.fieldCount; field++) {
      const reader = this.postings(field, termId)
      while (total < atMost && reader?.next()) if (!this.isDeleted(reader.doc)) total++
    }
    return total
  }

  /** Does any live document hold this term? */
  hasLiveDocuments(termId: number): boolean {
    return this.documentFrequency(termId, 1) > 0
  }

  /** Returns the unused end of the postings pool to the system (after a bulk add or a load). */
  trim(): void {
    this.pool.trim()
    this.vocabulary.trim()
    this.wordSightings.trim()
    for (const table of [...this.fieldSlots, ...this.fieldLengths, this.deleted]) table.trim()
  }

  /** Loads one field's list of a term from encoded entries (see the saved format). */
  loadPostings(field: number, termId: number, encoded: Uint8Array, lastDoc: number, docCount: number): void {
    const slot = this.pool.loadSlot(encoded, lastDoc, docCount)
    this.fieldSlots[field]?.set(termId, slot)
  }

  /** Numbers a document whose postings are written (or loaded) and counts its field lengths. */
  loadDocument(lengths: readonly number[]): number {
    const doc = this.documentCount++
    lengths.forEach((length, field) => {
      this.fieldLengths[field]?.set(doc, length)
      this.fieldTotals[field] = (this.fieldTotals[field] as number) + length
    })
    this.liveCount++
    return doc
  }

  /** Rewrites the postings without the deleted documents, so their memory is reclaimed. */
  vacuum(): void {
    if (this.deletedSinceVacuum === 0) return
    const fresh = new PostingsPool()
    const positions: number[] = []
    this.fieldSlots = this.fieldSlots.map((slots) => {
      const next = new GrowableInt32(slots.length, NO_SLOT)
      for (let termId = 0; termId < slots.length; termId++) {
        const slot = slots.get(termId)
        if (slot === NO_SLOT) continue
        const reader = this.pool.reader(slot)
        let freshSlot = NO_SLOT
        while (reader.next()) {
          if (this.isDeleted(reader.doc)) continue
          if (freshSlot === NO_SLOT) freshSlot = fresh.newSlot()
          reader.readPositions(positions)
          fresh.append(freshSlot, reader.doc, positions)
        }
        if (freshSlot !== NO_SLOT) next.set(termId, freshSlot)
      }
      return next
    })
    this.pool = fresh
    this.deletedSinceVacuum = 0
  }

  /** Tokenises one field and writes its postings; returns its length in words. */
  private indexField(doc: number, field: number, text: string): number {
    // Group by raw word first: each distinct word of the document costs one global lookup.
    const byWord = new Map<string, number[]>()
    let position = 0
    forEachWord(text, (start, termEnd) => {
      const word = text.slice(start, termEnd)
      const list = byWord.get(word)
      if (list === undefined) byWord.set(word, [position])
      else list.push(position)
      position++
    })
    // Two spellings of one term in a document (e.g. both encodings of য়) share one posting.
    const byTerm = new Map<number, number[]>()
    for (const [word, positions] of byWord) {
      const termId = this.termIdOf(word, wordScript(word))
      const list = byTerm.get(termId)
      if (list === undefined) byTerm.set(termId, positions)
      else for (const position of positions) list.push(position)
    }
    const merged = byTerm.size < byWord.size
    const slots = this.fieldSlots[field] as GrowableInt32
    for (const [termId, positions] of byTerm) {
      if (merged) positions.sort((a, b) => a - b)
      let slot = slots.get(termId)
      if (slot === NO_SLOT) {
        slot = this.pool.newSlot()
        slots.set(termId, slot)
      }
      this.pool.append(slot, doc, positions)
    }
    return position
  }

  /**
   * The term id of a raw word: a lookup in a small map of frequent words first (it stays in the
   * CPU cache), then in the dictionary; analysis runs only for new words.
   */
  private termIdOf(rawWord: string, script: TokenScript): number {
    const hot = this.frequentWords.get(rawWord)
    if (hot !== undefined) return hot
    let id = this.vocabulary.termId(rawWord)
    if (id < 0) id = this.rawWordIds.get(rawWord) ?? -1
    if (id < 0) {
      const term = wordTerm(rawWord, script)
      id = this.vocabulary.intern(term, script)
      if (term !== rawWord) this.rawWordIds.set(detach(rawWord), id)
      return id
    }
    const seen = this.wordSightings.get(id) + 1
    this.wordSightings.set(id, seen)
    if (seen === FREQUENT_WORD_SIGHTINGS && this.frequentWords.size < FREQUENT_WORDS_MAX) this.frequentWords.set(detach(rawWord), id)
    return id
  }
}
