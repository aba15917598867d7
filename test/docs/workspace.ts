/**
 * Where the docs test runs the examples: a project that installed the built package the way a
 * user does (`npm pack`, then `npm install` of the tarball, `"type": "module"`), and working
 * copies of the repository (a clone after `npm ci && npm run build`: its files and `dist/`
 * copied, `node_modules` linked).
 */

import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** What the examples see of the environment: no npm or vitest variables, no colour. */
export function exampleEnv(bin?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|VITEST|TEST$|NODE_ENV$|FORCE_COLOR$|NO_COLOR$|NODE_OPTIONS$)/u.test(key)) continue
    env[key] = value
  }
  env['NO_COLOR'] = '1'
  if (bin !== undefined) env['PATH'] = `${bin}${path.delimiter}${env['PATH'] ?? ''}`
  return env
}

/**
 * A project with the package installed from a tarball of this repository (its `files` and
 * `exports`, its built `dist/`), plus the types the examples use: `@types/node`, the
 * OpenSearch client, which a user of `bangla-search/opensearch` installs beside it, and the
 * engines (with Lunr's types) that users of the adapters (`bangla-search/minisearch`, …) bring.
 */
export function makeProject(dir: string, install: boolean): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'docs-examples', private: true, type: 'module' }, null, 2)}\n`)
  if (install) {
    if (!existsSync(path.join(ROOT, 'dist', 'index.d.ts'))) throw new Error('dist/ has no type declarations: run npm run build first (npm test does; npm run demo builds without them)')
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], ROOT)
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))
    if (tarball === undefined) throw new Error('npm pack wrote no tarball')
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', `./${tarball}`], dir)
  }
  for (const name of ['@types/node', '@opensearch-project/opensearch', 'flexsearch', 'minisearch', '@orama/orama', 'lunr', '@types/lunr']) {
    const target = path.join(dir, 'node_modules', name)
    mkdirSync(path.dirname(target), { recursive: true })
    if (!existsSync(target)) symlinkSync(path.join(ROOT, 'node_modules', name), target, 'dir')
  }
}

/** Folders a working copy leaves out (dependencies, git data, generated output). */
const NOT_COPIED = new Set(['node_modules', '.git', '.scratch', 'coverage', 'test-output', 'api'])

/**
 * A working copy of the repository at `dir`, as a clone after `npm ci && npm run build`, and a
 * `bin` folder whose `npx bangla-search` runs its CLI directly (what npx runs there, without
 * npm's start-up time; fresh-clone.test.ts runs the real npx once).
 */
export function makeWorkCopy(dir: string): { copy: string; bin: string } {
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)')
  const copy = path.join(dir, 'clone')
  cpSync(ROOT, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(path.basename(source)) })
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
  const bin = path.join(dir, 'bin')
  mkdirSync(bin)
  const npx = path.join(path.dirname(process.execPath), 'npx')
  const cli = path.join(copy, 'dist', 'cli.js')
  writeFileSync(
    path.join(bin, 'npx'),
    `#!/bin/sh\nif [ "$1" = bangla-search ]; then shift; exec "${process.execPath}" "${cli}" "$@"; fi\nexec "${npx}" "$@"\n`,
    { mode: 0o755 },
  )
  return { copy, bin }
}

/** Runs a command and throws with its output when it fails. */
export function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: exampleEnv(), encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`)
  return result.stdout
}

/** Runs a shell script with stderr merged into stdout, as a terminal shows them. */
export function runShell(script: string, cwd: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync('bash', ['-c', `exec 2>&1\n${script}`], { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, output: `${result.stdout}${result.error === undefined ? '' : `\n${result.error.message}`}` }
}

/**
 * Types lines into the Node REPL one at a time, each after the previous one has finished (an
 * `await` included), and returns what each printed.
 */
export function runRepl(inputs: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-i'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const printed: string[] = []
    let pending = ''
    let next = 0
    const timer = setTimeout(() => child.kill(), 60_000)
    const onData = (chunk: string): void => {
      pending += chunk
      if (!pending.endsWith('> ')) return
      if (next > 0) printed.push(pending.slice(0, -2))
      pending = ''
      if (next < inputs.length) child.stdin.write(`${inputs[next++]}\n`)
      else child.stdin.end()
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (pending += chunk))
    child.on('error', reject)
    child.on('close', () => {
      clearTimeout(timer)
      if (printed.length < inputs.length) printed.push(pending)
      resolve(printed)
    })
  })
}

/** The TypeScript compiler of the repository's devDependencies. */
export function tscPath(): string {
  return createRequire(import.meta.url).resolve('typescript/bin/tsc')
}
