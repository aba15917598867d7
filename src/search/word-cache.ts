/**
 * What a query word costs to work out but does not depend on the query: its expansion (the
 * terms it matches, with weights), per field the lists to read and its document frequency, and
 * its compound readings (the closed form of it and the next word, its split into two words).
 * Kept per index generation (any add, remove or seal starts afresh), for the most recent words:
 * a word typed again, or shared by many queries, is planned once.
 *
 * @module
 * @internal
 */

import type { ExpandedTerm } from './expand.js'
import type { PhraseMatches } from './phrase.js'
import type { PlannedSource } from './sources.js'

/** Words kept. */
const MAX_WORDS = 4096
/** Compound look-ups kept: a query of n words makes n splits and n - 1 joins, so twice the words. */
const MAX_LOOKUPS = 2 * MAX_WORDS
/** Phrase matches kept (each holds a list and a map of its documents: fewer). */
const MAX_PHRASES = 256

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
  /** Compound look-ups (compound-plan.ts), {@link NONE} when there is no reading. */
  private readonly compounds = new Map<string, unknown>()
  private readonly phrases = new Map<string, PhraseMatches>()

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

  /**
   * The compound reading stored under `key` (a join of two words, or the split of one), found by
   * `find` when absent; undefined when there is none (remembered too).
   */
  compound<T>(generation: number, key: string, find: () => T | undefined): T | undefined {
    this.check(generation)
    const found = remember(this.compounds, key, () => find() ?? NONE, MAX_LOOKUPS)
    return found === NONE ? undefined : (found as T)
  }

  /**
   * The phrase matches stored under `key` (a phrase that depends on one query word only: the
   * split of a closed word), found by `match` when absent.
   */
  phraseMatches(generation: number, key: string, match: () => PhraseMatches): PhraseMatches {
    this.check(generation)
    return remember(this.phrases, key, match, MAX_PHRASES)
  }

  private check(generation: number): void {
    if (generation === this.generation) return
    this.generation = generation
    this.expansions.clear()
    this.plans.clear()
    this.compounds.clear()
    this.phrases.clear()
  }
}

/** Stands for "no reading" among the compound look-ups. */
const NONE = Symbol('none')

/** A map used as a small cache: the oldest entry leaves when it is full. */
function remember<T>(map: Map<string, T>, key: string, make: () => T, capacity = MAX_WORDS): T {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    if (map.size >= capacity) map.delete(map.keys().next().value as string)
    map.set(key, value)
  }
  return value
}
