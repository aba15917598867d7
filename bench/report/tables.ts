/**
 * The result tables, as padded Markdown tables: the same text is printed on the terminal
 * and written into docs/benchmarks.md. This file: the table renderer, engines and quality.
 */
import type { QualityResult } from '../suites/quality.js'
import type { ScalePoint } from '../suites/scale-types.js'
import { type BenchResults, fmt, int, label } from './results.js'

export interface Section {
  title: string
  lines: string[]
  notes: string[]
}

/**
 * Renders rows as a Markdown table padded to column width. By default the first column is
 * left-aligned and the others (numbers) right-aligned; `left` names more left columns.
 */
export function renderTable(headers: string[], rows: string[][], left = 1): string[] {
  const width = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < left ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ')} |`
  const rule = `| ${width.map((w, i) => (i < left ? '-'.repeat(w) : '-'.repeat(Math.max(w - 1, 1)) + ':')).join(' | ')} |`
  return [line(headers), rule, ...rows.map(line)]
}

const CATEGORIES = ['inflection', 'variant', 'unicode', 'digits', 'roman', 'phrase', 'prefix', 'typo']

export function find(results: BenchResults, engine: string, set: string): QualityResult | undefined {
  return results.quality.find((q) => q.engine === engine && q.set === set)
}

function qualityCell(r: QualityResult | undefined, key: 'ndcg10' | 'mrr10' | 'recall'): string {
  if (!r) return '—'
  if (r.error) return 'error'
  if (r.skipped) return 'skip'
  return fmt(r[key], 3)
}

/** The largest-scale point of an engine (the one with the most documents). */
export function topPoint(results: BenchResults, engine: string, scale = results.scale): ScalePoint | undefined {
  const points = scale?.points.filter((p) => p.engine === engine) ?? []
  return points.reduce<ScalePoint | undefined>((best, p) => (!best || p.docs > best.docs ? p : best), undefined)
}

export function qualitySection(results: BenchResults): Section {
  const rows: string[][] = []
  const notes: string[] = []
  for (const e of results.engines) {
    const dev = find(results, e.id, 'dev')
    const bq = find(results, e.id, 'banglaquad')
    const dk = find(results, e.id, 'dakshina')
    const ki = topPoint(results, e.id)
    const kiScores = ki?.knownItem
    rows.push([
      label(e),
      qualityCell(dev, 'ndcg10'),
      qualityCell(dev, 'recall'),
      qualityCell(bq, 'ndcg10'),
      qualityCell(bq, 'mrr10'),
      qualityCell(bq, 'recall'),
      qualityCell(dk, 'ndcg10'),
      qualityCell(dk, 'mrr10'),
      qualityCell(dk, 'recall'),
      kiScores ? fmt(kiScores.ndcg10, 3) : '—',
      kiScores ? fmt(kiScores.mrr10, 3) : '—',
      kiScores ? fmt(kiScores.recall, 3) : '—',
      kiScores ? int(kiScores.queries) : '—',
    ])
    for (const r of [dev, bq, dk]) if (r?.error) notes.push(`${label(e)} on ${r.set}: error: ${r.error}`)
  }
  const sets = results.sets
  const kiNote = results.scale
    ? `Known-item: the ${results.quick ? 'quick' : 'full'} blog slice (${int(topPoint(results, results.engines[0]?.id ?? '')?.docs ?? results.scale.docs)} posts, text field only); only title queries whose post is in the slice count, and slow configurations ran a budgeted prefix of the shuffled query list (n).`
    : 'Known-item: not run (no blog corpus).'
  return {
    title: 'Search quality',
    lines: renderTable(
      [
        'engine',
        'dev nDCG@10',
        'dev R@10',
        'BQ nDCG@10',
        'BQ MRR@10',
        'BQ R@100',
        'DK nDCG@10',
        'DK MRR@10',
        'DK R@100',
        'KI nDCG@10',
        'KI MRR@10',
        'KI R@100',
        'KI n',
      ],
      rows,
    ),
    notes: [
      `dev = ${sets.dev?.title ?? 'dev set'} (${sets.dev?.queries ?? 0} queries; R@10 counted against min(|relevant|, 10)); BQ = BanglaQuAD (${sets.banglaquad?.queries ?? 0} questions, ${sets.banglaquad?.docs ?? 0} paragraphs); DK = Dakshina romanised (${sets.dakshina?.queries ?? 0} queries, ${sets.dakshina?.docs ?? 0} sentences); KI = blog known-item.`,
      kiNote,
      'skip: the configuration does not run on that set (see the engine list).',
      ...notes,
    ],
  }
}

export function categorySection(results: BenchResults): Section {
  const rows = results.engines.map((e) => {
    const dev = find(results, e.id, 'dev')
    return [
      label(e),
      ...CATEGORIES.map((c) => (dev?.categories?.[c] ? fmt(dev.categories[c].ndcg10, 2) : '—')),
      qualityCell(dev, 'ndcg10'),
    ]
  })
  const counts = results.quality.find((q) => q.set === 'dev' && q.categories)?.categories ?? {}
  return {
    title: 'Dev queries: nDCG@10 by category',
    lines: renderTable(['engine', ...CATEGORIES.map((c) => `${c} (${counts[c]?.queries ?? 0})`), 'all'], rows),
    notes: ['Query counts per category in brackets. Mode `prefix` queries run as prefix searches, the rest as plain ranked searches.'],
  }
}

export function enginesSection(results: BenchResults): Section {
  const rows = results.engines.map((e) => [
    label(e),
    e.version ?? '—',
    e.error ? `not loaded: ${e.error}` : e.config,
  ])
  return {
    title: 'Engines',
    lines: renderTable(['engine', 'version', 'configuration'], rows, 3),
    notes: results.engines
      .filter((e) => e.skipLargeQuality && !e.error)
      .map((e) => `${label(e)} runs only the dev set on quality: ${e.skipLargeQuality}.`),
  }
}

/**
 * Mean reciprocal rank of `ours` over the first `n` title queries (the ones a budgeted peer
 * ran), so that known-item figures compare the same queries.
 */
export function mrrOnFirst(point: ScalePoint | undefined, n: number): number | undefined {
  const rr = point?.knownItemRR
  if (!rr) return undefined
  const judged = rr.slice(0, n).filter((x) => x >= 0)
  return judged.length === 0 ? undefined : judged.reduce((a, b) => a + b, 0) / judged.length
}

/** Bundle size of each package's entry; ratios are the peer's size over ours. */
export function sizeSection(results: BenchResults): Section | undefined {
  const sizes = results.size
  if (sizes === undefined || sizes.length === 0) return undefined
  const ours = sizes.find((s) => s.library === 'bangla-search')
  const KB = 1000
  const rows = sizes.map((s) => [
    `${s.library} ${s.version}`,
    fmt(s.minified / KB, 1),
    fmt(s.gzipped / KB, 1),
    ours && s !== ours && !s.library.startsWith('bangla-search/') ? `${fmt(s.gzipped / ours.gzipped, 2)}×` : '—',
  ])
  return {
    title: 'Bundle size',
    lines: renderTable(['package entry', 'minified KB', 'min + gzip KB', 'peer ÷ ours'], rows),
    notes: [
      "Each package's whole entry (`import * as library from '<package>'`, nothing tree-shaken away), bundled by esbuild for the browser (minified, ES2022 module) and gzipped at level 9; 1 KB = 1000 bytes (as npm and bundlephobia count). bangla-search is measured from its built dist/ with its one dependency, unicode-segmenter; its engine adapters (`bangla-search/flexsearch`, …) are separate entries, measured without the engine they are used with.",
    ],
  }
}
