/**
 * A one-line progress bar on stderr for `index` (and for `search` over a corpus): documents,
 * MB/s and ETA. Shown only when stderr is a terminal; silent when it is piped.
 *
 * @module
 */

import type { IndexProgress } from 'bangla-search/node'
import { displayWidth, formatBytes, formatCount, formatDuration, type Style } from './output.js'

/** Redraws at most this often, in milliseconds. */
const REDRAW_EVERY_MS = 100
const BAR_WIDTH = 24
/** Speed and ETA are shown once a phase has run this long, in seconds (earlier they are noise). */
const MIN_RATE_SECONDS = 0.5

/**
 * Draws {@link IndexProgress} reports on one terminal line.
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(process.stderr, style)
 * await indexCorpus('খবর.jsonl', { onProgress: bar.update })
 * bar.clear()
 * // while running: indexing [██████████░░░░░░░░░░░░░░]  42%  12,345/29,100 docs  8.1 MB/s  ETA 0:37
 * ```
 */
export class ProgressBar {
  private phase: IndexProgress['phase'] | undefined
  private phaseStart = 0
  private lastDraw = 0
  private drawn = false

  /**
   * @param stream - a terminal stream (stderr)
   * @param style - colours to use
   */
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly style: Style,
  ) {}

  /** Takes one report; redraws when enough time has passed or a phase ends. */
  readonly update = (progress: IndexProgress): void => {
    const now = performance.now()
    if (progress.phase !== this.phase) {
      this.phase = progress.phase
      this.phaseStart = now
    }
    const finished = progress.bytes >= progress.totalBytes
    if (!finished && now - this.lastDraw < REDRAW_EVERY_MS) return
    this.lastDraw = now
    this.draw(this.render(progress, (now - this.phaseStart) / 1000))
  }

  /** Replaces the bar with a short status, e.g. `saving index.json…`. */
  status(text: string): void {
    this.draw(this.style.dim(text))
  }

  /** Erases the bar, leaving the line empty for the summary. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K')
    this.drawn = false
  }

  private render(progress: IndexProgress, seconds: number): string {
    const share = progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 1
    const rate = seconds >= MIN_RATE_SECONDS ? progress.bytes / seconds : 0
    const eta = rate > 0 && share < 1 ? `ETA ${formatDuration((progress.totalBytes - progress.bytes) / rate)}` : ''
    const filled = Math.round(share * BAR_WIDTH)
    const bar = this.style.cyan('█'.repeat(filled)) + this.style.dim('░'.repeat(BAR_WIDTH - filled))
    const docs = progress.phase === 'read' ? `${formatCount(progress.documents)} docs read` : `${formatCount(progress.documents)}/${formatCount(progress.totalDocuments)} docs`
    const label = progress.phase === 'read' ? 'reading ' : 'indexing'
    const percent = `${Math.floor(share * 100)}%`.padStart(4)
    const speed = rate > 0 ? `${formatBytes(rate)}/s` : ''
    const line = `${label} [${bar}] ${percent}  ${docs}  ${speed}  ${eta}`.trimEnd()
    const columns = this.stream.columns ?? 80
    return displayWidth(line) < columns ? line : `${label} ${percent}  ${docs}  ${eta}`.trimEnd()
  }

  private draw(line: string): void {
    this.stream.write(`\r\u001b[2K${line}`)
    this.drawn = true
  }
}
