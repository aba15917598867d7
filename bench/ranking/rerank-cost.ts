/**
 * What the proximity pass costs: each known-item title timed with the pass off (weight 0) and on,
 * alternately (so the machine's drift hits both alike), at limit 10 and 100, for each window
 * depth given; p50 and p95 over 3 passes after a warm-up pass.
 *
 * Usage: npx tsx bench/ranking/rerank-cost.ts [depth ...]
 */
import { PROXIMITY } from '../../src/search/proximity.js'
import { blogIndex, knownItemSet } from './blog.js'

const index = await blogIndex()
const titles = knownItemSet().queries.map((q) => q.text)
const saved = { ...PROXIMITY }
const depths = process.argv.slice(2).map(Number)

function quantiles(samples: number[]): string {
  samples.sort((a, b) => a - b)
  const at = (p: number) => (samples[Math.floor(p * (samples.length - 1))] as number).toFixed(2)
  return `p50 ${at(0.5)} ms p95 ${at(0.95)} ms`
}

for (const depth of depths.length > 0 ? depths : [saved.depth]) {
  for (const limit of [10, 100]) {
    const off: number[] = []
    const on: number[] = []
    for (let pass = 0; pass < 4; pass++) {
      for (const q of titles) {
        for (const weight of [0, saved.weight]) {
          Object.assign(PROXIMITY, { weight, depth })
          const start = performance.now()
          index.search(q, { limit })
          if (pass > 0) (weight === 0 ? off : on).push(performance.now() - start)
        }
      }
    }
    console.log(`depth ${depth} limit ${limit}: off ${quantiles(off)} | on ${quantiles(on)}`)
  }
}
Object.assign(PROXIMITY, saved)
