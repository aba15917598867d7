import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'
import { loadDevSet, ndcgAt10 } from '../helpers/dev-set.js'

const devSet = loadDevSet()

describe.skipIf(devSet === undefined)('quality on the development query set (defaults only)', () => {
  it('reaches nDCG@10 >= 0.9 overall and >= 0.8 in every category', () => {
    const { queries, paragraphs } = devSet!
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll(paragraphs)
    const byCategory = new Map<string, number[]>()
    for (const query of queries) {
      const hits = index.search(query.query, query.mode === 'prefix' ? { prefix: true } : undefined)
      const score = ndcgAt10(hits.map((hit) => String(hit.id)), new Set(query.relevant))
      byCategory.set(query.category, [...(byCategory.get(query.category) ?? []), score])
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    const all = [...byCategory.values()].flat()
    const report = Object.fromEntries([...byCategory].map(([category, scores]) => [category, Number(mean(scores).toFixed(3))]))
    console.log('dev-set nDCG@10', { overall: Number(mean(all).toFixed(3)), ...report })
    expect(mean(all)).toBeGreaterThanOrEqual(0.9)
    for (const [category, scores] of byCategory) expect(mean(scores), category).toBeGreaterThanOrEqual(0.8)
  })
})
