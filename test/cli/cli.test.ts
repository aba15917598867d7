/**
 * End-to-end tests of the built command line (dist/cli.js) and of the package as a REPL user
 * meets it (`require('bangla-search')` from the repository root). `npm test` builds dist first.
 */

import { SearchIndex } from '../../src/index.js'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = join(ROOT, 'dist', 'cli.js')
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> }

const DOCS: Record<string, string> = {
  'putin.txt': 'পুতিনের সফর\nরুশ প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফরে গেছেন।\n',
  'kim.txt': 'কিমের ট্রেন\n\nকিম জং উন ট্রেনে করে ভ্লাদিভোস্টক শহরে পৌঁছেছেন।\n',
  'nested/dhaka.txt': 'ঢাকার বৃষ্টি\r\nআজ ঢাকায় সারাদিন বৃষ্টি হয়েছে।\r\n',
}

interface Hit {
  id: string
  score: number
  title?: string
  snippet?: string
  match: { query: string; term: string; field: string; kind: string }[]
}

let dir: string
let indexFile: string

/** Runs the CLI with colour settings cleared (the test runner may set FORCE_COLOR). */
function cli(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env }
  delete clean['FORCE_COLOR']
  delete clean['NO_COLOR']
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function searchJson(source: string, ...args: string[]): Hit[] {
  const result = cli(['search', source, ...args, '--json'])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as Hit[]
}

beforeAll(() => {
  expect(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does it first)').toBe(true)
  dir = mkdtempSync(join(tmpdir(), 'bangla-search-cli-'))
  for (const [name, text] of Object.entries(DOCS)) {
    mkdirSync(join(dir, 'docs', name, '..'), { recursive: true })
    writeFileSync(join(dir, 'docs', name), text)
  }
  indexFile = join(dir, 'সূচি.json')
})

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe('bangla-search index', () => {
  it('builds and saves an index, printing a one-line summary and no progress when piped', () => {
    const result = cli(['index', join(dir, 'docs'), '-o', indexFile])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^Indexed 3 documents \(\d+ terms\) from .* in \d+\.\d\d s → .*সূচি\.json \(\d+(\.\d)? k?B\)\n$/u)
    // binary by default (whatever the file is called), found by content when searched
    const saved = SearchIndex.fromBytes(readFileSync(indexFile))
    expect(saved.size).toBe(3)
    expect(cli(['search', indexFile, 'পুতিন', '--json']).code).toBe(0)
  })

  it('writes format version 1 JSON with --format json, which search reads too', () => {
    const jsonFile = join(dir, 'v1.json')
    expect(cli(['index', join(dir, 'docs'), '-o', jsonFile, '--format', 'json']).code).toBe(0)
    const saved = JSON.parse(readFileSync(jsonFile, 'utf8')) as { format: string; documents: { ids: string[] } }
    expect(saved.format).toBe('bangla-search-index')
    expect(saved.documents.ids.sort()).toEqual(['dhaka', 'kim', 'putin'])
    const hits = JSON.parse(cli(['search', jsonFile, 'পুতিন', '--json']).stdout) as { id: string }[]
    expect(hits[0]?.id).toBe('putin')
    expect(cli(['index', join(dir, 'docs'), '-o', jsonFile, '--format', 'xml']).code).toBe(2)
  })

  it('refuses a missing -o (exit 2) and a missing corpus (exit 1)', () => {
    const noOutput = cli(['index', join(dir, 'docs')])
    expect(noOutput.code).toBe(2)
    expect(noOutput.stderr).toMatch(/^bangla-search index: say where to save the index, e\.g\. .* -o index\.idx\n$/u)
    const missing = cli(['index', join(dir, 'nowhere'), '-o', join(dir, 'x.json')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^bangla-search: Cannot open ".*nowhere": it does not exist/u)
    expect(existsSync(join(dir, 'x.json'))).toBe(false)
  })
})

describe('bangla-search index: skipped records, --errors, --strict, --legacy', () => {
  const records = [
    { id: 1, title: 'ঢাকা', text: 'ঢাকার খবর' },
    { id: 2, title: 'wZwb e‡jb', text: 'wZwb e‡jb, miKvi GB wel‡q KvR Ki‡Q|' },
    'not json',
    { id: 1, text: 'আবার' },
    { id: 3, text: 'কিম' },
  ]
  const corpus = () => {
    const path = join(dir, 'mixed.jsonl')
    writeFileSync(path, `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`)
    return path
  }

  it('skips bad records by default: exit 3, one summary line on stderr, every skipped record in --errors', () => {
    const out = join(dir, 'mixed-index.json')
    const errors = join(dir, 'errors.jsonl')
    const result = cli(['index', corpus(), '-o', out, '--errors', errors])
    expect(result.code).toBe(3)
    expect(result.stdout).toMatch(/^Indexed 2 documents /u)
    expect(result.stderr).toMatch(/^bangla-search index: skipped 3 of 5 records \(1 INVALID_DOCUMENT, 1 DUPLICATE_ID, 1 LEGACY_ENCODING\); the first: line 3: not valid JSON .*; all of them are in .*errors\.jsonl\n$/u)
    const lines = readFileSync(errors, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => [line['where'], line['id'], line['code']])).toEqual([
      ['line 3', undefined, 'INVALID_DOCUMENT'],
      ['line 4', 1, 'DUPLICATE_ID'],
      ['line 2', 2, 'LEGACY_ENCODING'],
    ])
    expect(lines[0]?.['record']).toBe('not json')
    expect(lines[2]?.['record']).toEqual(records[1])
    expect(searchJson(out, 'কিম').map((hit) => hit.id)).toEqual([3])
  })

  it('--strict stops at the first bad record: exit 1, no index written', () => {
    const out = join(dir, 'strict-index.json')
    const result = cli(['index', corpus(), '-o', out, '--strict'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^bangla-search: .*mixed\.jsonl line 3: not valid JSON/u)
    expect(existsSync(out)).toBe(false)
  })

  it('--legacy convert indexes the Bijoy record as Unicode Bengali', () => {
    const out = join(dir, 'converted-index.json')
    const result = cli(['index', corpus(), '-o', out, '--legacy', 'convert'])
    expect(result.code).toBe(3) // the bad JSON line and the repeated id are still skipped
    const hits = searchJson(out, 'সরকার')
    expect(hits.map((hit) => [hit.id, hit.title])).toEqual([[2, 'তিনি বলেন']])
  })

  it('exits 0 when every record is indexed, 1 when none is, and refuses an unknown --legacy (exit 2)', () => {
    const good = join(dir, 'good.jsonl')
    writeFileSync(good, `${JSON.stringify({ id: 1, text: 'কিম' })}\n`)
    expect(cli(['index', good, '-o', join(dir, 'good-index.json')]).code).toBe(0)
    const bad = join(dir, 'bad.jsonl')
    writeFileSync(bad, `${JSON.stringify({ id: 1, text: 'wZwb e‡jb, miKvi GB wel‡q KvR Ki‡Q|' })}\n`)
    const none = cli(['index', bad, '-o', join(dir, 'bad-index.json')])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/nothing indexed: every record of .*bad\.jsonl was skipped; no index written\.\n$/u)
    expect(existsSync(join(dir, 'bad-index.json'))).toBe(false)
    const usage = cli(['index', good, '-o', join(dir, 'x.json'), '--legacy', 'fix'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toBe('bangla-search index: --legacy takes reject, convert, skip, got "fix"\n')
  })
})

describe('bangla-search search', () => {
  it('finds a document through a stem, an alias and a romanised query, with JSON output', () => {
    const stem = searchJson(indexFile, 'পুতিন')
    expect(stem.map((hit) => hit.id)).toEqual(['putin'])
    expect(stem[0]?.match.map((m) => m.kind)).toContain('stem')
    expect(stem[0]?.title).toBe('পুতিনের সফর')
    expect(stem[0]?.snippet).toContain('<mark>')
    const alias = searchJson(indexFile, 'ভ্লাদিভস্তক')
    expect(alias.map((hit) => [hit.id, hit.match[0]?.kind])).toEqual([['kim', 'alias']])
    const roman = searchJson(indexFile, 'vladivostok')
    expect(roman.map((hit) => [hit.id, hit.match[0]?.kind])).toEqual([['kim', 'roman']])
  })

  it('joins the remaining arguments into the query and honours --limit and --and', () => {
    expect(searchJson(indexFile, 'কিম', 'পুতিন').map((hit) => hit.id).sort()).toEqual(['kim', 'putin'])
    expect(searchJson(indexFile, 'কিম', 'পুতিন', '--limit', '1')).toHaveLength(1)
    expect(searchJson(indexFile, 'কিম', 'পুতিন', '--and')).toEqual([])
  })

  it('searches a corpus folder directly, indexing it on the fly', () => {
    expect(searchJson(join(dir, 'docs'), 'বৃষ্টিতে').map((hit) => hit.id)).toEqual(['dhaka'])
  })

  it('exits 0 with an empty array (or a message) when nothing matches', () => {
    expect(searchJson(indexFile, 'ক্রিকেট')).toEqual([])
    const human = cli(['search', indexFile, 'ক্রিকেট'])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/^No hits for ক্রিকেট in .* \(3 documents\)\.\n$/u)
  })

  it('prints ranked hits with [bracketed] matches when piped, ANSI colour with FORCE_COLOR', () => {
    const piped = cli(['search', indexFile, 'পুতিন'])
    expect(piped.code).toBe(0)
    expect(piped.stdout).toContain(' 1. putin  score ')
    expect(piped.stdout).toContain('    [পুতিনের] সফর\n')
    expect(piped.stdout).not.toContain('\u001b[')
    const coloured = cli(['search', indexFile, 'পুতিন'], { FORCE_COLOR: '1' })
    expect(coloured.stdout).toContain('\u001b[1;33mপুতিনের\u001b[0m')
    const noColor = cli(['search', indexFile, 'পুতিন'], { NO_COLOR: '1' })
    expect(noColor.stdout).not.toContain('\u001b[')
  })

  it('names every word of a phrase on the matched line, each kind in word order', () => {
    const human = cli(['search', indexFile, '"উত্তর কোরিয়া" পুতিন'])
    expect(human.stdout).toContain('matched: "উত্তর কোরিয়া" (exact, text), পুতিন')
    const inflected = cli(['search', indexFile, '"পুতিন সফর"'])
    expect(inflected.stdout).toContain('matched: "পুতিন সফর" → পুতিনের সফর (stem + exact, title)')
    const [hit] = searchJson(indexFile, '"পুতিন সফর"')
    expect(hit?.match.map((m) => [m.query, m.term, m.kind])).toEqual([
      ['পুতিন সফর', 'পুতিনের', 'stem'],
      ['পুতিন সফর', 'সফর', 'exact'],
    ])
  })

  it('refuses bad arguments with exit 2 and one line that says what to fix', () => {
    const unknown = cli(['search', indexFile, 'পুতিন', '--bogus'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('bangla-search search: unknown option --bogus (to pass text that starts with "-", put it after --) (see bangla-search search --help)\n')
    const badLimit = cli(['search', indexFile, 'পুতিন', '--limit', '0'])
    expect(badLimit.code).toBe(2)
    expect(badLimit.stderr).toBe('bangla-search search: --limit takes a whole number >= 1, got "0"\n')
    const command = cli(['serch', indexFile])
    expect(command.code).toBe(2)
    expect(command.stderr).toMatch(/^bangla-search: unknown command "serch"; the commands are index, search, analyze/u)
  })

  it('prints the usage of search when the query is missing (exit 2)', () => {
    const result = cli(['search', indexFile])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^bangla-search search: give a query after ".*", e\.g\. /u)
    expect(result.stderr).toContain('Usage: bangla-search search')
  })

  it('exits 1 for a missing file and for a malformed index', () => {
    const missing = cli(['search', join(dir, 'নেই.json'), 'পুতিন'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^bangla-search: Cannot open ".*নেই\.json": it does not exist; check the path/u)
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"format": "bangla-search-index", "version": 1')
    const malformed = cli(['search', broken, 'পুতিন'])
    expect(malformed.code).toBe(1)
    expect(malformed.stderr).toMatch(/^bangla-search: ".*broken\.json": .*not valid JSON/u)
    expect(malformed.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('bangla-search analyze', () => {
  it('shows each word with its offsets, term, stems and alias keys', () => {
    const result = cli(['analyze', 'পুতিনের', 'সঙ্গে বৈঠক'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^#\s+word\s+offsets\s+term\s+stems\s+alias keys\s+stopword$/u)
    expect(lines[1]).toMatch(/^0\s+পুতিনের\s+0–7\s+পুতিনের\s+পুতিন\s+PTN$/u)
    expect(lines[2]).toMatch(/^1\s+সঙ্গে\s+8–13\s.*\syes$/u)
  })

  it('prints the tokens as JSON with --json, and refuses an empty text', () => {
    const tokens = JSON.parse(cli(['analyze', 'পুতিনের সফর', '--json']).stdout) as { term: string; stems: string[] }[]
    expect(tokens.map((token) => token.stems)).toEqual([['পুতিন'], ['সফর']])
    const empty = cli(['analyze'])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/^bangla-search analyze: give a text/u)
  })
})

describe('bangla-search --help and --version', () => {
  it('prints the version from package.json', () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: '' })
  })

  it('prints help for the program and for each command on stdout', () => {
    expect(cli(['--help']).stdout).toMatch(/^Usage: bangla-search <command>/u)
    for (const command of ['index', 'search', 'analyze']) {
      const help = cli([command, '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`^Usage: bangla-search ${command} `, 'u'))
    }
    const none = cli([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: bangla-search <command>')
  })
})

describe('npm run demo', () => {
  // The demo script is `npm run build && node dist/cli.js search corpus/seeds`; the build part is
  // skipped here (it would rebuild dist/ under the other tests), the command itself is run as written.
  const demo = (PACKAGE.scripts['demo'] ?? '').split('&&').pop()?.trim().split(/\s+/u) ?? []

  it.each(['ভ্লাদিভোস্টক', 'vladivostok'])('finds the seed article for %s', (query) => {
    expect(demo.slice(0, 2)).toEqual(['node', 'dist/cli.js'])
    const clean = { ...process.env }
    delete clean['FORCE_COLOR']
    const result = spawnSync(process.execPath, [...demo.slice(1), query, '--json'], { cwd: ROOT, encoding: 'utf8', env: clean })
    expect(result.status).toBe(0)
    const hits = JSON.parse(result.stdout) as Hit[]
    expect(hits.map((hit) => hit.id)).toContain('000_ec15b545c941e6ec')
  })

  it('prints the usage of search without a query (exit 2)', () => {
    const result = spawnSync(process.execPath, demo.slice(1), { cwd: ROOT, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Usage: bangla-search search')
  })
})

describe('the package in a REPL', () => {
  const node = (code: string) => spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' })

  it("require('bangla-search') resolves through the package exports and finds a hit", () => {
    const result = node(`
      const { SearchIndex } = require('bangla-search')
      const index = new SearchIndex({ fields: ['text'] })
      index.add({ id: 1, text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে কিমের বৈঠক' })
      console.log(JSON.stringify(index.search('putin').map((hit) => hit.id)))`)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('[1]\n')
  })

  it("indexes the seed corpus in two lines with require('bangla-search/node')", () => {
    const result = node(`
      const { indexCorpus } = require('bangla-search/node')
      indexCorpus('corpus/seeds').then((index) => console.log(index.size, index.search('ভ্লাদিভোস্টক')[0].title.split(' ').slice(0, 2).join(' ')))`)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('5 গোপনে রাশিয়ায়\n')
  })
})
