/**
 * The adapter-lift table: each peer run with one of bangla-search's adapters
 * (`bangla-search/flexsearch`, …) next to the same library's other configurations, with the
 * change against the library's defaults.
 */
import type { QualityResult } from '../suites/quality.js'
import { type BenchResults, type EngineInfo, fmt, int, label } from './results.js'
import { type Section, find, mrrOnFirst, renderTable, topPoint } from './tables.js'

type Metric = 'ndcg10' | 'mrr10'

function valid(r: QualityResult | undefined): QualityResult | undefined {
  return r && !r.error && !r.skipped ? r : undefined
}

/** "0.675 (+0.353)" for an adapter row, "0.322" otherwise. */
function cell(value: number | undefined, base: number | undefined, showLift: boolean): string {
  if (value === undefined) return '—'
  if (!showLift || base === undefined) return fmt(value, 3)
  const d = value - base
  return `${fmt(value, 3)} (${d >= 0 ? '+' : ''}${d.toFixed(3)})`
}

/** Known-item title queries run by every configuration of the library that ran them (slow ones run a budgeted prefix). */
function commonTitleCount(results: BenchResults, configs: readonly EngineInfo[]): number | undefined {
  const counts = configs.map((e) => topPoint(results, e.id)?.knownItemRR?.length).filter((n): n is number => n !== undefined && n > 0)
  return counts.length === 0 ? undefined : Math.min(...counts)
}

export function liftSection(results: BenchResults): Section | undefined {
  const adapters = results.engines.filter((e) => e.liftOver !== undefined)
  if (adapters.length === 0) return undefined
  const rows: string[][] = []
  for (const library of [...new Set(adapters.map((e) => e.library))]) {
    const configs = results.engines.filter((e) => e.library === library)
    const base = configs.find((e) => e.id === adapters.find((a) => a.library === library)?.liftOver)
    const ordered = [...configs.filter((e) => e === base), ...configs.filter((e) => e !== base && !e.liftOver), ...configs.filter((e) => e.liftOver)]
    const n = commonTitleCount(results, configs)
    const quality = (e: EngineInfo | undefined, set: string, metric: Metric) => (e ? valid(find(results, e.id, set))?.[metric] : undefined)
    const knownItem = (e: EngineInfo | undefined) => (e && n !== undefined ? mrrOnFirst(topPoint(results, e.id), n) : undefined)
    // titles among those n whose post is in the corpus slice (the ones scored)
    const judged = (e: EngineInfo) => topPoint(results, e.id)?.knownItemRR?.slice(0, n).filter((rr) => rr >= 0).length
    for (const e of ordered) {
      const lift = e.liftOver !== undefined
      rows.push([
        label(e),
        cell(quality(e, 'dev', 'ndcg10'), quality(base, 'dev', 'ndcg10'), lift),
        cell(quality(e, 'banglaquad', 'mrr10'), quality(base, 'banglaquad', 'mrr10'), lift),
        cell(quality(e, 'dakshina', 'mrr10'), quality(base, 'dakshina', 'mrr10'), lift),
        cell(knownItem(e), knownItem(base), lift),
        knownItem(e) === undefined ? '—' : int(judged(e)),
      ])
    }
  }
  return {
    title: 'Adapter lift: the same engines with bangla-search analysis',
    lines: renderTable(['engine', 'dev nDCG@10', 'BQ MRR@10', 'DK MRR@10', 'KI MRR@10', 'KI n'], rows),
    notes: [
      "Each peer with one of bangla-search's adapters (`bangla-search/flexsearch`, `/minisearch`, `/orama`, `/lunr`: the library's own index and ranking, our analysis), next to that library's other configurations; in brackets the change against the library's defaults. KI MRR@10 is computed over the title queries that every configuration of the library ran (slow ones run a budgeted prefix of the list), so the rows compare the same queries; n counts those whose post is in the slice; a dash where a configuration did not run at scale.",
      'Query-time expansion (alias keys for spelling variants, romanised queries) is not part of the adapters: see docs/plugins.md.',
    ],
  }
}
