/**
 * Each ranking mechanism switched off in turn (proximity: weight 0; compounds: no joins or
 * splits), every set run each time, one line per configuration. Typo tolerance only touches
 * words no document holds; its figures are the misspelling set's (with `fuzzy: false` beside).
 *
 * Usage: npx tsx bench/ranking/ablation.ts
 */
import { COMPOUNDS } from '../../src/search/compounds.js'
import { PROXIMITY } from '../../src/search/proximity.js'
import { blogIndex } from './blog.js'
import { evaluate, formatFigures } from './evaluate.js'

const proximity = { ...PROXIMITY }
const compounds = { ...COMPOUNDS }
const never = Number.POSITIVE_INFINITY
const configurations: Array<[string, () => void]> = [
  ['all mechanisms', () => {}],
  ['without proximity', () => Object.assign(PROXIMITY, { weight: 0 })],
  ['without compounds', () => Object.assign(COMPOUNDS, { joinMinDocuments: never, splitMinDocuments: never })],
  ['without proximity and compounds', () => {
    Object.assign(PROXIMITY, { weight: 0 })
    Object.assign(COMPOUNDS, { joinMinDocuments: never, splitMinDocuments: never })
  }],
]
const blog = await blogIndex()
for (const [name, apply] of configurations) {
  Object.assign(PROXIMITY, proximity)
  Object.assign(COMPOUNDS, compounds)
  apply()
  const figures = await evaluate(new Set(['dev', 'bq', 'dk', 'ki', 'cmp', 'typo']), blog)
  console.log(`== ${name}\n${formatFigures(figures)}`)
}
