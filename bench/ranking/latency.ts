/**
 * Rough latency of the ranking mechanisms on the blog index (the lead measures properly):
 * known-item titles, the misspelt words and single frequent words, each timed with the
 * defaults and with one mechanism switched off where an option exists. Medians over 3 passes.
 *
 * Usage: node --expose-gc --import tsx bench/ranking/latency.ts
 */
import type { SearchIndex } from '../../src/index.js'
import { blogIndex, compoundSet, knownItemSet } from './blog.js'
import { misspellingSet } from './misspell.js'

const index = await blogIndex()
const titles = knownItemSet().queries.map((q) => q.text)
const typos = (await misspellingSet()).map((m) => m.typo)
const words = (await misspellingSet()).map((m) => m.intended)
const compounds = compoundSet().queries.map((q) => q.text)

function time(name: string, queries: readonly string[], options: Parameters<SearchIndex['search']>[1]): void {
  const first = performance.now()
  for (const q of queries) index.search(q, options)
  const firstPass = performance.now() - first
  const samples: number[] = []
  for (let pass = 0; pass < 3; pass++) {
    for (const q of queries) {
      const start = performance.now()
      index.search(q, options)
      samples.push(performance.now() - start)
    }
  }
  samples.sort((a, b) => a - b)
  const at = (p: number) => (samples[Math.floor(p * (samples.length - 1))] as number).toFixed(2)
  console.log(`${name.padEnd(34)} n=${queries.length} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  mean ${(samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2)} ms  (first pass ${(firstPass / queries.length).toFixed(2)} ms/query)`)
}

time('titles, limit 100', titles, { limit: 100 })
time('titles, limit 10', titles, { limit: 10 })
time('titles, limit 10, fuzzy off', titles, { limit: 10, fuzzy: false })
time('misspelt words, limit 10', typos, { limit: 10 })
time('misspelt words, fuzzy off', typos, { limit: 10, fuzzy: false })
time('frequent words, limit 10', words, { limit: 10 })
time('split compounds, limit 10', compounds, { limit: 10 })
