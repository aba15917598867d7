/**
 * What each ranking mechanism costs on the known-item titles: every title run under each
 * configuration in turn (so the machine's drift hits all alike), each configuration on its own
 * index (so its word cache holds only its own plans); p50 and p95 of the first pass (each title
 * once, as the benchmark runs them) and of 3 more. Typo tolerance is switched off with the
 * `fuzzy: false` option.
 *
 * Usage: npx tsx bench/ranking/mechanism-cost.ts [limit]
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { PROXIMITY } from '../../src/search/proximity.js'
import type { SearchIndex } from '../../src/index.js'
import { blogIndex, knownItemSet } from './blog.js'

const titles = knownItemSet().queries.map((q) => q.text)
const limit = Number(process.argv[2] ?? 100)
const proximity = { ...PROXIMITY }
const compounds = { ...COMPOUNDS }
const never = Number.POSITIVE_INFINITY
const configurations: Array<[string, () => void, boolean]> = [
  ['all mechanisms', () => {}, true],
  ['without proximity', () => Object.assign(PROXIMITY, { weight: 0 }), true],
  ['without joins', () => Object.assign(COMPOUNDS, { joinMinDocuments: never }), true],
  ['without splits', () => Object.assign(COMPOUNDS, { splitMinDocuments: never }), true],
  ['without typo tolerance', () => {}, false],
  ['none (fuzzy off)', () => {
    Object.assign(PROXIMITY, { weight: 0 })
    Object.assign(COMPOUNDS, { joinMinDocuments: never, splitMinDocuments: never })
  }, false],
]
const indexes: SearchIndex[] = []
for (let c = 0; c < configurations.length; c++) indexes.push(await blogIndex())
const once = configurations.map(() => [] as number[])
const samples = configurations.map(() => [] as number[])
for (let pass = 0; pass < 4; pass++) {
  titles.forEach((q, i) => {
    configurations.forEach((_, turn) => {
      const c = (turn + i + pass) % configurations.length
      const [, apply, fuzzy] = configurations[c]!
      Object.assign(PROXIMITY, proximity)
      Object.assign(COMPOUNDS, compounds)
      apply()
      const start = performance.now()
      indexes[c]!.search(q, { limit, fuzzy })
      ;(pass === 0 ? once : samples)[c]!.push(performance.now() - start)
    })
  })
}
Object.assign(PROXIMITY, proximity)
Object.assign(COMPOUNDS, compounds)
const quantiles = (values: number[]): string => {
  const sorted = values.sort((a, b) => a - b)
  const at = (p: number) => (sorted[Math.floor(p * (sorted.length - 1))] as number).toFixed(2)
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`
}
configurations.forEach(([name], c) => console.log(`${name.padEnd(24)} limit ${limit}: once ${quantiles(once[c]!)} | repeated ${quantiles(samples[c]!)}`))
