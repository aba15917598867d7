/** Speed, memory, growth and ratio tables (see tables.ts for the renderer). */
import type { QualityResult } from '../suites/quality.js'
import type { QueryClass, ScalePoint } from '../suites/scale-types.js'
import type { LatencyStats } from '../types.js'
import { type BenchResults, MB, fmt, fmtMs, int, label } from './results.js'
import { type Section, find, mrrOnFirst, renderTable, topPoint } from './tables.js'

function latencyCell(stats: LatencyStats | undefined): string {
  if (!stats) return 'n/a'
  if (stats.error) return '✗ check'
  return `${fmtMs(stats.p50)} / ${fmtMs(stats.p95)} / ${fmtMs(stats.p99)}`
}

const CLASSES: QueryClass[] = ['word', 'title', 'prefix', 'fuzzy']

/** Which scale a table is about: the posts, or the paragraphs. */
export type Scale = 'posts' | 'paragraphs'

function scaleOf(results: BenchResults, which: Scale) {
  return which === 'posts' ? results.scale : results.paragraphScale
}

export function scaleSection(results: BenchResults, which: Scale = 'posts'): Section | undefined {
  const scale = scaleOf(results, which)
  if (!scale) return undefined
  const rows: string[][] = []
  const notes: string[] = []
  const floor = scale.floor[scale.floor.length - 1]
  if (floor) {
    rows.push([
      'floor: read + NFC + segment',
      fmt(floor.ms / 1000),
      int(floor.docs / (floor.ms / 1000)),
      fmt(floor.bytes / MB / (floor.ms / 1000)),
      '—',
      '—',
      '—',
      '',
      '',
      '',
      '',
      '',
    ])
  }
  for (const e of results.engines) {
    const p = topPoint(results, e.id, scale)
    if (!p) continue
    if (p.error && p.docs === 0) {
      rows.push([label(e), 'error', '', '', '', '', '', '', '', '', '', ''])
      notes.push(`${label(e)}: ${p.error}`)
      continue
    }
    const shared = p.sharedIndexWith ? results.engines.find((x) => x.id === p.sharedIndexWith) : undefined
    const sec = p.buildMs !== undefined ? p.buildMs / 1000 : undefined
    const ns = CLASSES.map((c) => (p.latency[c] ? String(p.latency[c]!.queries) : '–')).join('/')
    rows.push([
      label(e),
      shared ? `= ${label(shared)}` : fmt(sec),
      shared || !sec ? '' : int(p.docs / sec),
      shared || !sec ? '' : fmt(p.bytes / MB / sec),
      shared ? '' : p.heapNote ? 'n/a†' : p.heapBytes !== undefined ? fmt(p.heapBytes / MB, p.heapBytes < 10 * MB ? 1 : 0) : '—',
      shared ? '' : p.savedBytes !== undefined ? fmt(p.savedBytes / MB, 1) : p.saveError ? 'error' : '—',
      shared ? '' : fmtMs(p.loadMs),
      ...CLASSES.map((c) => latencyCell(p.latency[c])),
      ns,
    ])
    if (p.error) notes.push(`${label(e)}: ${p.error}`)
    if (p.saveError) notes.push(`${label(e)} save/load: ${p.saveError}`)
    for (const c of CLASSES) {
      const s = p.latency[c]
      if (s?.error) notes.push(`${label(e)} ${c} queries failed the check: ${s.error}`)
    }
    if (p.heapNote) {
      notes.push(
        `† ${label(e)}: its index lives on disk (saved MB is the index folder, load is opening it); the JVM heap it uses (${fmt((p.heapBytes ?? 0) / MB, 1)} MB more after the build, measured after System.gc()) is not comparable with a JS heap.`,
      )
    }
  }
  for (const s of scale.skipped) notes.push(`Not run at scale: ${s.engine}: ${s.reason}.`)
  const last = scale.floor[scale.floor.length - 1]
  return {
    title: `Speed and memory at ${int(last?.docs ?? scale.docs)} ${which} (${fmt((last?.bytes ?? scale.bytes) / MB, 0)} MB of text)`,
    lines: renderTable(
      [
        'engine',
        'build s',
        'docs/s',
        'MB/s',
        'heap MB',
        'saved MB',
        'load ms',
        'word p50/95/99 ms',
        'title p50/95/99 ms',
        'prefix p50/95/99 ms',
        'fuzzy p50/95/99 ms',
        'n (w/t/p/f)',
      ],
      rows,
    ),
    notes: [
      which === 'posts'
        ? `Text field only. Queries: single words (limit 10), known-item titles (multi-word, limit 100), 3-cluster prefixes (prefix mode, limit 10), misspelt words (fuzzy mode, limit 10). n = queries timed per class; n/a = the configuration has no such mode.`
        : `The blog posts split into paragraphs (each non-empty line a document, ${int(scale.docs)} in all; lines typed in legacy Bijoy left out), text field only. Queries as for the posts, titles with limit 10 (the known-item titles as multi-word queries; no known-item score: they name posts). bangla-search and Lucene only (the other engines need far more memory and time at this size).`,
      'heap MB = heapUsed + arrayBuffers after a full GC, minus the same before the build (the corpus itself is outside the figure).',
      ...notes,
    ],
  }
}

export function growthSection(results: BenchResults, which: Scale = 'posts'): Section | undefined {
  const scale = scaleOf(results, which)
  if (!scale || scale.floor.length < 2) return undefined
  const shares = scale.floor.map((f) => f.share)
  const rows: string[][] = []
  rows.push([
    'floor: read + NFC + segment',
    scale.floor.map((f) => fmt(f.ms / 1000)).join(' / '),
    '',
    '',
    '',
    '',
  ])
  for (const e of results.engines) {
    const points = (scale.points.filter((p) => p.engine === e.id && p.docs > 0) ?? []).sort((a, b) => a.docs - b.docs)
    if (points.length === 0) continue
    const cells = (f: (p: ScalePoint) => string) => shares.map((s) => {
      const p = points.find((x) => x.share === s)
      return p ? f(p) : '—'
    }).join(' / ')
    const shared = points[0]!.sharedIndexWith !== undefined
    rows.push([
      label(e),
      shared ? '(same index)' : cells((p) => fmt(p.buildMs !== undefined ? p.buildMs / 1000 : undefined)),
      shared ? '' : cells((p) => (p.heapNote ? 'n/a' : p.heapBytes === undefined ? '—' : fmt(p.heapBytes / MB, p.heapBytes < 10 * MB ? 1 : 0))),
      shared ? '' : cells((p) => fmt(p.savedBytes !== undefined ? p.savedBytes / MB : undefined, 0)),
      cells((p) => (p.latency.word?.error ? '✗' : fmtMs(p.latency.word?.p50))),
      cells((p) => (p.latency.title?.error ? '✗' : fmtMs(p.latency.title?.p95))),
    ])
  }
  const pct = shares.map((s) => `${Math.round(s * 100)} %`).join(' / ')
  return {
    title: `Growth: ${pct} of the corpus (${scale.floor.map((f) => int(f.docs)).join(' / ')} ${which})`,
    lines: renderTable(['engine', 'build s', 'heap MB', 'saved MB', 'word p50 ms', 'title p95 ms'], rows),
    notes: [
      'Each cell lists the figures at the corpus shares in the title. Engines that can add documents to a built index (FlexSearch, MiniSearch, Orama) are grown from one share to the next and their build time is the running total; the others are rebuilt from scratch at each share. Saved size is measured at the largest share only.',
      ...results.engines
        .filter((e) => e.scaleEndsOnly && !e.skipScale && scale.floor.length > 2)
        .map((e) => `${label(e)} runs the smallest and largest share only: ${e.scaleEndsOnly}.`),
    ],
  }
}

/** Ratio a/b, shown as "3.2×", or a dash. */
function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0 || a <= 0) return '—'
  const r = a / b
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 0.1 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`
}

function delta(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return '—'
  const d = a - b
  return `${d >= 0 ? '+' : ''}${d.toFixed(3)}`
}

export function ratioSection(results: BenchResults): Section | undefined {
  const ours = results.engines.find((e) => e.ours)
  if (!ours || ours.error) return undefined
  const op = topPoint(results, ours.id)
  const ownQuality = (set: string) => find(results, ours.id, set)
  const rows: string[][] = []
  for (const e of results.engines) {
    if (e.ours) continue
    const p = topPoint(results, e.id)
    const shared = p?.sharedIndexWith
    const base = shared ? topPoint(results, shared) : p
    const peerQ = (set: string) => find(results, e.id, set)
    const q = (r: QualityResult | undefined) => (r && !r.error && !r.skipped ? r : undefined)
    const lat = (pt: ScalePoint | undefined, c: QueryClass) => (pt?.latency[c]?.error ? undefined : pt?.latency[c]?.p50)
    rows.push([
      label(e),
      ratio(base?.buildMs, op?.buildMs),
      base?.heapNote ? 'n/a' : ratio(base?.heapBytes, op?.heapBytes),
      ratio(base?.savedBytes, op?.savedBytes),
      ratio(lat(p, 'word'), lat(op, 'word')),
      ratio(lat(p, 'title'), lat(op, 'title')),
      delta(q(ownQuality('dev'))?.ndcg10, q(peerQ('dev'))?.ndcg10),
      delta(q(ownQuality('banglaquad'))?.mrr10, q(peerQ('banglaquad'))?.mrr10),
      delta(q(ownQuality('dakshina'))?.mrr10, q(peerQ('dakshina'))?.mrr10),
      delta(mrrOnFirst(op, p?.knownItemRR?.length ?? 0) ?? op?.knownItem?.mrr10, p?.knownItem?.mrr10),
    ])
  }
  return {
    title: `${label(ours)} against each peer`,
    lines: renderTable(
      ['peer', 'build time', 'heap', 'saved size', 'word p50', 'title p50', 'Δ dev nDCG', 'Δ BQ MRR', 'Δ DK MRR', 'Δ KI MRR'],
      rows,
    ),
    notes: [
      `Ratios are peer ÷ ${label(ours)} at the largest corpus share (above 1× means ${label(ours)} is faster or smaller); Δ columns are ${label(ours)} minus the peer (above 0 means ${label(ours)} ranks better). Lucene's heap is the JVM's, not comparable, hence n/a. Δ KI MRR compares both on the title queries the peer ran (its n). A dash: one side has no valid figure.`,
    ],
  }
}

/** bangla-search against Lucene at the paragraph scale: the ratios the speed issue asks for. */
export function paragraphRatioSection(results: BenchResults): Section | undefined {
  const scale = results.paragraphScale
  const ours = results.engines.find((e) => e.ours)
  if (!scale || !ours) return undefined
  const op = topPoint(results, ours.id, scale)
  const rows: string[][] = []
  for (const e of results.engines) {
    if (e.ours) continue
    const p = topPoint(results, e.id, scale)
    if (!p || p.docs === 0) continue
    const lat = (pt: ScalePoint | undefined, c: QueryClass, at: 'p50' | 'p95') => (pt?.latency[c]?.error ? undefined : pt?.latency[c]?.[at])
    rows.push([
      label(e),
      ratio(p.buildMs, op?.buildMs),
      ratio(p.savedBytes, op?.savedBytes),
      ...CLASSES.flatMap((c) => [ratio(lat(p, c, 'p50'), lat(op, c, 'p50')), ratio(lat(p, c, 'p95'), lat(op, c, 'p95'))]),
    ])
  }
  if (rows.length === 0) return undefined
  return {
    title: `${label(ours)} against each peer at ${int(scale.docs)} paragraphs`,
    lines: renderTable(['peer', 'build time', 'saved size', 'word p50', 'word p95', 'title p50', 'title p95', 'prefix p50', 'prefix p95', 'fuzzy p50', 'fuzzy p95'], rows),
    notes: [`Ratios are peer ÷ ${label(ours)} (above 1× means ${label(ours)} is faster or smaller).`],
  }
}

/** Every saved form of bangla-search's index at both scales: size, save and load time. */
export function savedFormsSection(results: BenchResults): Section | undefined {
  const ours = results.engines.find((e) => e.ours)
  if (!ours) return undefined
  const rows: string[][] = []
  for (const [which, scale] of [['posts', results.scale], ['paragraphs', results.paragraphScale]] as const) {
    // topPoint falls back to the posts when given no scale: a suite that did not run has no rows
    if (scale === undefined) continue
    const p = topPoint(results, ours.id, scale)
    if (!p || p.savedBytes === undefined) continue
    const where = `${int(p.docs)} ${which}`
    rows.push([where, 'binary (format 2)', fmt(p.savedBytes / MB, 1), fmt((p.saveMs ?? 0) / 1000, 1), fmtMs(p.loadMs)])
    for (const alternate of p.savedAlternates ?? []) rows.push([where, alternate.label, fmt(alternate.bytes / MB, 1), fmt(alternate.saveMs / 1000, 1), fmtMs(alternate.loadMs)])
    const lucene = topPoint(results, 'lucene', scale)
    if (lucene?.savedBytes !== undefined) rows.push([where, 'Lucene 8.7 index folder', fmt(lucene.savedBytes / MB, 1), '—', fmtMs(lucene.loadMs)])
  }
  if (rows.length === 0) return undefined
  return {
    title: `Saved index: ${label(ours)}'s formats beside Lucene's`,
    lines: renderTable(['corpus', 'form', 'size MB', 'save s', 'load ms'], rows),
    notes: ['Save: `toBytes()` / `JSON.stringify(toJSON())`; load: `fromBytes` / `fromJSON` of the text, until the loaded index reports its documents. Lucene: its index folder, and opening it.'],
  }
}

/** Every field stored: the sizes, the bound of the stored-text issue, load, heap and snippet searches. */
export function storedSection(results: BenchResults): Section | undefined {
  const stored = results.stored
  if (!stored) return undefined
  const cell = (stats: { p50: number; p95: number } | undefined) => (stats === undefined ? '—' : `${fmtMs(stats.p50)} / ${fmtMs(stats.p95)}`)
  const rows = stored.figures.map((f) => [
    f.label,
    fmt((f.savedBytes ?? 0) / MB, 1),
    f.storedBytes === undefined ? '—' : fmt(f.storedBytes / MB, 1),
    fmtMs(f.loadMs),
    f.heapBytes === undefined ? '—' : fmt(f.heapBytes / MB, 0),
    cell(f.loaded),
    cell(f.built),
  ])
  if (stored.lucene) rows.push(['Lucene 8.7, fields stored', fmt(stored.lucene.diskBytes / MB, 1), fmt(stored.lucene.storedBytes / MB, 1), '—', 'n/a', '—', '—'])
  const notes: string[] = []
  const binary = stored.figures[0]
  if (binary?.savedBytes !== undefined && stored.indexBytes !== undefined) {
    const bound = stored.indexBytes + 0.3 * stored.rawBytes
    notes.push(
      `Bound: the index without its stored sections (${fmt(stored.indexBytes / MB, 1)} MB) plus 30 % of the raw text (${fmt((0.3 * stored.rawBytes) / MB, 1)} MB) = ${fmt(bound / MB, 1)} MB; the binary index with every field stored is ${fmt(binary.savedBytes / MB, 1)} MB (${binary.savedBytes <= bound ? 'within' : 'over'}); the stored text takes ${fmt((100 * (binary.storedBytes ?? 0)) / stored.rawBytes, 1)} % of its raw size.`,
    )
  }
  notes.push('Snippet searches: the first 300 known-item titles, limit 10, `highlight: true`, each run once (the loaded index meets every block cold, as a CLI search does); p50 / p95 in ms. Heap: after loading, over a full GC, minus the same before.')
  return {
    title: `Stored text at ${int(stored.docs)} posts (${fmt(stored.rawBytes / MB, 0)} MB of title and text stored)`,
    lines: renderTable(['form', 'saved MB', 'stored MB', 'load ms', 'heap MB', 'snippets, loaded', 'snippets, built'], rows),
    notes,
  }
}
