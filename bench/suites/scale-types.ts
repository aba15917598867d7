/** Shapes shared by the scale suite's parent (scale.ts) and its child processes. */
import type { QualityScores } from './quality.js'
import type { ScaleQueries } from './scale-queries.js'
import type { Field, LatencyStats } from '../types.js'

/** The four query classes timed at scale. */
export type QueryClass = 'word' | 'title' | 'prefix' | 'fuzzy'
export const QUERY_CLASSES: readonly QueryClass[] = ['word', 'title', 'prefix', 'fuzzy']

/** What a child process is asked to do (written to a temporary JSON file). */
export interface ChildPlan {
  corpusPath: string
  /** Posts, or their paragraphs as documents (see corpus.ts). */
  shape: 'posts' | 'paragraphs'
  /** Results asked for per title query (100 for posts, 10 for paragraphs). */
  titleLimit: number
  /** Score the title queries as known-item searches (posts only: the targets are posts). */
  knownItem: boolean
  fields: Field[]
  /** Corpus shares and the document counts they stand for, ascending. */
  shares: number[]
  docCounts: number[]
  /** Indexes into shares/docCounts that this child runs. */
  run: number[]
  /** The first engine builds the index; the others only query it. */
  engineIds: string[]
  queries: ScaleQueries
  /** Time budget for one query class at each scale, in ms (titles at the largest scale: `titleBudgetMs`). */
  budgetMs: number[]
  titleBudgetMs: number
  /** Never fewer queries than this per class (unless the set is smaller). */
  minQueries: number
  /** Save and load the index at every share, or only at the largest one. */
  saveAt: 'every' | 'largest'
  /** Where the child writes its ScalePoint[] as JSON. */
  outPath: string
}

export interface ScalePoint {
  engine: string
  share: number
  docs: number
  /** UTF-8 bytes of the indexed text. */
  bytes: number
  buildMs?: number
  /** True when this point was reached by adding documents to the previous point's index. */
  incremental?: boolean
  /** Set for configurations that query another configuration's index. */
  sharedIndexWith?: string
  /** Live heap (heapUsed + arrayBuffers) held by the index after a full GC. */
  heapBytes?: number
  heapNote?: string
  savedBytes?: number
  saveMs?: number
  loadMs?: number
  /** Other saved forms of the same index (bangla-search: JSON version 1 beside the binary format). */
  savedAlternates?: Array<{ label: string; bytes: number; saveMs: number; loadMs: number }>
  saveError?: string
  latency: Partial<Record<QueryClass, LatencyStats>>
  /** Known-item quality over the title queries whose post is in this slice. */
  knownItem?: QualityScores
  /**
   * Reciprocal rank (@10) of each title query run, in query order; -1 where the query's
   * post is not in this slice. Lets two engines be compared on the same queries.
   */
  knownItemRR?: number[]
  error?: string
}
