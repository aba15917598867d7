/**
 * Terminal output: whether to use colour, ANSI styles, and display widths for lining up
 * Bengali text in columns.
 *
 * @module
 */

/** The streams and environment a command writes to (the process's own, or a test's). */
export interface Io {
  /** Results. */
  readonly stdout: NodeJS.WriteStream
  /** Errors and the progress bar. */
  readonly stderr: NodeJS.WriteStream
  /** Read for `NO_COLOR`, `FORCE_COLOR` and `BANGLA_SEARCH_DEBUG`. */
  readonly env: NodeJS.ProcessEnv
}

/** ANSI styling; every function returns its text unchanged when colour is off. */
export interface Style {
  /** Is colour on? */
  readonly color: boolean
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
  readonly green: (text: string) => string
  /** The opening and closing codes of a highlighted word (bold yellow). */
  readonly mark: { readonly open: string; readonly close: string }
}

const RESET = '\u001b[0m'

/**
 * Should output to `stream` be coloured? `FORCE_COLOR` (any value but `0`/`false`) forces it on
 * and wins over `NO_COLOR`, as in Node itself; a non-empty `NO_COLOR` turns it off; otherwise
 * colour is on for a terminal and off for a pipe or file.
 *
 * @example
 * ```ts
 * useColor(process.stdout, { NO_COLOR: '1' })   // false: `bangla-search search সূচি.json পুতিন` prints […] marks
 * ```
 */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR']
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  return stream.isTTY === true
}

/**
 * The styles for a stream.
 *
 * @example
 * ```ts
 * makeStyle(true).bold('পুতিন')    // '\u001b[1mপুতিন\u001b[0m'
 * makeStyle(false).bold('পুতিন')   // 'পুতিন'
 * ```
 */
export function makeStyle(color: boolean): Style {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}${RESET}` : text)
  return {
    color,
    bold: wrap('1'),
    dim: wrap('2'),
    yellow: wrap('33'),
    cyan: wrap('36'),
    green: wrap('32'),
    mark: color ? { open: '\u001b[1;33m', close: RESET } : { open: '[', close: ']' },
  }
}

/**
 * Columns a string takes in a terminal, wcwidth-style: combining marks (Bengali vowel signs that
 * do not advance, virama, nukta), format characters (ZWJ, ZWNJ) and ANSI codes take none, wide
 * East Asian characters take two. Terminals differ on Bengali conjuncts; this is the usual rule.
 *
 * @example
 * ```ts
 * displayWidth('পুতিন')   // 4: প, ত, ি, ন (ু is a non-spacing mark)
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text.replace(/\u001b\[[0-9;]*m/gu, '')) {
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(char)) continue
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(char) ? 2 : 1
  }
  return width
}

/**
 * Pads with spaces to `width` display columns.
 *
 * @example
 * ```ts
 * padDisplay('কিম', 5)   // 'কিম  '
 * ```
 */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Cuts a string to at most `width` display columns at a grapheme-cluster boundary, adding `…`.
 *
 * @example
 * ```ts
 * truncateDisplay('রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন', 12)   // 'রুশ প্রেসি…'
 * ```
 */
export function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let result = ''
  for (const { segment } of graphemes.segment(text)) {
    if (displayWidth(result + segment) > width - 1) break
    result += segment
  }
  return `${result.trimEnd()}…`
}

/**
 * A byte count for people: `B`, `kB`, `MB`, `GB` (powers of 1000).
 *
 * @example
 * ```ts
 * formatBytes(263_000_000)   // '263.0 MB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/**
 * A whole number with thousands separators.
 *
 * @example
 * ```ts
 * formatCount(12345)   // '12,345'
 * ```
 */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/**
 * Seconds as `m:ss` (or `h:mm:ss`).
 *
 * @example
 * ```ts
 * formatDuration(75)   // '1:15'
 * ```
 */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
