/**
 * `bangla-search index <folder|file.jsonl|file.json> -o index.idx`: builds an index from a
 * corpus and saves it (binary by default, JSON with `--format json`), with a progress bar on a
 * terminal and a one-line summary.
 *
 * @module
 */

import { indexCorpus, saveIndex, type SavedIndexFile } from 'bangla-search/node'
import { fieldList, parseCommand, UsageError, type Command } from '../args.js'
import { formatBytes, formatCount, makeStyle, useColor, type Io } from '../output.js'
import { ProgressBar } from '../progress.js'
import { SkipLog } from '../skip-log.js'

const HELP = `Usage: bangla-search index <folder|file.jsonl|file.json> -o <index file> [options]

Builds a search index from a corpus and saves it (in the binary format, or as JSON with
--format json; search reads either):
  a folder    every .txt file below it is a document: id = file name, title = its headline
              (the first line that reads as one, else the first sentence), text = the rest
  .jsonl      one JSON object per line (also .jsonl.gz), read as a stream
  .json       an array of JSON objects

A record that cannot be indexed (not valid JSON, no id or a repeated one, a field that is not
text, legacy Bijoy text) is skipped and reported: one line on stderr, every one with --errors.

Options:
  -o, --output <file>  where to save the index (required)
      --format <f>     binary (default: small, loads in milliseconds) or json (format version 1)
      --fields <list>  the fields to index, comma-separated (default title,text)
      --id <field>     the field holding each document's id in JSON (default id)
      --store <list>   the fields kept and shown with hits (default: the indexed fields; "" for none)
      --errors <file>  write every skipped record there, one JSON object a line:
                       {"where": "line 12", "id": …, "code": …, "message": …, "record": {…}}
      --strict         all or nothing: stop at the first bad record, write no index
      --legacy <mode>  legacy Bijoy/SutonnyMJ text: reject (default: skipped as invalid),
                       convert (index it as Unicode Bengali), skip (leave it out, also with --strict)
  -h, --help           show this help

Exit codes: 0 every record indexed, 1 nothing indexed or an error (no index written),
2 wrong usage, 3 index written but some records skipped.

Example:
  bangla-search index corpus/seeds -o seeds.idx
  bangla-search search seeds.idx ভ্লাদিভোস্টক`

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  fields: { type: 'string' },
  id: { type: 'string' },
  store: { type: 'string' },
  errors: { type: 'string' },
  strict: { type: 'boolean' },
  legacy: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

const LEGACY_MODES = ['reject', 'convert', 'skip'] as const
/** Exit code when the index was written but some records were skipped. */
export const EXIT_SOME_SKIPPED = 3

/** The `index` command. */
export const indexCommand: Command = {
  name: 'index',
  summary: 'build an index file from a folder of .txt files or a JSON(L) file',
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommand('index', args, OPTIONS)
    if (values.help) {
      io.stdout.write(`${HELP}\n`)
      return 0
    }
    const [source, ...extra] = positionals
    if (source === undefined) throw new UsageError('index', 'give the corpus to index (a folder of .txt files, a .jsonl or a .json file) and -o <index file>', HELP)
    if (extra.length > 0) throw new UsageError('index', `one corpus at a time; unexpected "${extra[0]}" (see bangla-search index --help)`)
    if (values.output === undefined || values.output.length === 0) throw new UsageError('index', `say where to save the index, e.g. bangla-search index ${source} -o index.idx`)
    const format = values.format ?? 'binary'
    if (format !== 'binary' && format !== 'json') throw new UsageError('index', `--format takes binary or json, got "${format}"`)
    const fields = fieldList(values.fields)
    if (fields !== undefined && fields.length === 0) throw new UsageError('index', '--fields needs at least one field name, e.g. --fields title,text')
    const storeFields = fieldList(values.store)
    const legacy = values.legacy
    if (legacy !== undefined && !(LEGACY_MODES as readonly string[]).includes(legacy)) {
      throw new UsageError('index', `--legacy takes ${LEGACY_MODES.join(', ')}, got "${legacy}"`)
    }
    const started = performance.now()
    const skipped = new SkipLog(values.errors)
    const bar = io.stderr.isTTY ? new ProgressBar(io.stderr, makeStyle(useColor(io.stderr, io.env))) : undefined
    let saved: SavedIndexFile | undefined
    try {
      const index = await indexCorpus(source, {
        ...(fields === undefined ? {} : { fields }),
        ...(storeFields === undefined ? {} : { storeFields }),
        ...(values.id === undefined ? {} : { idField: values.id }),
        ...(legacy === undefined ? {} : { legacy: legacy as (typeof LEGACY_MODES)[number] }),
        ...(bar === undefined ? {} : { onProgress: bar.update }),
        onInvalid: values.strict ? 'throw' : 'skip',
        onSkipped: skipped.add,
      })
      if (index.size > 0 || skipped.count === 0) {
        bar?.status(`saving ${values.output}…`)
        saved = await saveIndex(index, values.output, { format })
      }
    } finally {
      bar?.clear()
      skipped.close()
    }
    if (skipped.count > 0) io.stderr.write(`bangla-search index: ${skipped.summary((saved?.documents ?? 0) + skipped.count)}\n`)
    if (saved === undefined) {
      io.stderr.write(`bangla-search index: nothing indexed: every record of ${source} was skipped; no index written.\n`)
      return 1
    }
    const seconds = (performance.now() - started) / 1000
    io.stdout.write(
      `Indexed ${formatCount(saved.documents)} documents (${formatCount(saved.terms)} terms) from ${source} in ${seconds.toFixed(2)} s → ${saved.path} (${formatBytes(saved.bytes)})\n`,
    )
    return skipped.count > 0 ? EXIT_SOME_SKIPPED : 0
  },
}
