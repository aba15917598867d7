/**
 * User synonym groups (the `aliases` index option): every member's stems (Bengali) or lower-cased
 * form (other scripts) lead to the other members'.
 *
 * @module
 * @internal
 */

import { foldedStems } from '../analysis/analyze.js'
import { tokenize } from '../analysis/tokenize.js'

/** Synonym groups keyed by every member's stems (Bengali) or word (other scripts). */
export function buildSynonyms(groups: ReadonlyArray<readonly string[]>): Map<string, string[]> {
  const synonyms = new Map<string, string[]>()
  for (const group of groups) {
    const keys = group.map((word) => synonymKeys(word))
    keys.forEach((own, i) => {
      const others = keys.filter((_, j) => j !== i).flat()
      for (const key of own) synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...others])])
    })
  }
  return synonyms
}

function synonymKeys(word: string): string[] {
  return tokenize(word).flatMap((token) => (token.script === 'bengali' ? foldedStems(token.term) : [token.term]))
}
