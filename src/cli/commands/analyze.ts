/**
 * `bangla-search analyze <text…>`: what the index makes of each word (offsets, normalised term,
 * stems, alias keys, stopword flag), as a table or `--json`. A debugging aid for "why does (not)
 * this match?".
 *
 * @module
 */

import { analyze, type AnalyzedToken } from 'bangla-search'
import { parseCommand, UsageError, type Command } from '../args.js'
import { makeStyle, padDisplay, displayWidth, useColor, type Io, type Style } from '../output.js'

const HELP = `Usage: bangla-search analyze <text…> [--json]

Shows what the index makes of each word of a text: the original slice with its offsets
(UTF-16 code units), the normalised term, the stems, the spelling-variant (alias) keys, and
whether the word is a stopword (weighted down in queries, never dropped).

Options:
      --json   print the analysed tokens as JSON
  -h, --help   show this help

Example:
  bangla-search analyze "পুতিনের সঙ্গে ভ্লাদিভস্তকে বৈঠক"`

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

const HEADERS = ['#', 'word', 'offsets', 'term', 'stems', 'alias keys', 'stopword'] as const

/** The `analyze` command. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'show how a text is analysed, word by word',
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommand('analyze', args, OPTIONS)
    if (values.help) {
      io.stdout.write(`${HELP}\n`)
      return 0
    }
    const text = positionals.join(' ')
    if (text.trim().length === 0) throw new UsageError('analyze', 'give a text, e.g. bangla-search analyze "পুতিনের সফর"', HELP)
    const tokens = analyze(text)
    if (values.json === true) io.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`)
    else if (tokens.length === 0) io.stdout.write('No words in the text (only spaces, punctuation or symbols).\n')
    else io.stdout.write(renderTable(text, tokens, makeStyle(useColor(io.stdout, io.env))))
    return 0
  },
}

function renderTable(text: string, tokens: readonly AnalyzedToken[], style: Style): string {
  const rows = tokens.map((token) => [
    String(token.position),
    text.slice(token.start, token.end),
    `${token.start}–${token.end}`,
    token.term,
    token.stems.join(', '),
    token.aliasKeys.join(', '),
    token.stopword ? 'yes' : '',
  ])
  const widths = HEADERS.map((header, column) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))))
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => padDisplay(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return `${style.bold(line(HEADERS))}\n${rows.map(line).join('\n')}\n`
}
