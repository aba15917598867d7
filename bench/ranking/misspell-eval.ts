/**
 * Figures of the misspelling set (misspell.ts) on the blog index:
 * - recall@10 of the misspelt queries: the share of the top 10 (of min(10, |relevant|)) that
 *   hold the intended word, with the default options (typo tolerance on) and with `fuzzy: false`;
 *   also per edit family and apart for misspellings that are themselves words of the corpus;
 * - precision@10 of the intended words typed correctly, with and without typo tolerance, and how
 *   many of them lose precision when it is on (typo tolerance must not hurt correct queries).
 */
import type { SearchIndex } from '../../src/index.js'
import { misspellingSet } from './misspell.js'

/** The misspelling figures. */
export interface MisspellingFigures {
  queries: number
  recall10: number
  recall10Off: number
  /** Non-word misspellings only (the form is no word of the corpus). */
  recall10NonWord: number
  recall10NonWordOff: number
  byFamily: Record<string, { queries: number; recall10: number; recall10Off: number }>
  exactQueries: number
  exactPrecision10: number
  exactPrecision10Off: number
  /** Correctly typed queries whose precision@10 drops with typo tolerance on. */
  precisionLost: number
  lostExamples: string[]
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

function top10(index: SearchIndex, query: string, fuzzy: boolean): string[] {
  return index.search(query, { limit: 10, fuzzy }).map((hit) => String(hit.id))
}

function share(ids: readonly string[], relevant: ReadonlySet<string>, denominator: number): number {
  return ids.filter((id) => relevant.has(id)).length / Math.max(1, denominator)
}

/** Runs the set (generated on first use and cached) against the blog index. */
export async function misspellingFigures(index: SearchIndex): Promise<MisspellingFigures> {
  const set = await misspellingSet()
  const on: number[] = []
  const off: number[] = []
  const families = new Map<string, { on: number[]; off: number[] }>()
  const nonWordOn: number[] = []
  const nonWordOff: number[] = []
  const exactOn: number[] = []
  const exactOff: number[] = []
  const lostExamples: string[] = []
  for (const m of set) {
    const relevant = new Set(m.relevant)
    const denominator = Math.min(10, relevant.size)
    const a = share(top10(index, m.typo, true), relevant, denominator)
    const b = share(top10(index, m.typo, false), relevant, denominator)
    on.push(a)
    off.push(b)
    if (!m.attested) {
      nonWordOn.push(a)
      nonWordOff.push(b)
    }
    const family = families.get(m.family) ?? { on: [], off: [] }
    family.on.push(a)
    family.off.push(b)
    families.set(m.family, family)
    const exactA = share(top10(index, m.intended, true), relevant, denominator)
    const exactB = share(top10(index, m.intended, false), relevant, denominator)
    exactOn.push(exactA)
    exactOff.push(exactB)
    if (exactA < exactB - 1e-9) lostExamples.push(`${m.intended} ${exactB.toFixed(1)}→${exactA.toFixed(1)}`)
  }
  return {
    queries: set.length,
    recall10: mean(on),
    recall10Off: mean(off),
    recall10NonWord: mean(nonWordOn),
    recall10NonWordOff: mean(nonWordOff),
    byFamily: Object.fromEntries([...families].map(([name, f]) => [name, { queries: f.on.length, recall10: mean(f.on), recall10Off: mean(f.off) }])),
    exactQueries: set.length,
    exactPrecision10: mean(exactOn),
    exactPrecision10Off: mean(exactOff),
    precisionLost: lostExamples.length,
    lostExamples: lostExamples.slice(0, 20),
  }
}
