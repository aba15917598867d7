/**
 * Public option and result types of {@link SearchIndex}.
 *
 * @module
 */

import type { ErrorCode } from './errors.js'

/** A document id: a string or a finite number, unique within one index. */
export type DocumentId = string | number

/**
 * A document handed to {@link SearchIndex.add}: a plain object of fields (any interface of
 * yours, e.g. `{ id: number; title: string; text: string }`). Indexed fields must hold strings.
 */
export type SearchDocument = object

/** Values kept for a hit from the fields named in `storeFields`. */
export type StoredFields = Record<string, unknown>

/**
 * How a query word reached a document's word.
 *
 * - `exact`: the same word after canonical normalisation (`রাশিয়া` typed with U+09DF finds `রাশিয়া` typed with U+09AF U+09BC).
 * - `stem`: the same stem (`পুতিনের` finds `পুতিন`).
 * - `alias`: a spelling or transliteration variant (`ভ্লাদিভস্তক` finds `ভ্লাদিভোস্টক`).
 * - `roman`: a Latin-script query word mapped onto Bengali (`putin` finds `পুতিন`).
 * - `prefix`: the query word is the start of the document word (`ক্রেম` finds `ক্রেমলিন`).
 * - `fuzzy`: a typo correction of a word no document holds (`ওয়াশিংটম` finds `ওয়াশিংটন`).
 * - `compound`: the closed compound of two neighbouring query words (`স্বর্ণ মন্দিরের` finds `স্বর্ণমন্দিরের`).
 * - `synonym`: through an alias group given in the index options.
 */
export type MatchKind = 'exact' | 'stem' | 'alias' | 'roman' | 'prefix' | 'fuzzy' | 'compound' | 'synonym'

/** One matched word of a hit: the document's word, the field it stands in and how it matched. */
export interface MatchInfo {
  /** The query word (as the user typed it, normalised); for a word of a phrase, the whole phrase. */
  readonly query: string
  /** The indexed word that matched, in its normalised form. */
  readonly term: string
  /** The field the word was found in. */
  readonly field: string
  /** How the word matched. */
  readonly kind: MatchKind
}

/** One ranked search result: `{ id, score, match, snippet?, ...storedFields }`. */
export interface SearchHit {
  /** The document's id. */
  readonly id: DocumentId
  /** The relevance score; larger is better. Comparable only within one search. */
  readonly score: number
  /**
   * How each query clause (a word or a phrase) matched: its best match in the document — the
   * strongest kind, in the first field where it was found — ordered best kind first. A phrase
   * gives one entry per word, in the phrase's order, each with its own kind: `"উত্তর কোরিয়া"`
   * matching `উত্তর কোরিয়ার` gives `উত্তর` (`exact`) and `কোরিয়ার` (`stem`).
   */
  readonly match: readonly MatchInfo[]
  /** The best window of text around the matches with the words marked, when `highlight` is on and the field is stored. */
  readonly snippet?: string
  /** The field the snippet was taken from. */
  readonly snippetField?: string
  /** The scoring parts, when `explain` is on. */
  readonly explanation?: readonly ScoreExplanation[]
  /** The values of the document's `storeFields`, copied onto the hit under their own names. */
  readonly [storedField: string]: unknown
}

/** One part of a hit's score, given when `explain: true`. */
export interface ScoreExplanation {
  /** The query clause (a word, a phrase or a prefix). */
  readonly clause: string
  /** The field scored. */
  readonly field: string
  /** The weighted term frequency of the clause in the field. */
  readonly tf: number
  /** The number of documents the clause matches in the field. */
  readonly df: number
  /** The inverse document frequency used. */
  readonly idf: number
  /** The length of the field in words. */
  readonly fieldLength: number
  /** The average length of the field over all documents. */
  readonly averageFieldLength: number
  /** The field boost applied. */
  readonly boost: number
  /** The clause's weight in the query (lowered for stopwords). */
  readonly clauseWeight: number
  /** The resulting score part. */
  readonly score: number
}

/** BM25 parameters. */
export interface Bm25Parameters {
  /** Term-frequency saturation, `>= 0`. Default 1.2. */
  readonly k1: number
  /** Length normalisation, between 0 and 1. Default 0.75. */
  readonly b: number
}

/** Options of a {@link SearchIndex}, given once when it is made. */
export interface SearchIndexOptions {
  /** The fields to index for full-text search. At least one. */
  readonly fields: readonly string[]
  /** The fields whose values are kept and returned with every hit (and used for snippets). Default none. */
  readonly storeFields?: readonly string[]
  /** The document field that holds the id. Default `'id'`. */
  readonly idField?: string
  /** A score multiplier per field, e.g. `{ title: 2 }`. Default 1 for every field. */
  readonly boost?: Readonly<Record<string, number>>
  /**
   * Groups of words that mean the same thing to you (user synonyms and transliterations), e.g.
   * `[['ভ্লাদিভোস্টক', 'Vladivostok'], ['চট্টগ্রাম', 'chittagong']]`. A query for one word of a group also
   * finds the others, ranked as kind `synonym`.
   */
  readonly aliases?: ReadonlyArray<readonly string[]>
  /** BM25 parameters. Default `{ k1: 1.2, b: 0.75 }`. */
  readonly bm25?: Partial<Bm25Parameters>
  /**
   * How stored fields are kept: long values are compressed in blocks of about `blockSize` bytes
   * (256 to 16 MiB; default 16384) at `level` (1 fastest … 9 smallest; default 3), and a block is
   * decompressed only when a hit shown needs it. Larger blocks compress a little better and read
   * a little slower (see `docs/stored-fields.md`).
   */
  readonly storeCompression?: {
    /** About how many bytes of text one compressed block holds, 256 to 16 MiB. Default 16384. */
    readonly blockSize?: number
    /** 1 (fastest) to 9 (smallest). Default 3. */
    readonly level?: number
  }
  /**
   * What to do with an indexed field in legacy Bijoy/SutonnyMJ encoding (as
   * `detectLegacyBengali` judges it): `'reject'` (the default) refuses the document with
   * `LEGACY_ENCODING`; `'convert'` converts the field with `convertLegacyBengali` and indexes
   * and stores the Unicode text, so hits and snippets show readable Bengali; `'skip'` leaves
   * the document out of `addAll` and `addAllAsync` even in their default all-or-nothing mode,
   * listing it in the report (`add` and `replace`, which have no report, throw as for `'reject'`).
   */
  readonly legacy?: 'reject' | 'convert' | 'skip'
}

/** Options of one search. Every option has a default that serves a user who gives none. */
export interface SearchOptions {
  /** How many hits to return. Default 10. */
  readonly limit?: number
  /** How many of the best hits to skip (for paging). Default 0. */
  readonly offset?: number
  /**
   * Treat query words as the start of a word (autocomplete): `true` for every word, `'last'` for
   * the last word only (what a search box wants while the user types). Default false. `word*`
   * does it for one word.
   */
  readonly prefix?: boolean | 'last'
  /** Typo tolerance counted in grapheme clusters: one typo for words of 5+ clusters, two for 9+. Default true. */
  readonly fuzzy?: boolean
  /** `'or'` ranks documents with any query word (more words first); `'and'` needs every word. Default `'or'`. */
  readonly combineWith?: 'or' | 'and'
  /** Search only these fields. Default every indexed field. */
  readonly fields?: readonly string[]
  /** Keep only hits whose stored fields pass this test. */
  readonly filter?: (stored: StoredFields, id: DocumentId) => boolean
  /** Add a snippet with the matches marked. Default false. */
  readonly highlight?: boolean | HighlightOptions
  /** Add the scoring parts to every hit. Default false. */
  readonly explain?: boolean
  /** Multiply the score of a field for this search, on top of the index's boosts. */
  readonly boost?: Readonly<Record<string, number>>
}

/** How snippets are made. */
export interface HighlightOptions {
  /** Text put before a matched word. Default `'<mark>'`. */
  readonly open?: string
  /** Text put after a matched word. Default `'</mark>'`. */
  readonly close?: string
  /** HTML-escape the text around the marks. Default true. */
  readonly escapeHtml?: boolean
  /** The snippet's length in grapheme clusters, roughly. Default 160. */
  readonly length?: number
  /** The text put where the snippet cuts the field. Default `'…'`. */
  readonly ellipsis?: string
}

/** Options of {@link SearchIndex.suggest}. */
export interface SuggestOptions {
  /** How many suggestions to return. Default 5. */
  readonly limit?: number
  /** Restrict suggestions to these fields. Default every indexed field. */
  readonly fields?: readonly string[]
}

/** One completion suggested for a partly typed query. */
export interface Suggestion {
  /** The whole suggested query (earlier words kept, the last one completed). */
  readonly suggestion: string
  /** The completed last word as it is indexed. */
  readonly term: string
  /** How often the word occurs (number of documents). */
  readonly documentFrequency: number
  /** A relevance score; larger is better. */
  readonly score: number
}

/** Progress of {@link SearchIndex.addAllAsync}. */
export interface AddProgress {
  /** Documents added so far. */
  readonly done: number
  /** Documents to add in all. */
  readonly total: number
}

/**
 * Options of {@link SearchIndex.addAll} (and of {@link SearchIndex.addAllAsync}).
 *
 * @example
 * ```ts
 * const report = index.addAll(documents, { onInvalid: 'skip' })
 * report.added                  // 2
 * report.skipped.count          // 1
 * report.skipped.entries[0]     // { position: 1, id: 'b', code: 'LEGACY_ENCODING', message: '…' }
 * ```
 */
export interface AddAllOptions {
  /**
   * What to do with a document that cannot be indexed (not an object, no id or a bad one, a field
   * that is not a string, legacy Bijoy text, an id already in the index or given twice):
   * `'throw'` (the default) throws its error and adds nothing; `'skip'` adds every other
   * document and lists the skipped ones in the report (of ids given twice, the first is kept).
   */
  readonly onInvalid?: 'throw' | 'skip'
  /** How many skipped documents the report lists one by one (the count covers them all). Default 100, at most 10,000. */
  readonly maxReported?: number
  /** Called for every skipped document as it is found, also beyond `maxReported` (e.g. to write them all to a file). */
  readonly onSkipped?: (skipped: SkippedDocument) => void
}

/** One document that {@link SearchIndex.addAll} skipped. */
export interface SkippedDocument {
  /** Where it was in the documents given, counted from 0. */
  readonly position: number
  /** Its id, when it has a valid one. */
  readonly id?: DocumentId
  /** Why it was skipped (the code it would have thrown). */
  readonly code: ErrorCode
  /** What is wrong with it and what to fix. */
  readonly message: string
}

/** What {@link SearchIndex.addAll} did: how many documents it added and which it skipped. */
export interface AddAllReport {
  /** Documents added. */
  readonly added: number
  /** Documents skipped: all of them counted, the first `maxReported` listed. */
  readonly skipped: {
    /** How many documents were skipped. */
    readonly count: number
    /** The first skipped documents, in the order given. */
    readonly entries: readonly SkippedDocument[]
  }
}

/** Options of {@link SearchIndex.addAllAsync}. */
export interface AddAllAsyncOptions extends AddAllOptions {
  /** Called after every chunk with the progress. */
  readonly onProgress?: (progress: AddProgress) => void
  /** Documents added between two yields to the event loop. Default 500. */
  readonly chunkSize?: number
  /** Cancels the operation; the documents added before the abort stay in the index. */
  readonly signal?: AbortSignal
}
