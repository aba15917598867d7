/**
 * What each ranking mechanism costs on the known-item titles: all of them, none, and each alone.
 * Every title runs under each configuration in turn (so the machine's drift hits all alike), each
 * configuration on its own index (so its word cache holds only its own plans); p50 and p95 of the
 * first pass (each title once, as the benchmark runs them: `rounds` times, each round on freshly
 * loaded indexes, pooled) and of 3 more passes on the last round's indexes. Times are the
 * process's CPU time (a busy machine's other work does not count). Typo tolerance is switched off
 * with the `fuzzy: false` option.
 *
 * Usage: npx tsx bench/ranking/mechanism-cost.ts [limit] [rounds]
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { PROXIMITY } from '../../src/search/proximity.js'
import type { SearchIndex } from '../../src/index.js'
import { blogIndex, knownItemSet } from './blog.js'

const titles = knownItemSet().queries.map((q) => q.text)
const limit = Number(process.argv[2] ?? 100)
const rounds = Number(process.argv[3] ?? 3)
const proximity = { ...PROXIMITY }
const compounds = { ...COMPOUNDS }
const never = Number.POSITIVE_INFINITY
const off = {
  proximity: () => Object.assign(PROXIMITY, { weight: 0 }),
  joins: () => Object.assign(COMPOUNDS, { joinMinDocuments: never }),
  splits: () => Object.assign(COMPOUNDS, { splitMinDocuments: never }),
}
// all of them, none, and each alone over none (typo tolerance is on when `fuzzy` is true)
const configurations: Array<[string, () => void, boolean]> = [
  ['all mechanisms', () => {}, true],
  ['only proximity', () => (off.joins(), off.splits()), false],
  ['only compound joins', () => (off.proximity(), off.splits()), false],
  ['only compound splits', () => (off.proximity(), off.joins()), false],
  ['only typo tolerance', () => (off.proximity(), off.joins(), off.splits()), true],
  ['none (fuzzy off)', () => (off.proximity(), off.joins(), off.splits()), false],
]
const cpuTime = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const once = configurations.map(() => [] as number[])
const samples = configurations.map(() => [] as number[])
let indexes: SearchIndex[] = []
for (let round = 0; round < rounds; round++) {
  indexes = []
  for (let c = 0; c < configurations.length; c++) indexes.push(await blogIndex())
  const passes = round === rounds - 1 ? 4 : 1
  for (let pass = 0; pass < passes; pass++) {
    titles.forEach((q, i) => {
      configurations.forEach((_, turn) => {
        const c = (turn + i + pass + round) % configurations.length
        const [, apply, fuzzy] = configurations[c]!
        Object.assign(PROXIMITY, proximity)
        Object.assign(COMPOUNDS, compounds)
        apply()
        const start = cpuTime()
        indexes[c]!.search(q, { limit, fuzzy })
        ;(pass === 0 ? once : samples)[c]!.push(cpuTime() - start)
      })
    })
  }
}
Object.assign(PROXIMITY, proximity)
Object.assign(COMPOUNDS, compounds)
const quantiles = (values: number[]): string => {
  const sorted = values.sort((a, b) => a - b)
  const at = (p: number) => (sorted[Math.floor(p * (sorted.length - 1))] as number).toFixed(2)
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`
}
configurations.forEach(([name], c) => console.log(`${name.padEnd(24)} limit ${limit}: once ${quantiles(once[c]!)} | repeated ${quantiles(samples[c]!)}`))
