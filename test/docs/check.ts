/**
 * The docs test's checker: type-checks every program of the docs in one compiler run, runs the
 * programs in one Node process, runs shell blocks and transcripts in a working copy per Markdown
 * file (in document order, so a later block sees the files an earlier one wrote), and compares
 * what each printed with what the docs say, masked (mask.ts).
 */

import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { markerOf, parseTranscript, type DocBlock } from './blocks.js'
import { mask } from './mask.js'
import { exampleEnv, makeProject, makeWorkCopy, runRepl, runShell, tscPath } from './workspace.js'

/** One printed output set against the documented one, both masked. */
export interface Comparison {
  readonly what: string
  readonly expected: string
  readonly actual: string
}

/** What the checker found for one block. */
export interface BlockResult {
  /** Why the block was not run, when it was not. */
  skipped?: string
  readonly errors: string[]
  readonly comparisons: Comparison[]
}

/** Options of {@link checkBlocks}. */
export interface CheckOptions {
  /** Install the package into the project (false for examples that do not import it). */
  readonly install: boolean
}

/** Checks the blocks in a fresh folder `dir`; fresh-clone and skipped blocks are only reported as skipped. */
export async function checkBlocks(blocks: readonly DocBlock[], dir: string, options: CheckOptions): Promise<Map<DocBlock, BlockResult>> {
  const results = new Map<DocBlock, BlockResult>(blocks.map((block) => [block, { errors: [], comparisons: [] }]))
  const get = (block: DocBlock): BlockResult => results.get(block) as BlockResult
  for (const block of blocks) {
    const skip = markerOf(block, 'skip')
    if (skip !== undefined) get(block).skipped = `skip: ${skip.reason}`
    else if (markerOf(block, 'fresh-clone') !== undefined) get(block).skipped = 'run by test/docs/fresh-clone.test.ts'
    else if (markerOf(block, 'fragment') !== undefined && block.role !== 'program') get(block).errors.push('only programs can be fragments; use skip (why)')
  }
  const programs = blocks.filter((block) => block.role === 'program' && get(block).skipped === undefined)
  if (programs.length > 0) checkPrograms(programs, path.join(dir, 'project'), options, get)
  const byFile = new Map<string, DocBlock[]>()
  for (const block of blocks) {
    const inCopy = block.role === 'shell' || block.role === 'transcript' || markerOf(block, 'file') !== undefined
    if (inCopy && get(block).skipped === undefined) byFile.set(block.file, [...(byFile.get(block.file) ?? []), block])
  }
  for (const [file, fileBlocks] of byFile) await runInWorkCopy(fileBlocks, path.join(dir, slug(file)), get)
  return results
}

interface ProgramFile {
  readonly block: DocBlock
  /** Its name in the project's blocks/ folder. */
  readonly name: string
  /** Lines of declarations put before the block's code. */
  readonly offset: number
  readonly typescript: boolean
}

function checkPrograms(programs: readonly DocBlock[], project: string, options: CheckOptions, get: (block: DocBlock) => BlockResult): void {
  makeProject(project, options.install)
  mkdirSync(path.join(project, 'blocks'))
  const files = programs.map((block): ProgramFile => {
    const fragment = markerOf(block, 'fragment')
    const typescript = fragment !== undefined || block.lang === 'ts' || block.lang === 'typescript'
    const commonjs = /\brequire\(/u.test(block.code) && !/^\s*import\s/mu.test(block.code)
    const name = `${slug(block.file)}-${block.line}.${commonjs ? 'c' : 'm'}${typescript ? 'ts' : 'js'}`
    const declarations = fragment?.declarations ? `${fragment.declarations}\n` : ''
    writeFileSync(path.join(project, 'blocks', name), `${declarations}${block.code}`)
    return { block, name, offset: declarations.split('\n').length - 1, typescript }
  })
  typeCheck(files, project, get)
  const runnable = files.filter(({ block }) => markerOf(block, 'fragment') === undefined && markerOf(block, 'file') === undefined && missingEnv(block, get) === undefined)
  const jobs = runnable.map(({ block, name, typescript }) => ({
    file: path.join(project, typescript ? 'out' : 'blocks', typescript ? name.replace(/ts$/u, 'js') : name),
    cwd: path.join(project, 'run', slug(block.file)),
  }))
  writeFileSync(path.join(project, 'jobs.json'), JSON.stringify(jobs))
  const resultsFile = path.join(project, 'results.json')
  writeFileSync(resultsFile, '[]')
  const ran = spawnSync(process.execPath, [fileURLToPath(new URL('run-programs.mjs', import.meta.url)), path.join(project, 'jobs.json'), resultsFile], { cwd: project, env: exampleEnv(), encoding: 'utf8', timeout: 120_000 })
  const printed = JSON.parse(readFileSync(resultsFile, 'utf8')) as Array<{ output: string; error?: string }>
  runnable.forEach(({ block }, i) => {
    const result = get(block)
    const outcome = printed[i]
    if (outcome === undefined) {
      result.errors.push(`did not finish (the runner stopped: ${ran.status ?? ran.signal}) ${ran.stdout}${ran.stderr}`)
      return
    }
    if (outcome.error !== undefined) result.errors.push(`threw ${outcome.error}\nafter printing:\n${outcome.output}`)
    if (block.output !== undefined) result.comparisons.push({ what: `output (${block.file}:${block.output.line})`, expected: mask(block.output.text), actual: mask(outcome.output) })
  })
}

/**
 * One compiler run over every program: strict, NodeNext resolution through the package's
 * `exports`, JavaScript checked too (except for implicit `any`s).
 */
function typeCheck(files: readonly ProgramFile[], project: string, get: (block: DocBlock) => BlockResult): void {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    moduleDetection: 'force',
    lib: ['ES2022', 'DOM'],
    types: ['node'],
    strict: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    rootDir: 'blocks',
    outDir: 'out',
  }
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['blocks'] }, null, 2))
  const tsc = spawnSync(process.execPath, [tscPath(), '-p', project, '--pretty', 'false'], { cwd: project, encoding: 'utf8' })
  const byName = new Map(files.map((file) => [file.name, file]))
  let last: string[] | undefined
  for (const line of tsc.stdout.split('\n')) {
    const error = /^blocks\/([^(]+)\((\d+),\d+\): error (TS\d+: .*)$/u.exec(line)
    if (error === null) {
      if (last !== undefined && line.startsWith(' ')) last[last.length - 1] += `\n${line}`
      else if (line.trim() !== '') throw new Error(`tsc: ${line}`)
      continue
    }
    const [, name = '', at = '', message = ''] = error
    const file = byName.get(name)
    if (file === undefined) throw new Error(`tsc: ${line}`)
    // plain JavaScript has no annotations: its implicit `any`s (TS7xxx) are not errors
    if (!file.typescript && message.startsWith('TS7')) {
      last = []
      continue
    }
    const lineInCode = Number(at) - file.offset
    last = get(file.block).errors
    last.push(`type error at ${file.block.file}:${file.block.line + lineInCode}: ${message}`)
  }
}

async function runInWorkCopy(blocks: readonly DocBlock[], dir: string, get: (block: DocBlock) => BlockResult): Promise<void> {
  const { copy, bin } = makeWorkCopy(dir)
  const env = exampleEnv(bin)
  for (const block of blocks) {
    const result = get(block)
    const file = markerOf(block, 'file')
    if (file !== undefined) {
      mkdirSync(path.dirname(path.join(copy, file.path)), { recursive: true })
      writeFileSync(path.join(copy, file.path), block.code)
      result.skipped = `saved as ${file.path} for a later block`
      continue
    }
    if (missingEnv(block, get) !== undefined) continue
    if (/\bnpm (ci|install|i)\b/u.test(block.code)) {
      result.errors.push('installs packages, which would change the repository\'s node_modules here: mark it "fresh clone" or "skip (why)"')
      continue
    }
    if (block.role === 'shell') {
      const { status, output } = runShell(block.code, copy, env)
      if (block.output !== undefined) result.comparisons.push({ what: `output (${block.file}:${block.output.line})`, expected: mask(block.output.text), actual: mask(output) })
      else if (status !== 0) result.errors.push(`exited with ${status}:\n${output}`)
      continue
    }
    for (const step of parseTranscript(block.code)) {
      if (step.type === 'command') {
        const { output } = runShell(step.command, copy, env)
        result.comparisons.push({ what: `$ ${step.command}`, expected: mask(step.expected), actual: mask(output) })
        continue
      }
      const printed = await runRepl(
        step.inputs.map(({ input }) => input),
        copy,
        env,
      )
      step.inputs.forEach(({ input, expected }, i) => {
        const actual = mask(printed[i] ?? '(nothing: the REPL stopped)')
        // a line with nothing documented under it must print nothing (or the REPL's `undefined`)
        result.comparisons.push({ what: `> ${input}`, expected: mask(expected), actual: expected === '' && actual === 'undefined' ? '' : actual })
      })
    }
  }
}

/** The environment variable a `needs` block lacks (and marks it skipped), if any. */
function missingEnv(block: DocBlock, get: (block: DocBlock) => BlockResult): string | undefined {
  const needs = markerOf(block, 'needs')
  if (needs === undefined || process.env[needs.env]) return undefined
  get(block).skipped = `needs ${needs.env}, which is not set`
  return needs.env
}

/** A file name for a Markdown path: `docs/cli.md` → `docs-cli`. */
export function slug(file: string): string {
  return file.replace(/\.md$/u, '').replace(/[^\w-]+/gu, '-')
}
