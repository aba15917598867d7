/**
 * Sweeps tuning constants over every set at once (so no constant is tuned on one set alone):
 * each setting is applied to a mutable settings object of the library (e.g. PROXIMITY), all the
 * sets run, and one line per setting is printed. The blog index is loaded once.
 *
 * Usage: npx tsx bench/ranking/sweep.ts <target> '<json list of partial settings>' [--sets=…]
 *   target: proximity | compounds | weights
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { PROXIMITY } from '../../src/search/proximity.js'
import { MATCH_WEIGHTS } from '../../src/search/weights.js'
import { blogIndex } from './blog.js'
import { evaluate, formatFigures } from './evaluate.js'

const [target = 'proximity', grid = '[{}]'] = process.argv.slice(2)
const setsArg = process.argv.find((a) => a.startsWith('--sets='))
const sets = new Set((setsArg?.slice(7) ?? 'dev,bq,dk,ki,cmp').split(','))
// the library's tuning objects are read-only in its types; the sweep changes them in place
const targets: Record<string, object> = { proximity: PROXIMITY, compounds: COMPOUNDS, weights: MATCH_WEIGHTS }
const settings = targets[target]
if (settings === undefined) throw new Error(`unknown target ${target}`)
const original = { ...settings }
const blog = sets.has('ki') || sets.has('cmp') || sets.has('typo') ? await blogIndex() : undefined
for (const change of JSON.parse(grid) as object[]) {
  Object.assign(settings, original, change)
  const figures = await evaluate(sets, blog)
  console.log(`${JSON.stringify(change)}\n  ${formatFigures(figures).replace(/\n/g, '\n  ')}`)
}
