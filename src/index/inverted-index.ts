/**
 * The inverted index: `field → term → [document, tf, positions]` over integer document numbers,
 * the field lengths BM25 needs, and deletions.
 *
 * New documents go to growing lists (cheap appends). Before a search they are sealed into a
 * small segment of compact lists; at the end of a bulk add, on a vacuum, or when the small
 * segments grow large, everything is sealed into one main segment, with a list per stem. Removed
 * documents are marked and skipped until a vacuum drops their postings.
 *
 * @module
 * @internal
 */

import { forEachWord, wordTerm, type TokenScript } from '../analysis/tokenize.js'
import { BanglaSearchError } from '../errors.js'
import { CompactLists, MAX_DOCUMENTS, NO_MORE_DOCS } from './compact-lists.js'
import { GrowableInt32 } from './growable.js'
import { GrowingLists } from './growing-lists.js'
import { ListCursor } from './list-cursor.js'
import { sealTermLists } from './seal.js'
import { FieldLists, Segment, type ListRef } from './segment.js'
import { detach, Vocabulary } from './vocabulary.js'
import { hashSlice } from './word-table.js'

/** Small segments are merged into the main one when there are more than this many... */
const MAX_SMALL_SEGMENTS = 8
/** ...or when they hold more than this share of the main segment's documents. */
const SMALL_SEGMENTS_SHARE = 0.25

/** The postings, field statistics and deletions of an index. */
export class InvertedIndex {
  readonly vocabulary: Vocabulary
  /** Per field: document → length in words. */
  readonly fieldLengths: GrowableInt32[]
  /** Per field: total length over live documents. */
  readonly fieldTotals: number[]
  /** Per document: 1 once deleted (documents past its end are live). */
  private readonly deleted = new GrowableInt32()
  /** Document numbers handed out so far (deleted ones included). */
  documentCount = 0
  /** Documents not deleted. */
  liveCount = 0
  /** Deleted documents whose postings are still in the lists. */
  deletedSinceVacuum = 0
  /** Changes whenever postings or deletions change (caches depend on it). */
  generation = 0
  /** Sealed segments in document order; the first is the main one. */
  private segments: Segment[] = []
  /** Documents from here on are in the growing lists. */
  private sealedUpTo = 0
  private growing: GrowingLists[]
  private readonly scratch = new IndexingScratch()
  private readonly liveCounts = new Map<string, number>()
  private readonly termFrequencies = new GenerationCache()
  private readonly stemFrequencies = new GenerationCache()
  private liveCountsGeneration = -1

  constructor(
    readonly fieldCount: number,
    vocabulary = new Vocabulary(),
  ) {
    this.vocabulary = vocabulary
    this.fieldLengths = Array.from({ length: fieldCount }, () => new GrowableInt32())
    this.fieldTotals = new Array<number>(fieldCount).fill(0)
    this.growing = Array.from({ length: fieldCount }, () => new GrowingLists())
  }

  /** Indexes one document's field texts (undefined for an absent field); returns its number. */
  addDocument(fieldTexts: ReadonlyArray<string | undefined>): number {
    const doc = this.documentCount
    if (doc >= MAX_DOCUMENTS) throw new BanglaSearchError('INVALID_ARGUMENT', `An index holds at most ${MAX_DOCUMENTS} documents (removed ones count until a vacuum).`)
    const lengths: number[] = []
    for (let field = 0; field < this.fieldCount; field++) {
      const text = fieldTexts[field]
      lengths.push(text === undefined ? 0 : this.indexField(doc, field, text))
    }
    return this.loadDocument(lengths)
  }

  /** Numbers a document whose postings are written (or loaded) and counts its field lengths. */
  loadDocument(lengths: readonly number[]): number {
    const doc = this.documentCount++
    lengths.forEach((length, field) => {
      this.fieldLengths[field]?.set(doc, length)
      this.fieldTotals[field] = (this.fieldTotals[field] as number) + length
    })
    this.liveCount++
    this.generation++
    return doc
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
    this.generation++
  }

  isDeleted(doc: number): boolean {
    return this.deleted.get(doc) === 1
  }

  /** The deletion flags, one per document number (documents past the end are live). */
  deletedFlags(): Int32Array {
    return this.deleted.data
  }

  fieldLength(field: number, doc: number): number {
    return this.fieldLengths[field]?.get(doc) ?? 0
  }

  averageFieldLength(field: number): number {
    return this.liveCount > 0 ? (this.fieldTotals[field] as number) / this.liveCount : 0
  }

  /**
   * The segments to search: the growing lists are sealed into a small segment first, and small
   * segments are merged into the main one when they are many or large.
   */
  searchSegments(): readonly Segment[] {
    if (this.sealedUpTo < this.documentCount) {
      const small = this.segments.slice(1)
      const smallDocs = small.reduce((sum, segment) => sum + segment.endDoc - segment.firstDoc, 0) + (this.documentCount - this.sealedUpTo)
      const main = this.segments[0]
      if (main === undefined || small.length >= MAX_SMALL_SEGMENTS || smallDocs > (main.endDoc - main.firstDoc) * SMALL_SEGMENTS_SHARE) this.seal()
      else this.flushGrowing()
    }
    return this.segments
  }

  /** Seals everything into one main segment with stem lists (after a bulk add). */
  seal(): void {
    if (this.segments.length <= 1 && this.sealedUpTo === this.documentCount && this.segments[0]?.fields.every((field) => field.hasStemLists) !== false) return
    this.rewrite(false)
  }

  /** Rewrites the lists without the deleted documents, so their memory is reclaimed. */
  vacuum(): void {
    if (this.deletedSinceVacuum === 0) return
    this.rewrite(true)
    this.deletedSinceVacuum = 0
  }

  /** Gives back the unused capacity of the tables (after a bulk add or a load). */
  trim(): void {
    this.seal()
    this.vocabulary.trim()
    for (const table of [...this.fieldLengths, this.deleted]) table.trim()
  }

  /** The term's list in every segment of a field that has it (after {@link searchSegments}). */
  termLists(field: number, termId: number): ListRef[] {
    const refs: ListRef[] = []
    for (const segment of this.segments) {
      const lists = segment.fields[field]?.terms
      if (lists?.has(termId)) refs.push({ lists, list: termId })
    }
    return refs
  }

  /** Postings of a term in a field, deleted documents included (an upper bound, free to read). */
  documentFrequencyBound(field: number, termId: number): number {
    let total = this.growing[field]?.count(termId) ?? 0
    for (const segment of this.segments) total += segment.termCount(field, termId)
    return total
  }

  /** Documents holding a term in any field (bound, as above). */
  totalFrequencyBound(termId: number): number {
    let total = 0
    for (let field = 0; field < this.fieldCount; field++) total += this.documentFrequencyBound(field, termId)
    return total
  }

  /**
   * Documents holding a term, summed over the fields. Exact: while removed documents await a
   * vacuum, their postings are skipped (counted once per index generation).
   */
  documentFrequency(termId: number): number {
    const cache = this.termFrequencies
    if (cache.generation !== this.generation) cache.reset(this.generation, this.vocabulary.size)
    let total = cache.get(termId)
    if (total >= 0) return total
    if (this.deletedSinceVacuum === 0) total = this.totalFrequencyBound(termId)
    else {
      total = 0
      this.searchSegments()
      for (let field = 0; field < this.fieldCount; field++) {
        for (const ref of this.termLists(field, termId)) total += this.liveCountOf(ref)
      }
    }
    cache.set(termId, total)
    return total
  }

  /** Documents holding any term of a stem, summed over its terms (for ranking candidate stems). */
  stemFrequency(stemId: number): number {
    const cache = this.stemFrequencies
    if (cache.generation !== this.generation) cache.reset(this.generation, this.vocabulary.stems.length)
    let total = cache.get(stemId)
    if (total >= 0) return total
    total = 0
    this.vocabulary.forEachTermOfStem(stemId, (termId) => {
      total += this.documentFrequency(termId)
    })
    cache.set(stemId, total)
    return total
  }

  /** Does any live document hold this term? */
  hasLiveDocuments(termId: number): boolean {
    return this.documentFrequency(termId) > 0
  }

  /** Live documents of one list (its count when nothing awaits a vacuum). */
  liveCountOf(ref: ListRef): number {
    if (this.deletedSinceVacuum === 0) return ref.lists.count(ref.list)
    if (this.liveCountsGeneration !== this.generation) {
      this.liveCounts.clear()
      this.liveCountsGeneration = this.generation
    }
    const cacheKey = `${listKey(ref.lists)}:${ref.list}`
    let count = this.liveCounts.get(cacheKey)
    if (count === undefined) {
      count = 0
      const cursor = new ListCursor()
      cursor.open(ref.lists, ref.list)
      for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) if (!this.isDeleted(doc)) count++
      this.liveCounts.set(cacheKey, count)
    }
    return count
  }

  /** Calls `visit` for every posting of a term in a field, deleted documents included (after a seal). */
  forEachPosting(field: number, termId: number, visit: (doc: number, positions: number[]) => void): void {
    const lists = this.sealedField(field)?.terms
    const cursor = new ListCursor()
    if (lists === undefined || !cursor.open(lists, termId)) return
    const positions: number[] = []
    for (let doc = cursor.doc; doc !== NO_MORE_DOCS; doc = cursor.nextDoc()) visit(doc, cursor.readPositions(positions))
  }

  /** The main segment's field lists after a seal (for saving), or undefined for an empty index. */
  sealedField(field: number): FieldLists | undefined {
    this.seal()
    return this.segments[0]?.fields[field]
  }

  /** Sets the field lengths of `count` loaded documents at once (before {@link loadSegment}). */
  loadDocuments(lengths: readonly Int32Array[]): void {
    const count = lengths[0]?.length ?? 0
    lengths.forEach((values, field) => {
      ;(this.fieldLengths[field] as GrowableInt32).load(values)
      let total = 0
      for (let doc = 0; doc < count; doc++) total += values[doc] as number
      this.fieldTotals[field] = total
    })
    this.documentCount = count
    this.liveCount = count
    this.generation++
  }

  /** Installs loaded compact lists as the main segment (stem lists built on first use). */
  loadSegment(fields: readonly CompactLists[]): void {
    const lists = fields.map((terms) => {
      const field = new FieldLists(terms, undefined)
      field.stemListsOnDemand()
      return field
    })
    this.segments = [new Segment(0, this.documentCount, lists)]
    this.sealedUpTo = this.documentCount
    this.generation++
  }

  /** Writes every segment and the growing lists into one main segment. */
  private rewrite(dropDeleted: boolean): void {
    const termCount = this.vocabulary.size
    const fields = Array.from({ length: this.fieldCount }, (_, field) => {
      const lengths = (this.fieldLengths[field] as GrowableInt32).data
      const sealed = this.segments.map((segment) => segment.fields[field]?.terms ?? CompactLists.empty())
      const terms = sealTermLists(sealed, this.growing[field], { termCount, lengths, dropped: dropDeleted ? (doc) => this.isDeleted(doc) : undefined })
      const lists = new FieldLists(terms, undefined)
      lists.buildStemLists(this.vocabulary.stems.length, (stem, visit) => this.vocabulary.forEachTermOfStem(stem, visit), lengths)
      return lists
    })
    this.segments = [new Segment(0, this.documentCount, fields)]
    this.growing = Array.from({ length: this.fieldCount }, () => new GrowingLists())
    this.sealedUpTo = this.documentCount
    this.generation++
  }

  /** Seals the growing lists into a small segment (no stem lists: its queries read term lists). */
  private flushGrowing(): void {
    const termCount = this.vocabulary.size
    const fields = Array.from({ length: this.fieldCount }, (_, field) => {
      const growing = this.growing[field] as GrowingLists
      const terms = sealTermLists([], growing, { termCount, lengths: (this.fieldLengths[field] as GrowableInt32).data, only: growing.terms() })
      return new FieldLists(terms, undefined)
    })
    this.segments.push(new Segment(this.sealedUpTo, this.documentCount, fields))
    this.growing = Array.from({ length: this.fieldCount }, () => new GrowingLists())
    this.sealedUpTo = this.documentCount
    this.generation++
  }

  /** Tokenises one field and appends its postings; returns its length in words. */
  private indexField(doc: number, field: number, text: string): number {
    const scratch = this.scratch
    let length = 0
    forEachWord(text, (start, termEnd, _end, script) => {
      scratch.word(length++, this.termIdOf(text, start, termEnd, script))
    })
    scratch.group(length, this.vocabulary.size)
    const growing = this.growing[field] as GrowingLists
    const { distinct, positions, starts, counts } = scratch
    for (let i = 0; i < scratch.distinctCount; i++) {
      const term = distinct[i] as number
      const from = starts[term] as number
      growing.append(term, doc, positions, from, from + (counts[term] as number))
    }
    return length
  }

  /** The term id of the word `text.slice(start, end)`: one hash-table probe; new words are analysed once. */
  private termIdOf(text: string, start: number, end: number, script: TokenScript): number {
    const { vocabulary } = this
    const hash = hashSlice(text, start, end)
    const known = vocabulary.words.find(text, start, end, hash)
    if (known >= 0) return known
    const raw = detach(text.slice(start, end))
    const term = wordTerm(raw, script)
    const id = vocabulary.intern(term, script)
    if (term !== raw) vocabulary.addRawForm(raw, hash, id)
    return id
  }
}

/** Numbers by id, valid for one index generation (-1 = not computed). */
class GenerationCache {
  generation = -1
  private values = new Int32Array(0)

  reset(generation: number, size: number): void {
    this.generation = generation
    if (this.values.length < size) this.values = new Int32Array(Math.max(size, this.values.length * 2))
    this.values.fill(-1)
  }

  get(id: number): number {
    return id < this.values.length ? (this.values[id] as number) : -1
  }

  set(id: number, value: number): void {
    if (id < this.values.length) this.values[id] = value
  }
}

/** Ids for compact-list objects, to key the live-count cache. */
const listKeys = new WeakMap<CompactLists, number>()
let nextListKey = 0

function listKey(lists: CompactLists): number {
  let key = listKeys.get(lists)
  if (key === undefined) listKeys.set(lists, (key = nextListKey++))
  return key
}

/**
 * Reused arrays for grouping one field's words by term: the term of each word, then a counting
 * sort that lists each distinct term's positions together, in increasing order.
 */
class IndexingScratch {
  /** Term of each word, by position. */
  private words: Int32Array<ArrayBuffer> = new Int32Array(1024)
  /** Positions grouped by term. */
  positions = new Int32Array(1024)
  /** Distinct terms, in the order of their first word. */
  distinct = new Int32Array(1024)
  distinctCount = 0
  /** Per term (valid for the distinct terms of the last group()): where its positions start, and how many. */
  starts = new Int32Array(1024)
  counts = new Int32Array(1024)
  /** Per term: the serial of the last group() that saw it. */
  private seen = new Int32Array(1024)
  private serial = 0

  word(position: number, term: number): void {
    if (position === this.words.length) this.words = grow(this.words, position + 1)
    this.words[position] = term
  }

  /** Groups the first `length` words' positions by term (`termCount` terms exist). */
  group(length: number, termCount: number): void {
    if (termCount > this.seen.length) {
      this.seen = grow(this.seen, termCount)
      this.starts = grow(this.starts, termCount)
      this.counts = grow(this.counts, termCount)
    }
    if (length > this.positions.length) {
      this.positions = grow(this.positions, length)
      this.distinct = grow(this.distinct, length)
    }
    const serial = ++this.serial
    const { words, seen, counts, starts, distinct, positions } = this
    let distinctCount = 0
    for (let i = 0; i < length; i++) {
      const term = words[i] as number
      if (seen[term] !== serial) {
        seen[term] = serial
        counts[term] = 0
        distinct[distinctCount++] = term
      }
      counts[term] = (counts[term] as number) + 1
    }
    let next = 0
    for (let i = 0; i < distinctCount; i++) {
      const term = distinct[i] as number
      starts[term] = next
      next += counts[term] as number
    }
    // place each position after its term's earlier ones (starts move forward, then move back)
    for (let i = 0; i < length; i++) {
      const term = words[i] as number
      positions[starts[term] as number] = i
      starts[term] = (starts[term] as number) + 1
    }
    for (let i = 0; i < distinctCount; i++) {
      const term = distinct[i] as number
      starts[term] = (starts[term] as number) - (counts[term] as number)
    }
    this.distinctCount = distinctCount
  }
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, array.length * 2))
  next.set(array)
  return next
}
