import fs from 'node:fs'
import path from 'node:path'

/** Where the shared evaluation data lives (beside the project folder). */
export const SHARED = path.resolve(__dirname, '../../../shared')

export interface DevQuery {
  id: string
  category: string
  mode: 'any' | 'all' | 'phrase' | 'prefix'
  query: string
  relevant: string[]
}

export interface Paragraph {
  id: string
  text: string
}

/** The development query set and its paragraphs, or undefined when shared/ is absent. */
export function loadDevSet(): { queries: DevQuery[]; paragraphs: Paragraph[] } | undefined {
  const queriesPath = path.join(SHARED, 'eval/queries-dev.json')
  const paragraphsPath = path.join(SHARED, 'eval/seed-paragraphs.json')
  if (!fs.existsSync(queriesPath) || !fs.existsSync(paragraphsPath)) return undefined
  return {
    queries: JSON.parse(fs.readFileSync(queriesPath, 'utf8')),
    paragraphs: JSON.parse(fs.readFileSync(paragraphsPath, 'utf8')).map((p: Paragraph) => ({ id: p.id, text: p.text })),
  }
}

/** nDCG@10 with binary relevance, as the eval README defines it. */
export function ndcgAt10(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  let dcg = 0
  ranked.slice(0, 10).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2)
  return ideal === 0 ? 0 : dcg / ideal
}
