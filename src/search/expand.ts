/**
 * Query expansion: one query word becomes the weighted set of indexed terms it matches —
 * exact, same stem, user synonyms, spelling variants (alias keys), romanised mapping, prefix
 * completions and typo corrections — each tagged with its {@link MatchKind}.
 *
 * @module
 * @internal
 */

import { aliasThreshold, bengaliKeys, keyDistance, SHORT_KEY_MAX_LENGTH } from '../analysis/alias-keys.js'
import { foldedStems } from '../analysis/analyze.js'
import { latinKeys, romanSuffixStrips } from '../analysis/romanize.js'
import type { TokenScript } from '../analysis/tokenize.js'
import type { InvertedIndex } from '../index/inverted-index.js'
import type { MatchKind } from '../types.js'
import type { FuzzyMatch, FuzzyMatcher } from './fuzzy.js'
import { compareCodeUnits, type PrefixLookup } from './prefix.js'
import { fuzzyWeight, keepRoman, nearWeight, rankNearest, ROMAN_EXTRA_THRESHOLD, ROMAN_MAX_STEMS, romanPenalty, type RankedStem } from './expansion-rules.js'
import { MATCH_WEIGHTS } from './weights.js'
import type { WordCache } from './word-cache.js'

export { ROMAN_ALTERNATIVE_PENALTY, ROMAN_DISTANCE_SLACK, ROMAN_EXTRA_THRESHOLD, ROMAN_MAX_STEMS } from './expansion-rules.js'
/** Longer query words (no real word is this long) are matched exactly only. */
export const MAX_EXPANDED_WORD_LENGTH = 64
/** Most spelling-variant stems one query stem expands to. */
export const ALIAS_MAX_STEMS = 6
/**
 * For a word no document holds, its spelling variants count this share of their usual weight
 * when it has typo corrections: the corrections are the likelier reading (misspelling dev set:
 * recall@10 0.533 → 0.584, the other sets unchanged; docs/ranking.md).
 */
export const ALIAS_SHARE_BESIDE_CORRECTIONS = 0.5

/** One indexed term a query word matches. */
export interface ExpandedTerm {
  readonly termId: number
  readonly weight: number
  readonly kind: MatchKind
  /** The stem through which every term of the stem was added at this weight, or -1 for a term added on its own. */
  readonly via: number
}

/** What expansion needs from the index besides the postings. */
export interface ExpansionContext {
  readonly index: InvertedIndex
  readonly prefixes: PrefixLookup
  readonly fuzzy: FuzzyMatcher
  /** User synonym groups: a stem or Latin word → the other members' stems or words. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>
  /** Expansions and list plans of recent words (per index generation). */
  readonly cache?: WordCache
}

/** Options of one expansion. */
export interface ExpansionOptions {
  readonly prefix: boolean
  readonly fuzzy: boolean
}

/** A candidate stem with its key distance from the query word. */
interface NearStem {
  readonly stemId: number
  readonly distance: number
}

/** Collects expansions, keeping the best weight per term; terms no live document holds are left out. */
class ExpansionSet {
  private readonly byTerm = new Map<number, ExpandedTerm>()

  constructor(private readonly index: InvertedIndex) {}

  add(termId: number, weight: number, kind: MatchKind, via = -1): void {
    const known = this.byTerm.get(termId)
    if (known !== undefined && known.weight >= weight) return
    if (known === undefined && !this.index.hasLiveDocuments(termId)) return
    this.byTerm.set(termId, { termId, weight, kind, via })
  }

  /**
   * Like {@link add}, but a term already found keeps its kind (a stem or variant that is also a
   * typo correction is reported as such); a raised term then counts on its own, not with its stem.
   */
  addOrRaise(termId: number, weight: number, kind: MatchKind): void {
    const known = this.byTerm.get(termId)
    if (known === undefined) this.add(termId, weight, kind)
    else if (known.weight < weight) this.byTerm.set(termId, { ...known, weight, via: -1 })
  }

  /** Adds every term of a stem (none for -1, a stem not in the dictionary). */
  addStem(stemId: number, weight: number, kind: MatchKind): void {
    if (stemId >= 0) this.index.vocabulary.forEachTermOfStem(stemId, (termId) => this.add(termId, weight, kind, stemId))
  }

  /** Adds the terms of each stem, at `weight` scaled down by the stem's key distance. */
  addNear(stems: readonly NearStem[], weight: number, kind: MatchKind): void {
    for (const { stemId, distance } of stems) this.addStem(stemId, nearWeight(weight, distance), kind)
  }

  get size(): number {
    return this.byTerm.size
  }

  /** Best first; ties in term order, so results do not depend on term ids. */
  toArray(): ExpandedTerm[] {
    const { terms } = this.index.vocabulary
    return [...this.byTerm.values()].sort((a, b) => b.weight - a.weight || compareCodeUnits(terms.get(a.termId), terms.get(b.termId)))
  }
}

/** Expands one analysed query word into the terms it matches. */
export function expandWord(term: string, script: TokenScript, context: ExpansionContext, options: ExpansionOptions): ExpandedTerm[] {
  const { vocabulary } = context.index
  const found = new ExpansionSet(context.index)
  const exactId = vocabulary.termId(term)
  if (exactId >= 0) found.add(exactId, MATCH_WEIGHTS.exact, 'exact')
  if (term.length > MAX_EXPANDED_WORD_LENGTH) return found.toArray()
  // typo tolerance hook: a word no document holds gets its typo corrections (fuzzy.ts), and its
  // other spelling variants then count less
  // a word being typed (prefix) that has completions is no typo
  const completions = options.prefix ? context.prefixes.complete(term) : []
  const known = (exactId >= 0 && context.index.hasLiveDocuments(exactId)) || completions.length > 0
  const corrections = options.fuzzy && !known ? findCorrections(context, term) : []
  const stems = script === 'bengali' ? foldedStems(term) : [term]
  for (const stem of stems) found.addStem(vocabulary.stemId(stem), MATCH_WEIGHTS.stem, 'stem')
  for (const stem of stems) {
    for (const other of context.synonyms.get(stem) ?? []) found.addStem(vocabulary.stemId(other), MATCH_WEIGHTS.synonym, 'synonym')
  }
  if (script === 'bengali') addAliases(context, stems, found, corrections.length > 0 ? ALIAS_SHARE_BESIDE_CORRECTIONS : 1)
  else if (script === 'other' && /^[a-z][a-z0-9']*$/.test(term)) addRoman(context, term, found)
  for (const termId of completions) found.add(termId, MATCH_WEIGHTS.prefix, 'prefix')
  addCorrections(context, corrections, found)
  return found.toArray()
}

/**
 * A Bengali word's own forms only: the word and the other inflections of its stems, as
 * {@link expandWord} gives them (same weights and order), without its variants. What a split
 * compound's parts match (`প্রতিরক্ষামন্ত্রী` → `প্রতিরক্ষা`, `মন্ত্রী`, `মন্ত্রীর` …).
 */
export function inflectedTerms(term: string, context: ExpansionContext): ExpandedTerm[] {
  const { vocabulary } = context.index
  const found = new ExpansionSet(context.index)
  const exactId = vocabulary.termId(term)
  if (exactId >= 0) found.add(exactId, MATCH_WEIGHTS.exact, 'exact')
  if (term.length > MAX_EXPANDED_WORD_LENGTH) return found.toArray()
  for (const stem of foldedStems(term)) found.addStem(vocabulary.stemId(stem), MATCH_WEIGHTS.stem, 'stem')
  return found.toArray()
}

/** The typo corrections of a word: the nearest indexed terms within its typo budget, most frequent first. */
function findCorrections(context: ExpansionContext, term: string): FuzzyMatch[] {
  const { index } = context
  return context.fuzzy.match(
    term,
    (termId) => index.hasLiveDocuments(termId),
    (termId) => index.documentFrequency(termId),
  )
}

/**
 * Adds the corrections, weighted {@link fuzzyWeight}, and the other inflections of the best one
 * (its stem's terms) at the stem share of that: `ওয়াশিংটম` finds `ওয়াশিংটন` and `ওয়াশিংটনের`,
 * as `ওয়াশিংটন` itself would.
 */
function addCorrections(context: ExpansionContext, corrections: readonly FuzzyMatch[], found: ExpansionSet): void {
  const { vocabulary } = context.index
  corrections.forEach(({ termId, distance }, rank) => {
    const weight = fuzzyWeight(distance)
    found.addOrRaise(termId, weight, 'fuzzy')
    if (rank > 0) return
    const [stem] = foldedStems(vocabulary.terms.get(termId))
    const stemId = stem === undefined ? -1 : vocabulary.stemId(stem)
    if (stemId >= 0) vocabulary.forEachTermOfStem(stemId, (sibling) => found.addOrRaise(sibling, weight * MATCH_WEIGHTS.stem, 'fuzzy'))
  })
}

/**
 * Spelling variants: stems in the same K0 bucket within the K1 distance threshold, nearest and
 * most frequent first, at most {@link ALIAS_MAX_STEMS} per query stem.
 */
function addAliases(context: ExpansionContext, stems: readonly string[], found: ExpansionSet, share: number): void {
  const { vocabulary } = context.index
  for (const stem of stems) {
    const { k0, k1 } = bengaliKeys(stem)
    if (k0.length === 0 || (k0.length <= SHORT_KEY_MAX_LENGTH && found.size > 0)) continue
    const candidates: NearStem[] = []
    forEachNearStem(context, k0, k1, aliasThreshold(k0.length), (stemId, distance) => {
      if (vocabulary.stems.get(stemId) !== stem) candidates.push({ stemId, distance })
    })
    found.addNear(rankStems(context, candidates, ALIAS_MAX_STEMS), MATCH_WEIGHTS.alias * share, 'alias')
  }
}

/** Latin words: the best few Bengali stems whose keys meet the word's keys. */
function addRoman(context: ExpansionContext, word: string, found: ExpansionSet): void {
  const candidates = new Map<number, number>()
  let shortestKey = Number.POSITIVE_INFINITY
  const forms = [...new Set([word, ...romanSuffixStrips(word)])]
  forms.forEach((form, formIndex) => {
    latinKeys(form).forEach(({ k0, k1 }, readingIndex) => {
      const penalty = romanPenalty(formIndex, readingIndex)
      if (context.index.vocabulary.keyId(k0) >= 0) shortestKey = Math.min(shortestKey, k0.length)
      forEachNearStem(context, k0, k1, aliasThreshold(k0.length) + ROMAN_EXTRA_THRESHOLD, (stemId, distance) => {
        const known = candidates.get(stemId)
        if (known === undefined || distance + penalty < known) candidates.set(stemId, distance + penalty)
      })
    })
  })
  const ranked = rankStems(context, [...candidates].map(([stemId, distance]) => ({ stemId, distance })), ROMAN_MAX_STEMS)
  found.addNear(keepRoman(ranked, shortestKey), MATCH_WEIGHTS.roman, 'roman')
}

/** Calls `visit` for every stem with alias key `k0` whose K1 key is within `threshold` of `k1`. */
function forEachNearStem(context: ExpansionContext, k0: string, k1: string, threshold: number, visit: (stemId: number, distance: number) => void): void {
  const { vocabulary } = context.index
  const keyId = vocabulary.keyId(k0)
  if (keyId < 0) return
  vocabulary.forEachStemOfKey(keyId, (stemId) => {
    const distance = keyDistance(k1, vocabulary.stemDetailKey(stemId), threshold)
    if (distance <= threshold) visit(stemId, distance)
  })
}

/** The best `wanted` candidate stems (see {@link rankNearest}): nearest, then held by most documents, then by spelling. */
function rankStems(context: ExpansionContext, candidates: readonly NearStem[], wanted: number): (NearStem & RankedStem)[] {
  const { stems } = context.index.vocabulary
  return rankNearest(candidates, wanted, (candidate) => ({ ...candidate, stem: stems.get(candidate.stemId), frequency: stemFrequency(context, candidate.stemId) }))
}

/** Documents holding any term of a stem (summed over its terms; for ranking candidates). */
function stemFrequency(context: ExpansionContext, stemId: number): number {
  return context.index.stemFrequency(stemId)
}
