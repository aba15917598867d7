/**
 * Shared types of the benchmark harness: documents, the engine adapter interface and
 * the shapes of the results that `run.ts` writes to `bench/results/latest.json`.
 */

/** One document: an id and string fields (`text`, and `title` where a set has one). */
export interface Doc {
  id: string
  title?: string
  text: string
}

/** The field names a suite indexes. */
export type Field = 'title' | 'text'

/**
 * How a query is run.
 * - `plain`: ranked search with the engine's own default matching;
 * - `prefix`: the last (or only) query word is the start of a word;
 * - `fuzzy`: misspellings allowed (edit distance or the engine's own notion).
 */
export type Mode = 'plain' | 'prefix' | 'fuzzy'

/** Documents an engine reports as indexed; undefined when it has no way to tell. */
export type BuildCount = number | undefined

/** A serialised index: its size, and a way to load it again. */
export interface SavedIndex {
  /** Size of the serialised form in bytes (UTF-8 for text forms). */
  bytes: number
  /** Loads a fresh index from the serialised form and returns its document count. */
  load(): BuildCount | Promise<BuildCount>
  /** Other forms the engine can save to, measured beside the main one. */
  alternates?: Array<{ label: string; save(): { bytes: number; load(): BuildCount } }>
}

/** Figures an engine measures itself (engines that run outside this process). */
export interface SelfMeasured {
  buildMs?: number
  /** Latency of the last `search` call, measured inside the engine. */
  lastQueryMs?: number
  /** Load (open) time of the saved index, measured inside the engine. */
  loadMs?: number
  /** Heap in use after the build, in bytes, as the engine's runtime reports it. */
  heapBytes?: number
  /** How the engine reports memory, if not as a JS heap delta. */
  memoryNote?: string
}

/**
 * The adapter every engine implements. One instance holds one index.
 * `build` returns the number of documents the engine says it indexed (undefined when the
 * engine cannot tell): the harness checks it against the input, so an engine that silently
 * drops documents cannot look fast.
 */
export interface Engine {
  build(docs: readonly Doc[], fields: readonly Field[]): BuildCount | Promise<BuildCount>
  /**
   * Adds more documents to a built index (engines whose build is a loop of adds). The
   * scale suite then grows one index through 25 %, 50 % and 100 % instead of rebuilding.
   * Returns the new document count, like `build`.
   */
  add?(docs: readonly Doc[]): BuildCount | Promise<BuildCount>
  /** Returns result ids, best first, at most `limit`. */
  search(query: string, mode: Mode, limit: number): string[] | Promise<string[]>
  save?(): SavedIndex | Promise<SavedIndex>
  /** Present when the engine times itself (then the harness uses these figures). */
  self?: SelfMeasured
  /** Releases the index (and any child process). */
  close?(): void | Promise<void>
}

/** A configuration of one library that the harness can run. */
export interface EngineSpec {
  /** Stable key used in results and on the command line, e.g. `minisearch-fuzzy`. */
  id: string
  /** Library name, e.g. `MiniSearch`. */
  library: string
  /** Short configuration name, e.g. `prefix + fuzzy 0.2`. */
  variant: string
  /** What exactly is configured, one sentence. */
  config: string
  /** True for bangla-search itself. */
  ours?: boolean
  /** Which of the modes the configuration really supports (others fall back to `plain`). */
  modes: readonly Mode[]
  /** `search` returns a Promise (engines outside this process). */
  async?: boolean
  /**
   * When set, this configuration only differs from the named one at query time: at
   * scale the harness reuses that index instead of building a second one.
   */
  queriesIndexOf?: string
  /**
   * Set (to the reason) when the scale suite runs only the smallest and the largest share
   * for this configuration, to keep the full run within its time budget.
   */
  scaleEndsOnly?: string
  /**
   * For a configuration that runs a peer with one of bangla-search's adapters: the id of the
   * same library's configuration it is compared with in the adapter-lift table (its defaults).
   */
  liftOver?: string
  /** Why the scale suite does not run this configuration, if it does not. */
  skipScale?: string
  /** Why the large quality sets do not run this configuration, if they do not. */
  skipLargeQuality?: string
  /** Loads the library; throws (and the harness skips the engine) if it cannot. */
  load(): Promise<EngineFactory>
}

/** What an adapter module hands back once its library is loaded. */
export interface EngineFactory {
  version: string
  /** A new, empty engine. `base` is the already-built engine named by `queriesIndexOf`. */
  create(base?: Engine): Engine
}

/** Latency summary of one query class, in milliseconds. */
export interface LatencyStats {
  queries: number
  p50: number
  p95: number
  p99: number
  mean: number
  /** Queries that failed the suite's result check (0 when the check passed). */
  failed: number
  /** Set when the check failed: the figures are then not reported as valid. */
  error?: string
}
