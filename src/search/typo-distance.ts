/**
 * The weighted edit distance of typo tolerance: insertions, deletions and substitutions of units
 * (a code point, or a letter with its nukta) at the costs of typo-costs.ts, and the moves people
 * make in Bengali: two neighbouring units swapped, the two consonants of a conjunct swapped, two
 * neighbouring clusters swapped, a cluster typed twice.
 *
 * @module
 * @internal
 */

import { CLUSTER_REPEAT_COST, CLUSTER_SWAP_COST, CONJUNCT_SWAP_COST, indelCost, substitutionCost, SUBSTITUTION_CLASSES, UNIT_SWAP_COST } from './typo-costs.js'

/** A word split for {@link typoDistance}. */
export interface TypoUnits {
  /** Its units: code points, a nukta joined to its letter. */
  readonly units: readonly string[]
  /** A number per distinct unit (the same for the same unit in every word). */
  readonly ids: Int32Array
  /** The cost of inserting or deleting each unit, in its place (see `indelCost`). */
  readonly indel: Float64Array
  /** `clusterStart[i]`: the first unit of the cluster that ends just before unit i (-1 when no cluster ends there). */
  readonly clusterStart: Int32Array
  /** The longest two neighbouring clusters, in units: how far back a cluster move reaches. */
  readonly reach: number
}

const unitIds = new Map<string, number>()

/** The number of a unit (the same for the same unit in every word). */
function unitId(unit: string): number {
  let id = unitIds.get(unit)
  if (id === undefined) {
    id = unitIds.size
    unitIds.set(unit, id)
  }
  return id
}

// the letters of the classes get the first numbers, so their substitution costs fit one square table
for (const { letters } of SUBSTITUTION_CLASSES) for (const letter of letters) unitId(letter)
/** How many units have substitutions cheaper than 1 (the letters of the classes: numbers 0 .. CLASS_UNITS - 1). */
const CLASS_UNITS = unitIds.size
/** `substitutions[a × CLASS_UNITS + b]`: the cost of unit b for unit a, both class letters. */
const substitutions = new Float64Array(CLASS_UNITS * CLASS_UNITS).fill(1)
for (const [a, idA] of unitIds) {
  for (const [b, idB] of unitIds) substitutions[idA * CLASS_UNITS + idB] = a === b ? 0 : Math.min(1, substitutionCost(a, b))
}

/** The cost of unit `y` for unit `x` (by number). */
function substitute(x: number, y: number): number {
  if (x === y) return 0
  return x < CLASS_UNITS && y < CLASS_UNITS ? (substitutions[x * CLASS_UNITS + y] as number) : 1
}

/**
 * Splits a word into units and orthographic clusters: a cluster starts at each letter that does
 * not follow a virama (so a conjunct stays whole) and takes the marks after it, as a reader groups
 * Bengali letters (the same grouping as grapheme clusters for Bengali words, without the cost of a
 * full segmenter).
 */
export function typoUnits(word: string): TypoUnits {
  const units: string[] = []
  const starts: number[] = [-1]
  let start = 0
  let reach = 0
  let previousLength = 0
  for (const point of word) {
    if (point === NUKTA && units.length > 0) {
      units[units.length - 1] += point
      continue
    }
    if (units.length > 0 && !isMark(point) && units[units.length - 1] !== VIRAMA) {
      starts[units.length] = start
      reach = Math.max(reach, previousLength + units.length - start)
      previousLength = units.length - start
      start = units.length
    }
    units.push(point)
    starts.push(-1)
  }
  if (units.length > 0) {
    starts[units.length] = start
    reach = Math.max(reach, previousLength + units.length - start)
  }
  const ids = Int32Array.from(units, unitId)
  const indel = Float64Array.from(units, (_, i) => indelCost(units, i))
  return { units, ids, indel, clusterStart: Int32Array.from(starts), reach }
}

const NUKTA = '\u09BC'
const VIRAMA = '\u09CD'
const VIRAMA_ID = unitId(VIRAMA)
/** Bengali combining marks (signs, ঁ ং ঃ, virama) and the joiners: they belong to the cluster before them. */
function isMark(point: string): boolean {
  const code = point.charCodeAt(0)
  return (code >= 0x0981 && code <= 0x0983) || (code >= 0x09bc && code <= 0x09d7 && code !== 0x09ce) || code === 0x09e2 || code === 0x09e3 || code === 0x200c || code === 0x200d
}

/**
 * The weighted edit distance between two words: insertions, deletions and substitutions of units
 * at the costs of typo-costs.ts, two neighbouring units swapped, the two consonants of a conjunct
 * swapped, two neighbouring clusters swapped, and a cluster typed twice. Stops early (returning
 * more than `max`) once the distance must exceed `max`.
 *
 * @example
 * ```ts
 * typoDistance(typoUnits('অর্তে'), typoUnits('অর্থে'), 1)   // 0.5: ত for থ
 * typoDistance(typoUnits('ইউক্রেম'), typoUnits('ইউক্রেন'), 1) // 1: an unrelated consonant
 * typoDistance(typoUnits('সিউলর'), typoUnits('সিউলের'), 1)   // 0.5: a vowel sign left out
 * ```
 */
export function typoDistance(a: TypoUnits, b: TypoUnits, max = Number.POSITIVE_INFINITY): number {
  const x = a.ids
  const y = b.ids
  const n = x.length
  const m = y.length
  // every unit inserted or deleted costs at least the cheapest indel
  if (Math.abs(n - m) * CHEAPEST_INDEL > max) return max + 1
  // rows of the table: d[i][j] = distance between x[0..i) and y[0..j)
  const d = table(n + 1, m + 1)
  const minima = new Float64Array(n + 1)
  const first = d[0] as Float64Array
  first[0] = 0
  for (let j = 1; j <= m; j++) first[j] = (first[j - 1] as number) + (b.indel[j - 1] as number)
  // cluster moves reach back over two clusters of either word
  const reach = Math.max(a.reach, b.reach)
  for (let i = 1; i <= n; i++) {
    const row = d[i] as Float64Array
    const above = d[i - 1] as Float64Array
    const xi = x[i - 1] as number
    const deletion = a.indel[i - 1] as number
    row[0] = (above[0] as number) + deletion
    let rowMin = row[0] as number
    for (let j = 1; j <= m; j++) {
      const yj = y[j - 1] as number
      const substitution = substitute(xi, yj)
      let best = Math.min((above[j] as number) + deletion, (row[j - 1] as number) + (b.indel[j - 1] as number), (above[j - 1] as number) + substitution)
      if (i >= 2 && j >= 2 && xi === y[j - 2] && x[i - 2] === yj) best = Math.min(best, ((d[i - 2] as Float64Array)[j - 2] as number) + UNIT_SWAP_COST)
      if (i >= 3 && j >= 3 && x[i - 2] === VIRAMA_ID && y[j - 2] === VIRAMA_ID && xi === y[j - 3] && x[i - 3] === yj && xi !== x[i - 3]) {
        best = Math.min(best, ((d[i - 3] as Float64Array)[j - 3] as number) + CONJUNCT_SWAP_COST)
      }
      if ((a.clusterStart[i] as number) >= 0 || (b.clusterStart[j] as number) >= 0) best = Math.min(best, clusterMoves(a, b, d, i, j))
      row[j] = best
      if (best < rowMin) rowMin = best
    }
    minima[i] = rowMin
    if (rowMin > max && i >= reach) {
      let all = true
      for (let k = i - reach; k < i && all; k++) all = (minima[k] as number) > max
      if (all) return max + 1
    }
  }
  return (d[n] as Float64Array)[m] as number
}

/** The cluster-level moves that end at (i, j): a swap of the last two clusters, or a repeated cluster on either side. */
function clusterMoves(a: TypoUnits, b: TypoUnits, d: readonly Float64Array[], i: number, j: number): number {
  let best = Number.POSITIVE_INFINITY
  const aStart = a.clusterStart[i] as number
  const bStart = b.clusterStart[j] as number
  // a cluster of a repeated right after itself (an extra copy in a)
  if (aStart >= 0) {
    const length = i - aStart
    const before = a.clusterStart[aStart] as number
    if (before >= 0 && aStart - before === length && sameUnits(a.ids, before, a.ids, aStart, length)) best = Math.min(best, ((d[aStart] as Float64Array)[j] as number) + CLUSTER_REPEAT_COST)
  }
  if (bStart >= 0) {
    const length = j - bStart
    const before = b.clusterStart[bStart] as number
    if (before >= 0 && bStart - before === length && sameUnits(b.ids, before, b.ids, bStart, length)) best = Math.min(best, ((d[i] as Float64Array)[bStart] as number) + CLUSTER_REPEAT_COST)
  }
  // the last two clusters of a are those of b in the other order
  if (aStart >= 0 && bStart >= 0) {
    const aBefore = a.clusterStart[aStart] as number
    const bBefore = b.clusterStart[bStart] as number
    if (aBefore >= 0 && bBefore >= 0 && i - aBefore === j - bBefore) {
      const lastA = i - aStart
      const firstA = aStart - aBefore
      if (lastA === bStart - bBefore && firstA === j - bStart && sameUnits(a.ids, aStart, b.ids, bBefore, lastA) && sameUnits(a.ids, aBefore, b.ids, bStart, firstA)) {
        best = Math.min(best, ((d[aBefore] as Float64Array)[bBefore] as number) + CLUSTER_SWAP_COST)
      }
    }
  }
  return best
}

/** The cheapest insertion or deletion (a chandrabindu). */
const CHEAPEST_INDEL = 0.25
let rows: Float64Array[] = []

/** A reused table of at least `height` rows of `width` cells. */
function table(height: number, width: number): Float64Array[] {
  if (rows.length < height || (rows[0]?.length ?? 0) < width) {
    const size = Math.max(width, rows[0]?.length ?? 0, 32)
    rows = Array.from({ length: Math.max(height, rows.length, 32) }, () => new Float64Array(size))
  }
  return rows
}

function sameUnits(x: Int32Array, xFrom: number, y: Int32Array, yFrom: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (x[xFrom + k] !== y[yFrom + k]) return false
  return true
}
