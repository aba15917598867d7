/** Every result section, in print order (terminal and docs/benchmarks.md). */
import { liftSection } from './lift.js'
import type { BenchResults } from './results.js'
import { growthSection, paragraphRatioSection, ratioSection, savedFormsSection, scaleSection, storedSection } from './scale-tables.js'
import { type Section, categorySection, enginesSection, qualitySection, sizeSection } from './tables.js'

export function sections(results: BenchResults): Section[] {
  return [
    enginesSection(results),
    qualitySection(results),
    categorySection(results),
    liftSection(results),
    scaleSection(results),
    growthSection(results),
    ratioSection(results),
    scaleSection(results, 'paragraphs'),
    growthSection(results, 'paragraphs'),
    paragraphRatioSection(results),
    savedFormsSection(results),
    storedSection(results),
    sizeSection(results),
  ].filter((s): s is Section => s !== undefined)
}
