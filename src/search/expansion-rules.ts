/**
 * The candidate rules of query expansion as pure functions over plain candidates: how alias,
 * romanised and fuzzy candidates are ranked, cut and weighted. `expand.ts` applies the same rules
 * over the in-memory dictionary; the OpenSearch entry applies them over vocabulary entries fetched
 * from a cluster, so both rank a word's variants alike.
 *
 * @module
 * @internal
 */

import { compareCodeUnits } from './prefix.js'
import { MATCH_WEIGHTS } from './weights.js'
import { SHORT_KEY_MAX_LENGTH } from '../analysis/alias-keys.js'

/** Most stems a romanised word maps onto. */
export const ROMAN_MAX_STEMS = 4
/** A romanised candidate is kept within this key distance of the best one. */
export const ROMAN_DISTANCE_SLACK = 0.5
/** Key distance allowed for romanised words beyond the Bengali alias threshold (English vowels differ more). */
export const ROMAN_EXTRA_THRESHOLD = 0.5
/** Added to the key distance of a second reading of a Latin word (another letter value, or a suffix stripped). */
export const ROMAN_ALTERNATIVE_PENALTY = 0.25

/** A candidate stem: its spelling, its key (or edit) distance from the query word, how many documents hold it. */
export interface RankedStem {
  readonly stem: string
  readonly distance: number
  readonly frequency: number
}

/**
 * Orders candidates by distance, then by frequency (most documents first), then by spelling, and
 * drops those no document holds (the rule of `rankStems` in expand.ts).
 */
export function rankCandidates<T extends RankedStem>(candidates: readonly T[]): T[] {
  return candidates
    .filter((candidate) => candidate.frequency > 0)
    .sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || compareCodeUnits(a.stem, b.stem))
}

/**
 * The first `wanted` of {@link rankCandidates} over candidates whose spelling and frequency are
 * looked up on demand (`describe`): nearest distance first, a whole run of one distance at a
 * time, only until `wanted` candidates any document holds are certain. A short key's bucket can
 * hold hundreds of stems, and a first frequency look-up reads every term of the stem.
 */
export function rankNearest<C extends { readonly distance: number }, T extends RankedStem>(candidates: readonly C[], wanted: number, describe: (candidate: C) => T): T[] {
  const nearestFirst = [...candidates].sort((a, b) => a.distance - b.distance)
  const described: T[] = []
  let held = 0
  for (let i = 0; i < nearestFirst.length && held < wanted; ) {
    // the whole run of one distance, so its candidates keep their frequency order
    const distance = (nearestFirst[i] as C).distance
    for (; i < nearestFirst.length && (nearestFirst[i] as C).distance === distance; i++) {
      const candidate = describe(nearestFirst[i] as C)
      described.push(candidate)
      if (candidate.frequency > 0) held++
    }
  }
  return rankCandidates(described).slice(0, wanted)
}

/** The weight of a key-distance match: `weight` scaled down by half the distance (`addNear` in expand.ts). */
export function nearWeight(weight: number, distance: number): number {
  return weight * (1 - distance / 2)
}

/** The weight of a fuzzy match at `distance` typos. */
export function fuzzyWeight(distance: number): number {
  return MATCH_WEIGHTS.fuzzy / (1 + distance)
}

/**
 * The distance added to a romanised reading: {@link ROMAN_ALTERNATIVE_PENALTY} for a form with a
 * suffix stripped, and again for a second (or later) letter reading.
 */
export function romanPenalty(formIndex: number, readingIndex: number): number {
  return (formIndex > 0 ? ROMAN_ALTERNATIVE_PENALTY : 0) + (readingIndex > 0 ? ROMAN_ALTERNATIVE_PENALTY : 0)
}

/**
 * The romanised candidates kept from a ranked list: at most {@link ROMAN_MAX_STEMS}, within
 * {@link ROMAN_DISTANCE_SLACK} of the best (no slack when the shortest key met is short).
 */
export function keepRoman<T extends RankedStem>(ranked: readonly T[], shortestKey: number): T[] {
  const best = ranked[0]?.distance ?? 0
  const slack = shortestKey <= SHORT_KEY_MAX_LENGTH ? 0 : ROMAN_DISTANCE_SLACK
  return ranked.slice(0, ROMAN_MAX_STEMS).filter(({ distance }) => distance <= best + slack)
}
