/**
 * The engine adapters as users get them: each built entry, through the package's `exports`,
 * imported (ESM) and required (CommonJS) in a fresh Node process with its real engine; and each
 * bundled for the browser without pulling its engine in.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')

function run(code: string, type: 'module' | 'commonjs'): string {
  const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs'
  return execFileSync(process.execPath, [flag, '-e', code], { cwd: root, encoding: 'utf8' }).trim()
}

const DOCS = `[
  { id: '1', text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে ২০১৯ সালে সরকারী বৈঠক' },
  { id: '2', text: 'ঢাকায় আজ বৃষ্টি হয়েছে' },
]`

/** For each entry: how to load it and its engine, and a search that prints the ids found. */
const ENTRIES = {
  flexsearch: {
    esm: "import { Index } from 'flexsearch'; import { flexsearchEncoder } from 'bangla-search/flexsearch'",
    cjs: "const { Index } = require('flexsearch'); const { flexsearchEncoder } = require('bangla-search/flexsearch')",
    search: `const index = new Index({ encoder: flexsearchEncoder() })
      for (const doc of ${DOCS}) index.add(doc.id, doc.text)
      const find = (q) => index.search(q).map(String)`,
  },
  minisearch: {
    esm: "import MiniSearch from 'minisearch'; import { minisearchOptions } from 'bangla-search/minisearch'",
    cjs: "const MiniSearch = require('minisearch'); const { minisearchOptions } = require('bangla-search/minisearch')",
    search: `const index = new MiniSearch({ fields: ['text'], ...minisearchOptions() })
      index.addAll(${DOCS})
      const find = (q) => index.search(q).map((hit) => hit.id)`,
  },
  orama: {
    esm: "import { create, insertMultiple, search } from '@orama/orama'; import { oramaTokenizer } from 'bangla-search/orama'",
    cjs: "const { create, insertMultiple, search } = require('@orama/orama'); const { oramaTokenizer } = require('bangla-search/orama')",
    search: `const db = create({ schema: { text: 'string' }, components: { tokenizer: oramaTokenizer() } })
      insertMultiple(db, ${DOCS})
      const find = (q) => search(db, { term: q }).hits.map((hit) => hit.id)`,
  },
  lunr: {
    esm: "import lunr from 'lunr'; import { lunrBengali, registerLunrBengali } from 'bangla-search/lunr'",
    cjs: "const lunr = require('lunr'); const { lunrBengali, registerLunrBengali } = require('bangla-search/lunr')",
    search: `const built = lunr(function () { this.use(lunrBengali); this.ref('id'); this.field('text'); for (const doc of ${DOCS}) this.add(doc) })
      registerLunrBengali(lunr)
      const index = lunr.Index.load(JSON.parse(JSON.stringify(built)))
      const find = (q) => index.search(q).map((hit) => hit.ref)`,
  },
} as const

/** Bytes of one adapter entry, minified and gzipped (about 7 KB: the analysis chain without alias keys or romanisation). */
const ADAPTER_GZIP_BUDGET_BYTES = 9_000

const QUERIES = `console.log(JSON.stringify(['পুতিন', '2019', 'সরকারি', 'বৃষ্টি', 'মস্কো'].map(find)))`
const EXPECTED = [['1'], ['1'], ['1'], ['2'], []]

describe.each(Object.entries(ENTRIES))('the built bangla-search/%s', (name, entry) => {
  it('works through import (ESM) with its engine', () => {
    expect(JSON.parse(run(`${entry.esm}\n${entry.search}\n${QUERIES}`, 'module'))).toEqual(EXPECTED)
  })

  it('works through require (CommonJS) with its engine', () => {
    expect(JSON.parse(run(`${entry.cjs}\n${entry.search}\n${QUERIES}`, 'commonjs'))).toEqual(EXPECTED)
  })

  it(`bundles for the browser without its engine, in at most ${ADAPTER_GZIP_BUDGET_BYTES / 1000} KB`, async () => {
    const output = await build({
      stdin: { contents: `export * from 'bangla-search/${name}'`, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfigRaw: {}, // resolve through the package's exports (dist/), not the tsconfig paths to src/
    })
    const inputs = Object.keys(output.metafile.inputs)
    expect(inputs.some((file) => file.includes('dist/adapters/'))).toBe(true)
    expect(inputs.filter((file) => file.includes('node_modules/') && !file.includes('node_modules/unicode-segmenter/'))).toEqual([])
    expect(gzipSync(output.outputFiles[0]!.contents, { level: 9 }).byteLength).toBeLessThanOrEqual(ADAPTER_GZIP_BUDGET_BYTES)
  })
})
