/**
 * The docs test's extractor: the fenced code blocks of a Markdown file, each with its marker and
 * the output block that follows it.
 *
 * What a block is, by its fence language:
 * - `js`, `mjs`, `cjs`, `ts`, `typescript`: a program. Type-checked against the built package's
 *   `.d.ts`, then run in a project that installed the package (`npm pack`, `npm install`).
 * - `sh`, `bash`: shell commands, run in a working copy of the repository (a clone after
 *   `npm ci && npm run build`).
 * - `console`: a transcript. `$ command` lines are run in the working copy, and the lines under
 *   each are what it must print. `$ node` starts the Node REPL; its `> ` lines are typed into it,
 *   and the lines under each are what it must print (a `> ` line with nothing under it must print
 *   nothing or `undefined`).
 * - `text`: right after a program or shell block (only blank lines between), what that block
 *   must print; anywhere else, an illustration (as are `html`, `json`, `jsonc` and unlabelled
 *   blocks, which are never run). An unlabelled block that starts with `$ ` is an error: label
 *   it `console`.
 *
 * Markers: an HTML comment just before the fence (only blank lines between), one or more
 * `;`-separated items, each with an optional note in parentheses:
 * - `<!-- docs-test: fragment -->`: not run, only type-checked. Lines after the first line of
 *   the comment are TypeScript declarations for the names the fragment uses but does not define
 *   (`declare const input: HTMLInputElement`).
 * - `<!-- docs-test: skip (why) -->`: neither run nor checked; the reason is required.
 * - `<!-- docs-test: needs OPENSEARCH_URL -->`: run only when that environment variable is set
 *   (skipped with a message otherwise); a program is type-checked either way.
 * - `<!-- docs-test: file scale-out-demo.mjs -->`: a program saved under that name in the
 *   working copy, for a later shell block to run; type-checked, not run on its own.
 * - `<!-- docs-test: fresh clone -->`: shell commands for a fresh clone, run by
 *   fresh-clone.test.ts in a `git clone` of the repository; `npm test` is checked against
 *   `.ci/run` instead of being run.
 */

/** A marker item. */
export type Marker =
  | { readonly kind: 'fragment'; readonly declarations: string }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'needs'; readonly env: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'fresh-clone' }

/** What the docs test does with a block. */
export type BlockRole = 'program' | 'shell' | 'transcript' | 'text' | 'other'

/** A fenced block of a Markdown file. */
export interface DocBlock {
  /** The Markdown file, relative to the repository. */
  readonly file: string
  /** The line of the opening fence, from 1. */
  readonly line: number
  /** The fence's language, lower-cased (`''` for none). */
  readonly lang: string
  readonly role: BlockRole
  /** The block's text, without the fence's indentation, ending with a newline. */
  readonly code: string
  readonly markers: readonly Marker[]
  /** The `text` block right after a program or shell block: what it must print. */
  readonly output?: { readonly line: number; readonly text: string }
}

const ROLES: Readonly<Record<string, BlockRole>> = {
  js: 'program',
  mjs: 'program',
  cjs: 'program',
  ts: 'program',
  typescript: 'program',
  sh: 'shell',
  bash: 'shell',
  console: 'transcript',
  text: 'text',
}

const FENCE = /^( *)(`{3,})\s*([\w-]*)\s*$/u
const MARKER_START = '<!-- docs-test:'

/**
 * The fenced blocks of a Markdown text, in order.
 *
 * @throws Error naming the file and line for an unclosed fence, a bad marker or an unlabelled transcript
 */
export function extractBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split('\n')
  const found: Array<Omit<DocBlock, 'output'> & { end: number }> = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] as string)
    if (open === null) continue
    const [, indent = '', fence = '', lang = ''] = open
    let end = i + 1
    while (end < lines.length && (lines[end] as string).trim() !== fence) end++
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: the code block is never closed`)
    const code = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n')
    const role = ROLES[lang.toLowerCase()] ?? 'other'
    if (role === 'other' && lang === '' && code.startsWith('$ ')) throw new Error(`${file}:${i + 1}: a transcript needs the language "console"`)
    found.push({ file, line: i + 1, lang: lang.toLowerCase(), role, code: `${code}\n`, markers: markersBefore(lines, i, file), end })
    i = end
  }
  return found.map(({ end, ...block }, k) => {
    const next = found[k + 1]
    const follows = next !== undefined && next.role === 'text' && lines.slice(end + 1, next.line - 1).every((line) => line.trim() === '')
    if (!follows || (block.role !== 'program' && block.role !== 'shell')) return block
    if (next.markers.length > 0) throw new Error(`${file}:${next.line}: an output block takes no marker`)
    return { ...block, output: { line: next.line, text: next.code } }
  })
}

/** The marker items of the HTML comment that ends just before line `fenceIndex` (blank lines allowed between). */
function markersBefore(lines: readonly string[], fenceIndex: number, file: string): Marker[] {
  let last = fenceIndex - 1
  while (last >= 0 && (lines[last] as string).trim() === '') last--
  if (last < 0 || !(lines[last] as string).trim().endsWith('-->')) return []
  let first = last
  while (first > 0 && !(lines[first] as string).includes('<!--')) first--
  const comment = lines.slice(first, last + 1).map((line) => line.trim())
  if (!(comment[0] as string).startsWith(MARKER_START)) return []
  const where = `${file}:${first + 1}`
  const body = comment.join('\n').slice(MARKER_START.length, -'-->'.length)
  const [head = '', ...declarations] = body.split('\n')
  // items are separated by `;` outside parentheses (a note may hold one)
  const items = head.match(/(?:\([^)]*\)|[^;(])+/gu) ?? []
  return items
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => parseMarker(item, declarations.join('\n').trim(), where))
}

function parseMarker(item: string, declarations: string, where: string): Marker {
  const [, word = '', argument = '', note] = /^(fragment|skip|needs|file|fresh clone)(?:\s+([^\s()]+))?\s*(?:\((.*)\))?$/u.exec(item) ?? []
  switch (word) {
    case 'fragment':
      return { kind: 'fragment', declarations }
    case 'skip':
      if (note === undefined || note.trim() === '') throw new Error(`${where}: "skip" needs a reason in parentheses, e.g. skip (needs Docker)`)
      return { kind: 'skip', reason: note.trim() }
    case 'needs':
      if (!/^[A-Z][A-Z0-9_]*$/u.test(argument)) throw new Error(`${where}: "needs" takes an environment variable, got "${argument}"`)
      return { kind: 'needs', env: argument }
    case 'file':
      if (argument === '' || argument.startsWith('/') || argument.includes('..')) throw new Error(`${where}: "file" takes a relative path, got "${argument}"`)
      return { kind: 'file', path: argument }
    case 'fresh clone':
      return { kind: 'fresh-clone' }
    default:
      throw new Error(`${where}: unknown docs-test marker "${item}" (fragment, skip (why), needs VAR, file PATH, fresh clone)`)
  }
}

/** The marker of a kind on a block, if any. */
export function markerOf<K extends Marker['kind']>(block: DocBlock, kind: K): Extract<Marker, { kind: K }> | undefined {
  return block.markers.find((marker): marker is Extract<Marker, { kind: K }> => marker.kind === kind)
}

/** One step of a `console` transcript. */
export type TranscriptStep =
  | { readonly type: 'command'; readonly command: string; readonly expected: string }
  | { readonly type: 'repl'; readonly inputs: ReadonlyArray<{ readonly input: string; readonly expected: string }> }

/**
 * The steps of a transcript: each `$ command` with the lines under it; `$ node` with the `> `
 * lines typed into the REPL and the lines under each.
 */
export function parseTranscript(code: string): TranscriptStep[] {
  const steps: TranscriptStep[] = []
  let repl: Array<{ input: string; expected: string[] }> | undefined
  let command: { command: string; expected: string[] } | undefined
  const flush = (): void => {
    if (command !== undefined) steps.push({ type: 'command', command: command.command, expected: joinLines(command.expected) })
    if (repl !== undefined) steps.push({ type: 'repl', inputs: repl.map(({ input, expected }) => ({ input, expected: joinLines(expected) })) })
    command = undefined
    repl = undefined
  }
  for (const line of code.replace(/\n$/u, '').split('\n')) {
    if (line.startsWith('$ ')) {
      flush()
      const text = line.slice(2).trim()
      if (text === 'node') repl = []
      else command = { command: text, expected: [] }
    } else if (repl !== undefined && line.startsWith('> ')) {
      repl.push({ input: line.slice(2), expected: [] })
    } else if (repl !== undefined) {
      const last = repl[repl.length - 1]
      if (last === undefined) throw new Error(`a REPL transcript must start with "> ", got "${line}"`)
      last.expected.push(line)
    } else if (command !== undefined) {
      command.expected.push(line)
    } else {
      throw new Error(`a transcript must start with "$ ", got "${line}"`)
    }
  }
  flush()
  return steps
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
