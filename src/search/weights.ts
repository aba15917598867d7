/**
 * How much each kind of match counts, as a multiplier of the term frequency. An exact match
 * outranks a stem match, which outranks alias, romanised and prefix matches. Typo corrections
 * only exist for words no document holds, so they never compete with an exact match; a close
 * correction may outrank the stems and variants of such a word.
 *
 * @module
 */

import type { MatchKind } from '../types.js'

/** Term-frequency weight of each match kind. */
export const MATCH_WEIGHTS: Readonly<Record<MatchKind, number>> = {
  /** The word as typed (after canonical normalisation). */
  exact: 1,
  /** Another inflected form of the same stem. */
  stem: 0.75,
  /** A word the user declared equivalent through `aliases`. */
  synonym: 0.75,
  /** A spelling or transliteration variant; scaled further by key distance. */
  alias: 0.5,
  /** A Latin query word mapped onto a Bengali word; scaled further by key distance. */
  roman: 0.6,
  /** A longer word that starts with the query word. */
  prefix: 0.45,
  /**
   * A typo correction of a word no document holds; divided by 1 + its weighted distance, so a
   * slip of a quarter edit (ি/ী, ন/ণ) counts 0.8, half an edit 0.67, a full edit 0.5.
   */
  fuzzy: 1,
  /**
   * The closed compound of two neighbouring query words (`স্বর্ণ মন্দিরের` → `স্বর্ণমন্দিরের`), and
   * the parts of a closed word written apart; the compound's other inflections at the stem share
   * of this.
   */
  compound: 1,
}

/** Order of the kinds from best to weakest, for reporting the best match of a hit. */
export const MATCH_KIND_ORDER: readonly MatchKind[] = ['exact', 'stem', 'synonym', 'compound', 'roman', 'alias', 'prefix', 'fuzzy']

/** Query words that are stopwords count this much of a normal word. */
export const STOPWORD_CLAUSE_WEIGHT = 0.25

/**
 * Coordination: a document's score is multiplied by `(matched / total) ** COORDINATION_EXPONENT`,
 * where matched and total are the clause weights, so documents with more query words rank first.
 * Measured on the blog known-item titles (MRR@10): exponent 0 → 0.557, 0.5 → 0.552, 1 → 0.540,
 * 2 → 0.516; the development set is 0.99 for all. 0.5 keeps a clear preference for documents with
 * more of the words while costing little on long queries.
 */
export const COORDINATION_EXPONENT = 0.5


/**
 * Weights are counted in units of 1 / WEIGHT_SCALE, so a weighted term frequency is an integer
 * sum: the same whatever lists it is read from (one list per stem, or one per word), in any
 * order, with no rounding.
 */
export const WEIGHT_SCALE = 65_536

/** A weight in units of 1 / {@link WEIGHT_SCALE} (at least 1 for any positive weight). */
export function weightUnits(weight: number): number {
  return weight > 0 ? Math.max(1, Math.round(weight * WEIGHT_SCALE)) : 0
}

/**
 * An alternative reading of query words (their closed compound, or a closed word's parts written
 * apart) scores with its own idf, but at most this many times the idf of the rarest word it
 * covers: a closed form is rarer than its parts, and uncapped it outranks documents holding the
 * words as they were typed (docs/ranking.md has the sweep).
 */
export const ALTERNATIVE_IDF_MARGIN = 1

/** An alternative reading weighs this share of the summed weights of the words it covers (0.5: as one word of two). */
export const ALTERNATIVE_WEIGHT_SHARE = 0.5
