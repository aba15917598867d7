/**
 * Expansion over the cluster's vocabulary: one query word becomes the weighted index tokens it
 * matches — the word as written, its stems, user synonyms, spelling variants (alias keys),
 * romanised mappings, a prefix and typo corrections — with the same rules, limits and weights as
 * the in-memory expansion (`src/search/expand.ts`), applied to the vocabulary entries a lookup
 * returned instead of the in-memory dictionary.
 *
 * @module
 * @internal
 */

import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { aliasThreshold, bengaliKeys, keyDistance, SHORT_KEY_MAX_LENGTH } from '../analysis/alias-keys.js'
import { latinKeys, romanSuffixStrips } from '../analysis/romanize.js'
import { ALIAS_MAX_STEMS, MAX_EXPANDED_WORD_LENGTH, ROMAN_EXTRA_THRESHOLD } from '../search/expand.js'
import { fuzzyWeight, keepRoman, nearWeight, rankCandidates, romanPenalty, type RankedStem } from '../search/expansion-rules.js'
import { CLUSTER_FUZZY_MAX_RESULTS as FUZZY_MAX_RESULTS, clusterDistance, clusterTypoBudget as typoBudget } from '../search/cluster-typos.js'
import { compareCodeUnits } from '../search/prefix.js'
import { MATCH_WEIGHTS } from '../search/weights.js'
import type { MatchKind } from '../types.js'
import { exactToken, stemToken } from './stacked.js'
import type { VocabularyEntry } from './vocabulary.js'
import type { QueryWord } from './words.js'

/** A Latin word that is mapped onto Bengali (as in memory). */
export const ROMANISABLE = /^[a-z][a-z0-9']*$/

/** One index token a query word matches. */
export interface Expansion {
  /** The token (`পুতিনের`, `~পুতিন`, `putin`), or the start of tokens for a prefix. */
  readonly token: string
  readonly weight: number
  readonly kind: MatchKind
}

/** The vocabulary a lookup returned, indexed for expansion. */
export class VocabularyView {
  private readonly byStem = new Map<string, VocabularyEntry>()
  private readonly byKey = new Map<string, VocabularyEntry[]>()

  constructor(entries: Iterable<VocabularyEntry>) {
    for (const entry of entries) {
      if (this.byStem.has(entry.stem)) continue
      this.byStem.set(entry.stem, entry)
      if (entry.k0 === '') continue
      const list = this.byKey.get(entry.k0)
      if (list === undefined) this.byKey.set(entry.k0, [entry])
      else list.push(entry)
    }
  }

  /** Does some document hold the stem? */
  live(stem: string): boolean {
    return (this.byStem.get(stem)?.df ?? 0) > 0
  }

  /** Is the alias key in the vocabulary (as far as the lookup saw)? */
  hasKey(k0: string): boolean {
    return this.byKey.has(k0)
  }

  /** Entries with K0 `k0` whose K1 key is within `threshold` of `k1`, with their distance. */
  near(k0: string, k1: string, threshold: number): (RankedStem & { entry: VocabularyEntry })[] {
    const found: (RankedStem & { entry: VocabularyEntry })[] = []
    for (const entry of this.byKey.get(k0) ?? []) {
      const distance = keyDistance(k1, entry.k1, threshold)
      if (distance <= threshold) found.push({ stem: entry.stem, distance, frequency: entry.df, entry })
    }
    return found
  }

  /** Every entry (for typo corrections). */
  entries(): IterableIterator<VocabularyEntry> {
    return this.byStem.values()
  }
}

/** Collects expansions, keeping the best weight per token. */
class ExpansionList {
  private readonly byToken = new Map<string, Expansion>()
  /** Expansions known to match some document (what the in-memory `found.size` counts). */
  liveCount = 0

  add(token: string, weight: number, kind: MatchKind, live: boolean): void {
    // a prefix is another query than the term query on the same token
    const key = kind === 'prefix' ? `\u0000${token}` : token
    const known = this.byToken.get(key)
    if (known !== undefined && known.weight >= weight) return
    if (known === undefined && live) this.liveCount++
    this.byToken.set(key, { token, weight, kind })
  }

  /** Best first; ties in token order. */
  toArray(): Expansion[] {
    return [...this.byToken.values()].sort((a, b) => b.weight - a.weight || compareCodeUnits(a.token, b.token))
  }
}

/** What expansion needs besides the word. */
export interface ExpansionSetup {
  /** The vocabulary a lookup returned; undefined when the lookup was skipped (no alias, romanised or typo matches then). */
  readonly vocabulary: VocabularyView | undefined
  readonly synonyms: ReadonlyMap<string, readonly string[]>
}

/** The tokens one query word matches, best first; prefix expansions are marked by kind `prefix`. */
export function expandQueryWord(word: QueryWord, setup: ExpansionSetup): Expansion[] {
  const all = collect(word, setup, true).toArray()
  return word.kinds === undefined ? all : all.filter((expansion) => word.kinds?.has(expansion.kind))
}

/** Does the word match something besides typo corrections (if not, it needs the typo lookup)? */
export function matchesWithoutTypos(word: QueryWord, setup: ExpansionSetup): boolean {
  return collect(word, setup, false).liveCount > 0
}

function collect(word: QueryWord, setup: ExpansionSetup, typos: boolean): ExpansionList {
  const { vocabulary } = setup
  const live = (stem: string): boolean => vocabulary === undefined || vocabulary.live(stem)
  const found = new ExpansionList()
  found.add(exactToken(word.term), MATCH_WEIGHTS.exact, 'exact', word.stems.some(live))
  if (word.term.length > MAX_EXPANDED_WORD_LENGTH) return found
  if (word.script === 'bengali') for (const stem of word.stems) if (live(stem)) found.add(stemToken(stem), MATCH_WEIGHTS.stem, 'stem', true)
  for (const stem of word.stems) {
    for (const other of setup.synonyms.get(stem) ?? []) if (live(other)) found.add(stemToken(other), MATCH_WEIGHTS.synonym, 'synonym', true)
  }
  if (vocabulary !== undefined && word.script === 'bengali') addAliases(word.stems, vocabulary, found)
  else if (vocabulary !== undefined && word.script === 'other' && ROMANISABLE.test(word.term)) addRoman(word.term, vocabulary, found)
  if (word.prefix) found.add(exactToken(word.term), MATCH_WEIGHTS.prefix, 'prefix', true)
  else if (typos && word.fuzzy && vocabulary !== undefined && found.liveCount === 0) addFuzzy(word.stems[0] ?? word.term, vocabulary, found)
  return found
}

/** Spelling variants: at most {@link ALIAS_MAX_STEMS} stems per query stem, nearest and most frequent first. */
function addAliases(stems: readonly string[], vocabulary: VocabularyView, found: ExpansionList): void {
  for (const stem of stems) {
    const { k0, k1 } = bengaliKeys(stem)
    if (k0.length === 0 || (k0.length <= SHORT_KEY_MAX_LENGTH && found.liveCount > 0)) continue
    const candidates = vocabulary.near(k0, k1, aliasThreshold(k0.length)).filter((candidate) => candidate.stem !== stem)
    for (const { stem: other, distance } of rankCandidates(candidates).slice(0, ALIAS_MAX_STEMS)) {
      found.add(stemToken(other), nearWeight(MATCH_WEIGHTS.alias, distance), 'alias', true)
    }
  }
}

/** Latin words: the best few Bengali stems whose keys meet the word's keys. */
function addRoman(word: string, vocabulary: VocabularyView, found: ExpansionList): void {
  const candidates = new Map<string, RankedStem>()
  let shortestKey = Number.POSITIVE_INFINITY
  const forms = [...new Set([word, ...romanSuffixStrips(word)])]
  forms.forEach((form, formIndex) => {
    latinKeys(form).forEach(({ k0, k1 }, readingIndex) => {
      const penalty = romanPenalty(formIndex, readingIndex)
      if (vocabulary.hasKey(k0)) shortestKey = Math.min(shortestKey, k0.length)
      for (const { stem, distance, frequency } of vocabulary.near(k0, k1, aliasThreshold(k0.length) + ROMAN_EXTRA_THRESHOLD)) {
        const known = candidates.get(stem)
        if (known === undefined || distance + penalty < known.distance) candidates.set(stem, { stem, distance: distance + penalty, frequency })
      }
    })
  })
  for (const { stem, distance } of keepRoman(rankCandidates([...candidates.values()]), shortestKey)) {
    found.add(stemToken(stem), nearWeight(MATCH_WEIGHTS.roman, distance), 'roman', true)
  }
}

/** Typo corrections within the word's budget in grapheme clusters, nearest first. */
function addFuzzy(base: string, vocabulary: VocabularyView, found: ExpansionList): void {
  const clusters = collectGraphemes(base)
  const budget = typoBudget(clusters.length)
  if (budget === 0) return
  const matches: { stem: string; distance: number }[] = []
  for (const entry of vocabulary.entries()) {
    if (entry.df <= 0 || entry.stem === base) continue
    const distance = clusterDistance(clusters, collectGraphemes(entry.stem), budget)
    if (distance <= budget) matches.push({ stem: entry.stem, distance })
  }
  matches.sort((a, b) => a.distance - b.distance || compareCodeUnits(a.stem, b.stem))
  for (const { stem, distance } of matches.slice(0, FUZZY_MAX_RESULTS)) found.add(stemToken(stem), fuzzyWeight(distance), 'fuzzy', true)
}
