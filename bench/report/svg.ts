/**
 * A two-panel SVG bar chart drawn from the results (no chart library): query latency of
 * the title queries (p50 and p95, log scale) and index heap after the build, at the
 * largest corpus share.
 */
import { type BenchResults, MB, int, label } from './results.js'
import { topPoint } from './tables.js'

interface Bar {
  name: string
  ours: boolean
  values: number[]
}

const ROW = 24
const LABEL_W = 190
const PANEL_W = 300
const GAP = 40
const TOP = 54
const OURS = '#c2410c'
const PEER = '#475569'
const PEER_LIGHT = '#cbd5e1'
const OURS_LIGHT = '#fdba74'

function esc(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)
}

function num(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3)
}

/** Axis labels: whole numbers from 1 up, two significant digits below. */
function tick(v: number): string {
  return v >= 1 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(2)))
}

/** One panel of horizontal bars; `values[0]` dark, `values[1]` (optional) light behind it. */
function panel(x0: number, title: string, bars: Bar[], log: boolean, unit: string): string {
  const out: string[] = []
  out.push(`<text x="${x0}" y="${TOP - 30}" class="title">${esc(title)}</text>`)
  if (bars.length === 0) {
    out.push(`<text x="${x0}" y="${TOP + 14}" class="note">no data</text>`)
    return out.join('\n')
  }
  const all = bars.flatMap((b) => b.values).filter((v) => v > 0)
  const max = Math.max(...all)
  const min = Math.min(...all)
  const lo = log ? 10 ** Math.floor(Math.log10(min)) : 0
  const hi = log ? 10 ** Math.ceil(Math.log10(max)) : max * 1.1
  const scale = (v: number) =>
    log ? ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * PANEL_W : (v / hi) * PANEL_W
  const bx = x0 + LABEL_W
  const height = bars.length * ROW
  // Grid lines.
  const ticks: number[] = []
  if (log) for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(t)
  else {
    const step = 10 ** Math.floor(Math.log10(hi / 2))
    const nice = hi / step > 8 ? step * 2 : step
    for (let t = 0; t <= hi; t += nice) ticks.push(t)
  }
  for (const t of ticks) {
    const x = bx + scale(t)
    out.push(`<line x1="${x.toFixed(1)}" y1="${TOP - 6}" x2="${x.toFixed(1)}" y2="${TOP + height}" class="grid"/>`)
    out.push(`<text x="${x.toFixed(1)}" y="${TOP + height + 14}" class="tick">${esc(tick(t))}</text>`)
  }
  out.push(`<text x="${bx + PANEL_W / 2}" y="${TOP + height + 30}" class="axis">${esc(unit)}</text>`)
  bars.forEach((b, i) => {
    const y = TOP + i * ROW
    out.push(`<text x="${bx - 8}" y="${y + ROW / 2 + 4}" class="label${b.ours ? ' ours' : ''}">${esc(b.name)}</text>`)
    const [v0, v1] = b.values
    if (v1 !== undefined && v1 > 0) {
      out.push(
        `<rect x="${bx}" y="${y + 4}" width="${scale(v1).toFixed(1)}" height="${ROW - 8}" fill="${b.ours ? OURS_LIGHT : PEER_LIGHT}"/>`,
      )
    }
    if (v0 !== undefined && v0 > 0) {
      out.push(
        `<rect x="${bx}" y="${y + 4}" width="${Math.max(scale(v0), 1).toFixed(1)}" height="${ROW - 8}" fill="${b.ours ? OURS : PEER}"/>`,
      )
      const text = v1 !== undefined ? `${num(v0)} / ${num(v1)}` : num(v0)
      const end = Math.max(scale(v0), v1 !== undefined ? scale(v1) : 0)
      out.push(`<text x="${(bx + end + 4).toFixed(1)}" y="${y + ROW / 2 + 4}" class="value">${esc(text)}</text>`)
    }
  })
  return out.join('\n')
}

export function chartSvg(results: BenchResults): string {
  const latency: Bar[] = []
  const heap: Bar[] = []
  let docs = 0
  for (const e of results.engines) {
    if (e.liftOver !== undefined) continue // peers running our analysis: in the adapter-lift table, not the chart
    const p = topPoint(results, e.id)
    if (!p || p.docs === 0) continue
    docs = Math.max(docs, p.docs)
    const t = p.latency.title
    if (t && !t.error && t.queries > 0) latency.push({ name: label(e), ours: e.ours, values: [t.p50, t.p95] })
    if (!p.sharedIndexWith && p.heapBytes !== undefined && !p.heapNote) {
      heap.push({ name: label(e), ours: e.ours, values: [p.heapBytes / MB] })
    }
  }
  const rows = Math.max(latency.length, heap.length, 1)
  const width = 2 * (LABEL_W + PANEL_W) + GAP + 60
  const height = TOP + rows * ROW + 64
  const left = panel(10, `Title-query latency, p50 / p95 (${int(docs)} posts)`, latency, true, 'ms, log scale (dark p50, light p95)')
  const right = panel(10 + LABEL_W + PANEL_W + GAP, 'Index heap after build', heap, false, 'MB (heapUsed + arrayBuffers delta)')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
<style>
.title { font-size: 14px; font-weight: 600; fill: #0f172a; }
.label { font-size: 12px; fill: #334155; text-anchor: end; }
.label.ours { font-weight: 700; fill: ${OURS}; }
.value { font-size: 11px; fill: #334155; }
.tick { font-size: 10px; fill: #64748b; text-anchor: middle; }
.axis { font-size: 11px; fill: #64748b; text-anchor: middle; }
.note { font-size: 12px; fill: #64748b; }
.grid { stroke: #e2e8f0; stroke-width: 1; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
${left}
${right}
<text x="10" y="${height - 8}" class="note">${esc(`bangla-search benchmark, ${results.date.slice(0, 10)}, ${results.machine.cpu} (${results.machine.cores} cores), Node ${results.machine.node}. Lucene is not in the heap panel (JVM heap; its index is on disk).`)}</text>
</svg>
`
}
