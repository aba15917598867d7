/** The JSON written to bench/results/, and small formatting helpers shared by the reports. */
import type { MachineInfo } from '../machine.js'
import type { QualityResult } from '../suites/quality.js'
import type { ScaleResult } from '../suites/scale.js'
import type { StoredResult } from '../suites/stored.js'
import type { SizeResult } from '../suites/size.js'

export interface EngineInfo {
  id: string
  library: string
  variant: string
  version?: string
  config: string
  ours: boolean
  modes: string[]
  sharesIndexWith?: string
  /** Adapter configurations: the id of the same library's defaults, for the lift table. */
  liftOver?: string
  skipScale?: string
  scaleEndsOnly?: string
  skipLargeQuality?: string
  error?: string
}

export interface BenchResults {
  /** ISO date of the run. */
  date: string
  quick: boolean
  /** Wall time of the whole run in seconds. */
  seconds: number
  machine: MachineInfo
  engines: EngineInfo[]
  /** Eval sets used: key → documents, queries run. */
  sets: Record<string, { title: string; docs: number; queries: number }>
  quality: QualityResult[]
  scale?: ScaleResult
  /** The same at the paragraph scale: the blog posts split into paragraphs (bangla-search and Lucene). */
  paragraphScale?: ScaleResult
  /** Every field stored: saved size, load, heap and snippet searches. */
  stored?: StoredResult
  /** Minified + gzipped size of each package's entry. */
  size?: SizeResult[]
  /** Why a suite did not run. */
  notes: string[]
}

export const MB = 2 ** 20

/** A number with a fixed number of digits, or an em dash for missing values. */
export function fmt(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  return value.toFixed(digits)
}

/** Milliseconds with precision that suits their size. */
export function fmtMs(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  if (value < 1) return value.toFixed(2)
  if (value < 10) return value.toFixed(1)
  return value.toFixed(0)
}

/** Thousands separators. */
export function int(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  return Math.round(value).toLocaleString('en-US')
}

/** Display name of an engine configuration. */
export function label(engine: EngineInfo): string {
  return engine.variant === 'defaults' && engine.ours ? engine.library : `${engine.library} ${engine.variant}`
}
