/**
 * `npm run fuzz:index`: the full fuzz run of the binary saved-index loader (the test suite runs a
 * bounded count of the same mutations). Builds an index of the bundled seed corpus, then for each
 * kind of mutation loads COUNT mutated copies and runs a few searches on those that load.
 * Every outcome must be a load or a BanglaSearchError MALFORMED_INDEX / UNSUPPORTED_INDEX_VERSION;
 * the slowest case is reported (with the time of a clean load for comparison), so a mutation that
 * makes loading superlinear shows up.
 *
 *   node --import tsx bench/fuzz-saved-index.ts [--count=17000] [--seed=20261206]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BanglaSearchError, SearchIndex } from '../src/index.js'
import { MUTATIONS, seeded } from '../test/helpers/binary-fuzz.js'
import { REPO_ROOT } from './engines/util.js'

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const count = Number(args['count'] ?? 17_000)
const seed = Number(args['seed'] ?? 20_261_206)

const folder = join(REPO_ROOT, 'corpus', 'seeds')
const paragraphs = readdirSync(folder).flatMap((file) =>
  readFileSync(join(folder, file), 'utf8')
    .split(/\n\s*\n/)
    .filter((text) => text.trim() !== '')
    .map((text, i) => ({ id: `${file}#${i}`, title: file, text })),
)
const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'], storeCompression: { blockSize: 2048 } })
index.addAll(paragraphs)
const original = index.toBytes()
let start = performance.now()
SearchIndex.fromBytes(original)
const cleanMs = performance.now() - start
console.log(`fuzz: ${paragraphs.length} seed paragraphs, saved index ${original.length} bytes, clean load ${cleanMs.toFixed(1)} ms; ${count} mutations per kind, seed ${seed}`)
let total = 0
let slowest = 0
for (const [kind, mutate] of Object.entries(MUTATIONS)) {
  const random = seeded(seed ^ kind.length)
  const outcomes = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const mutated = mutate(original, random)
    start = performance.now()
    let outcome = 'loaded'
    try {
      const loaded = SearchIndex.fromBytes(mutated)
      for (const query of ['পুতিন', 'কিম সফর', '"উত্তর কোরিয়া"', 'vladivostok', 'ভ্লাদি*']) loaded.search(query, { highlight: true, limit: 30 })
    } catch (error) {
      if (!(error instanceof BanglaSearchError)) {
        console.error(`fuzz: ${kind} #${i} escaped as an untyped error: ${String(error)}`)
        process.exit(1)
      }
      outcome = error.code
    }
    slowest = Math.max(slowest, performance.now() - start)
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    total++
  }
  console.log(`  ${kind.padEnd(40)} ${[...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`)
}
console.log(`fuzz: ${total} mutated buffers, none escaped as an untyped error; slowest case ${slowest.toFixed(1)} ms (clean load ${cleanMs.toFixed(1)} ms)`)
