/**
 * Argument helpers for the commands: `node:util` parseArgs with its errors turned into
 * {@link UsageError}s (exit code 2) that say what to fix, and small value parsers.
 *
 * @module
 */

import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Io } from './output.js'

/**
 * A mistake in the command line (exit code 2), printed as `bangla-search <command>: <message>`;
 * `help`, when given, is printed after it.
 *
 * @example
 * ```ts
 * throw new UsageError('search', 'give a query, e.g. bangla-search search corpus/seeds ভ্লাদিভোস্টক', SEARCH_HELP)
 * ```
 */
export class UsageError extends Error {
  /**
   * @param command - the command being run, or undefined for the program itself
   * @param message - what is wrong and what to do, one line
   * @param help - the command's usage text, printed after the message
   */
  constructor(
    readonly command: string | undefined,
    message: string,
    readonly help?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The option table of one command, as `parseArgs` takes it. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>

/** What {@link parseCommand} returns for an option table: typed `values` and the `positionals`. */
export type ParsedCommand<T extends OptionTable> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>

/**
 * Parses a command's arguments strictly; positionals are allowed.
 *
 * @example
 * ```ts
 * parseCommand('search', ['সূচি.json', 'পুতিন', '--limit', '3'], { limit: { type: 'string' } })
 * // { values: { limit: '3' }, positionals: ['সূচি.json', 'পুতিন'] }
 * ```
 * @throws {@link UsageError} for an unknown option or a missing option value
 */
export function parseCommand<T extends OptionTable>(command: string, args: string[], options: T): ParsedCommand<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(command, `${describeParseError(error)} (see bangla-search ${command} --help)`)
  }
}

/**
 * Reads a whole number of at least `min` from an option value.
 *
 * @example
 * ```ts
 * wholeNumber('search', '--limit', '৫', 1)   // 5 (Bengali digits are accepted)
 * ```
 * @throws {@link UsageError} when the value is not such a number
 */
export function wholeNumber(command: string, flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const ascii = value.replace(/[০-৯]/gu, (digit) => String(digit.charCodeAt(0) - 0x09e6))
  const number = /^\d+$/u.test(ascii) ? Number(ascii) : Number.NaN
  if (!Number.isSafeInteger(number) || number < min) {
    throw new UsageError(command, `${flag} takes a whole number >= ${min}, got "${value}"`)
  }
  return number
}

/**
 * Splits a comma-separated list of field names; an empty string gives an empty list.
 *
 * @example
 * ```ts
 * fieldList('শিরোনাম, text')   // ['শিরোনাম', 'text']
 * ```
 */
export function fieldList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field.length > 0)
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/u.exec(message)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? message} (to pass text that starts with "-", put it after --)`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/u.test(message) && quoted !== undefined ? `option ${quoted} needs a value` : lowerFirst(message)
    default:
      return lowerFirst(message)
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/**
 * One CLI command: its name, one-line summary, help text and what it does. `run` returns the
 * exit code (0 ok, 1 runtime error); usage mistakes are thrown as {@link UsageError}.
 *
 * @example
 * ```ts
 * await analyzeCommand.run(['পুতিনের', 'সফর'], { stdout: process.stdout, stderr: process.stderr, env: process.env })   // 0
 * ```
 */
export interface Command {
  /** The word after `bangla-search`. */
  readonly name: string
  /** One line for the program's help. */
  readonly summary: string
  /** The command's usage text (`--help`). */
  readonly help: string
  /** Runs the command with the arguments after its name. */
  readonly run: (args: string[], io: Io) => Promise<number>
}
