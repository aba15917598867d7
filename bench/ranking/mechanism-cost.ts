/**
 * What each ranking mechanism costs on the known-item titles: every title run under each
 * configuration in turn (so the machine's drift hits all alike), p50 and p95 over 3 passes after
 * a warm-up pass; the configurations take turns to run a title first. Typo tolerance is switched off with the `fuzzy: false` option.
 *
 * Usage: npx tsx bench/ranking/mechanism-cost.ts [limit]
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { PROXIMITY } from '../../src/search/proximity.js'
import { blogIndex, knownItemSet } from './blog.js'

const index = await blogIndex()
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
const samples = configurations.map(() => [] as number[])
for (let pass = 0; pass < 4; pass++) {
  titles.forEach((q, i) => {
    // the configurations take turns to go first (the first run of a title fills the word cache)
    configurations.forEach((_, turn) => {
      const c = (turn + i + pass) % configurations.length
      const [, apply, fuzzy] = configurations[c]!
      Object.assign(PROXIMITY, proximity)
      Object.assign(COMPOUNDS, compounds)
      apply()
      const start = performance.now()
      index.search(q, { limit, fuzzy })
      if (pass > 0) samples[c]!.push(performance.now() - start)
    })
  })
}
Object.assign(PROXIMITY, proximity)
Object.assign(COMPOUNDS, compounds)
configurations.forEach(([name], c) => {
  const sorted = samples[c]!.sort((a, b) => a - b)
  const at = (p: number) => (sorted[Math.floor(p * (sorted.length - 1))] as number).toFixed(2)
  console.log(`${name.padEnd(24)} limit ${limit}: p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`)
})
