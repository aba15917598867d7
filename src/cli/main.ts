/**
 * The `bangla-search` command line: picks the command and maps failures to exit codes
 * (0 ok, 1 runtime error, 2 usage error; `index` also returns 3 when it skipped records). No logic of its own; each command is a thin file over
 * the public API in `commands/`.
 *
 * @example
 * ```sh
 * bangla-search index corpus/seeds -o seeds.idx
 * bangla-search search seeds.idx ভ্লাদিভোস্টক
 * bangla-search analyze "পুতিনের সফর"
 * ```
 *
 * @module
 */

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BanglaSearchError } from 'bangla-search'
import { UsageError, type Command } from './args.js'
import { analyzeCommand } from './commands/analyze.js'
import { indexCommand } from './commands/index.js'
import { searchCommand } from './commands/search.js'
import type { Io } from './output.js'

const COMMANDS: readonly Command[] = [indexCommand, searchCommand, analyzeCommand]

/** Exit codes. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const

const HELP = `Usage: bangla-search <command> [arguments] [options]

Full-text search for Bengali (Bangla) text.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(9)}${command.summary}`).join('\n')}

Options:
  -h, --help     show help (also: bangla-search <command> --help)
  -v, --version  show the version

Examples:
  bangla-search index corpus/seeds -o seeds.idx
  bangla-search search seeds.idx ভ্লাদিভোস্টক
  bangla-search search corpus/seeds vladivostok --json
  bangla-search analyze "পুতিনের সঙ্গে বৈঠক"

Exit codes: 0 ok (also when nothing is found), 1 error (e.g. an unreadable file), 2 wrong usage,
3 index written but some records skipped (see bangla-search index --help).

In a clone of the repository or a project that installed the package, run it as
npx bangla-search <command> ….`

/**
 * Runs the command line and returns the exit code.
 *
 * @example
 * ```ts
 * await main(['analyze', 'পুতিনের'], { stdout: process.stdout, stderr: process.stderr, env: process.env })   // 0
 * ```
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  try {
    if (first === '-h' || first === '--help' || first === 'help') return showHelp(rest[0], io)
    if (first === '-v' || first === '--version') {
      io.stdout.write(`${readVersion()}\n`)
      return EXIT.ok
    }
    if (first === undefined) throw new UsageError(undefined, 'give a command: index, search or analyze', HELP)
    const command = COMMANDS.find((candidate) => candidate.name === first)
    if (command === undefined) {
      const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`
      throw new UsageError(undefined, `${what}; the commands are ${COMMANDS.map((c) => c.name).join(', ')} (see bangla-search --help)`)
    }
    return await command.run(rest, io)
  } catch (error) {
    return report(error, io)
  }
}

function showHelp(topic: string | undefined, io: Io): number {
  const command = COMMANDS.find((candidate) => candidate.name === topic)
  io.stdout.write(`${command?.help ?? HELP}\n`)
  return EXIT.ok
}

/** Prints an error as one line on stderr (plus usage help for a missing argument) and picks the exit code. */
function report(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr.write(`bangla-search${error.command === undefined ? '' : ` ${error.command}`}: ${error.message}\n${error.help === undefined ? '' : `\n${error.help}\n`}`)
    return EXIT.usage
  }
  if (error instanceof BanglaSearchError) {
    const prefix = `${error.code}: `
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
    io.stderr.write(`bangla-search: ${message}\n`)
    return EXIT.failure
  }
  const detail = io.env['BANGLA_SEARCH_DEBUG'] ? (error as Error).stack : `${(error as Error)?.message ?? String(error)} (set BANGLA_SEARCH_DEBUG=1 to see where)`
  io.stderr.write(`bangla-search: unexpected error: ${detail}\n`)
  return EXIT.failure
}

/** The version in package.json, found next to dist/ (or src/ when run from the sources). */
function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let up = 0; up < 3; up++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown }
      if (pkg.name === 'bangla-search' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // not here: look one folder up
    }
  }
  throw new BanglaSearchError('INVALID_ARGUMENT', 'Cannot find the package.json of bangla-search next to the program; reinstall the package.')
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok) // the reader (e.g. `head`) has had enough
  throw error
})

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
