/**
 * `bangla-search search <index file|folder|file.jsonl|file.json> <query…>`: ranked hits with highlighted
 * snippets, or a JSON array with `--json`.
 *
 * @module
 */

import type { MatchInfo, SearchHit, SearchIndex } from 'bangla-search'
import { fieldList, parseCommand, UsageError, wholeNumber, type Command } from '../args.js'
import { formatCount, makeStyle, truncateDisplay, useColor, type Io, type Style } from '../output.js'
import { ProgressBar } from '../progress.js'
import { openSource } from '../source.js'

const HELP = `Usage: bangla-search search <index file|folder|file.jsonl|file.json> <query…> [options]

Searches a saved index (binary or JSON), or a corpus indexed on the fly. The query is every
argument after the source, joined by spaces; quote it or not. "a phrase" matches words in order,
-word excludes (put such a query after --), word* is a prefix.

Options:
  -n, --limit <N>      how many hits to show (default 10)
  -p, --prefix         treat every query word as the start of a word
      --no-fuzzy       no typo tolerance
      --and            every query word must match (default: any, more is better)
      --json           print the hits as a JSON array
      --fields <list>  corpus only: the fields to index (default title,text)
      --id <field>     corpus only: the field holding the id in JSON (default id)
  -h, --help           show this help

Examples:
  bangla-search search corpus/seeds ভ্লাদিভোস্টক
  bangla-search search seeds.idx পুতিনের সফর --limit 3
  bangla-search search seeds.idx vladivostok --json
  bangla-search search seeds.idx -- 'কিম -ট্রেন'`

const OPTIONS = {
  limit: { type: 'string', short: 'n' },
  prefix: { type: 'boolean', short: 'p' },
  'no-fuzzy': { type: 'boolean' },
  and: { type: 'boolean' },
  json: { type: 'boolean' },
  fields: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Widest title shown on a hit's line, in terminal columns. */
const TITLE_WIDTH = 72
/** Matched words listed per hit. */
const MATCHES_SHOWN = 6

/** The `search` command. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'search an index file or a corpus',
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommand('search', args, OPTIONS)
    if (values.help) {
      io.stdout.write(`${HELP}\n`)
      return 0
    }
    const [source, ...words] = positionals
    if (source === undefined) throw new UsageError('search', 'give an index file or a corpus to search, then the query', HELP)
    const query = words.join(' ').trim()
    if (query.length === 0) throw new UsageError('search', `give a query after "${source}", e.g. bangla-search search ${source} ভ্লাদিভোস্টক`, HELP)
    const limit = wholeNumber('search', '--limit', values.limit, 1) ?? 10
    const fields = fieldList(values.fields)
    if (fields !== undefined && fields.length === 0) throw new UsageError('search', '--fields needs at least one field name, e.g. --fields title,text')
    const bar = io.stderr.isTTY ? new ProgressBar(io.stderr, makeStyle(useColor(io.stderr, io.env))) : undefined
    let index: SearchIndex
    try {
      bar?.status(`opening ${source}…`)
      index = await openSource(source, {
        ...(fields === undefined ? {} : { fields }),
        ...(values.id === undefined ? {} : { idField: values.id }),
        ...(bar === undefined ? {} : { onProgress: bar.update }),
      })
    } finally {
      bar?.clear()
    }
    const style = makeStyle(useColor(io.stdout, io.env))
    const started = performance.now()
    const hits = index.search(query, {
      limit,
      prefix: values.prefix === true,
      fuzzy: values['no-fuzzy'] !== true,
      combineWith: values.and === true ? 'and' : 'or',
      highlight: values.json === true ? true : { open: style.mark.open, close: style.mark.close, escapeHtml: false },
    })
    const milliseconds = performance.now() - started
    if (values.json === true) io.stdout.write(`${JSON.stringify(hits.map(idFirst), null, 2)}\n`)
    else io.stdout.write(renderHits(hits, { query, source, index, milliseconds, style }))
    return 0
  },
}

interface RenderContext {
  readonly query: string
  readonly source: string
  readonly index: SearchIndex
  readonly milliseconds: number
  readonly style: Style
}

function renderHits(hits: readonly SearchHit[], context: RenderContext): string {
  const { style } = context
  const where = `${context.source} (${formatCount(context.index.size)} ${context.index.size === 1 ? 'document' : 'documents'})`
  if (hits.length === 0) return `No hits for ${context.query} in ${where}.\n`
  const head = style.dim(`${hits.length} ${hits.length === 1 ? 'hit' : 'hits'} for ${context.query} in ${where}, ${context.milliseconds.toFixed(1)} ms`)
  return `${head}\n\n${hits.map((hit, i) => renderHit(hit, i + 1, style)).join('\n')}`
}

function renderHit(hit: SearchHit, rank: number, style: Style): string {
  const kinds = [...new Set(hit.match.map((m) => m.kind))].join(', ')
  const lines = [`${style.bold(String(rank).padStart(2))}. ${style.cyan(String(hit.id))}  ${style.dim('score')} ${hit.score.toFixed(2)}  ${style.green(kinds)}`]
  if (typeof hit['title'] === 'string' && hit['title'].length > 0) lines.push(`    ${style.bold(truncateDisplay(oneLine(hit['title']), TITLE_WIDTH))}`)
  if (hit.snippet !== undefined) lines.push(`    ${oneLine(hit.snippet)}`)
  lines.push(`    ${style.dim(`matched: ${describeMatches(hit)}`)}`)
  return `${lines.join('\n')}\n`
}

/**
 * One part per clause: `ভ্লাদিভোস্টক → ভ্লাদিভস্তক (alias, text)` for a word; for a phrase (one
 * match per word, in order) `"উত্তর কোরিয়া" → উত্তর কোরিয়ার (exact + stem, title)`, the kinds in
 * the order of the words.
 */
function describeMatches(hit: SearchHit): string {
  const seen = new Set<string>()
  const parts: string[] = []
  for (let i = 0; i < hit.match.length; ) {
    const first = hit.match[i] as MatchInfo
    const words = first.query.split(' ').length
    const clause = hit.match.slice(i, i + words)
    i += words
    const matched = clause.map((m) => m.term).join(' ')
    const kinds = [...new Set(clause.map((m) => m.kind))].length === 1 ? first.kind : clause.map((m) => m.kind).join(' + ')
    const query = words > 1 ? `"${first.query}"` : first.query
    const part = first.query === matched ? `${query} (${kinds}, ${first.field})` : `${query} → ${matched} (${kinds}, ${first.field})`
    if (seen.has(part)) continue
    seen.add(part)
    parts.push(part)
  }
  const more = parts.length > MATCHES_SHOWN ? `, +${parts.length - MATCHES_SHOWN} more` : ''
  return parts.slice(0, MATCHES_SHOWN).join(', ') + more
}

/** The hit with `id`, `score`, `match` and the snippet before the stored fields, for readable JSON. */
function idFirst(hit: SearchHit): Record<string, unknown> {
  const { id, score, match, snippet, snippetField, ...stored } = hit
  return { id, score, match, snippet, snippetField, ...stored }
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}
