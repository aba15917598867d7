/**
 * What a query word costs to work out but does not depend on the query: its expansion (the
 * terms it matches, with weights), and per field the lists to read and its document frequency.
 * Kept per index generation (any add, remove or seal starts afresh), for the most recent words:
 * a word typed again, or shared by many queries, is planned once.
 *
 * @module
 * @internal
 */

import type { ExpandedTerm } from './expand.js'
import type { PlannedSource } from './sources.js'

/** Words kept. */
const MAX_WORDS = 4096

/** One word's lists in one field, and its document frequency there. */
export interface FieldPlan {
  readonly sources: readonly PlannedSource[]
  readonly df: number
}

/** Expansions and field plans of recent words, for one index generation. */
export class WordCache {
  private generation = -1
  private readonly expansions = new Map<string, ExpandedTerm[]>()
  private readonly plans = new Map<string, FieldPlan>()

  /** The expansion stored under `key`, computed by `expand` when absent. */
  expansion(generation: number, key: string, expand: () => ExpandedTerm[]): ExpandedTerm[] {
    this.check(generation)
    return remember(this.expansions, key, expand)
  }

  /** The field plan stored under `key`, computed by `plan` when absent. */
  fieldPlan(generation: number, key: string, plan: () => FieldPlan): FieldPlan {
    this.check(generation)
    return remember(this.plans, key, plan)
  }

  private check(generation: number): void {
    if (generation === this.generation) return
    this.generation = generation
    this.expansions.clear()
    this.plans.clear()
  }
}

/** A map used as a small cache: the oldest entry leaves when it is full. */
function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    if (map.size >= MAX_WORDS) map.delete(map.keys().next().value as string)
    map.set(key, value)
  }
  return value
}
