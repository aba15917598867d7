/**
 * Search against a brute-force oracle. The oracle scans each document's words as the analysis
 * chain gives them (`tokenize` terms, `analyze` stems and alias keys) and checks every hit:
 * it is live, it appears once, and every match it claims is real — the claimed term stands in the
 * claimed field, and it relates to the query word the way the claimed kind says. In the other
 * direction, every live document holding the query word (or, for a content word, a word with a
 * common stem) must be found.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze, SearchIndex, tokenize, type DocumentId, type MatchInfo, type SearchHit } from '../../src/index.js'
import { typoBudget } from '../../src/search/fuzzy.js'
import { typoDistance, typoUnits } from '../../src/search/typo-distance.js'
import { bengaliWord, HOSTILE_IDS, ORACLE_WORDS, oracleDocuments } from '../helpers/fuzz-arbitraries.js'

const FIELDS = ['title', 'text'] as const
type Field = (typeof FIELDS)[number]
type OracleDocument = { readonly id: DocumentId } & Record<Field, string>

const SEED = process.env['FUZZ_SEED'] === undefined ? 20_241_124 : Number(process.env['FUZZ_SEED'])
const RUNS = 500
const segmenter = new Intl.Segmenter('bn', { granularity: 'grapheme' })

/** What the oracle knows about one word: its canonical term, stems, alias keys and script. */
interface Word {
  readonly term: string
  readonly stems: readonly string[]
  readonly keys: readonly string[]
  readonly script: string
  readonly stopword: boolean
}

const wordCache = new Map<string, Word>()
/** How often each match kind was checked (the oracle must not pass by seeing nothing). */
const kindsSeen = new Map<string, number>()

/** Analyses one canonical term, as the index does when it first sees it. */
function wordOf(term: string): Word {
  let word = wordCache.get(term)
  if (word === undefined) {
    const [token] = analyze(term)
    word = { term, stems: token?.stems ?? [term], keys: token?.aliasKeys ?? [], script: token?.script ?? 'other', stopword: token?.stopword ?? false }
    wordCache.set(term, word)
  }
  return word
}

/** The words of one field, by brute force. */
function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).map((token) => token.term))
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x))
}

/** Is `term` within the typo budget of the query word (the budget counted in grapheme clusters)? */
function withinTypoBudget(term: string, query: Word): boolean {
  const budget = typoBudget([...segmenter.segment(query.term)].length, /[\u0980-\u09FF]/u.test(query.term))
  return typoDistance(typoUnits(term), typoUnits(query.term), budget) <= budget
}

/** The first `count` grapheme clusters of a word (a prefix as a user types it). */
function firstClusters(word: string, count: number): string {
  return [...segmenter.segment(word)].slice(0, count).map((s) => s.segment).join('')
}

/**
 * Does the claimed kind really relate the document's term to the query word? `vocabulary` holds
 * the words of the live documents.
 */
function kindHolds(match: MatchInfo, query: Word, prefix: boolean, vocabulary: ReadonlySet<string>): boolean {
  const term = wordOf(match.term)
  switch (match.kind) {
    case 'exact':
      return term.term === query.term
    case 'stem':
      return intersects(term.stems, query.stems)
    case 'alias':
      return query.script === 'bengali' && intersects(term.keys, query.keys)
    case 'roman':
      return query.script === 'other' && term.script === 'bengali'
    case 'prefix':
      return prefix && term.term.startsWith(query.term)
    case 'fuzzy':
      // only for a word no live document holds: a correction, or an inflection of one
      return !vocabulary.has(query.term) && [...vocabulary].some((word) => withinTypoBudget(word, query) && (word === term.term || intersects(wordOf(word).stems, term.stems)))
    case 'synonym':
      return false // no synonym groups are configured here
    case 'compound':
      return false // a single query word has no neighbour to join
  }
}

/** Checks every hit against the documents; returns the hit ids. */
function checkHits(hits: readonly SearchHit[], live: ReadonlyMap<DocumentId, OracleDocument>, removed: ReadonlySet<DocumentId>, query: Word, prefix: boolean): Set<DocumentId> {
  const ids = new Set<DocumentId>()
  const vocabulary = new Set([...live.values()].flatMap((doc) => FIELDS.flatMap((field) => [...termsOf(doc[field])])))
  for (const hit of hits) {
    expect(ids.has(hit.id), `id ${String(hit.id)} twice`).toBe(false)
    ids.add(hit.id)
    expect(removed.has(hit.id) && !live.has(hit.id), `removed id ${String(hit.id)} returned`).toBe(false)
    const doc = live.get(hit.id)
    expect(doc, `unknown id ${String(hit.id)}`).toBeDefined()
    expect(hit.match.length, `hit ${String(hit.id)} claims no match`).toBeGreaterThan(0)
    for (const match of hit.match) {
      kindsSeen.set(match.kind, (kindsSeen.get(match.kind) ?? 0) + 1)
      expect(FIELDS).toContain(match.field)
      const inField = termsOf((doc as OracleDocument)[match.field as Field]).has(match.term)
      expect(inField, `${match.kind} term ${match.term} is not in field ${match.field} of ${String(hit.id)}`).toBe(true)
      expect(kindHolds(match, query, prefix, vocabulary), `${match.kind} match ${match.term} for ${query.term}`).toBe(true)
    }
  }
  return ids
}

/** Every live document holding the query word (or, for a content word, a word of the same stem) is found. */
function checkComplete(found: ReadonlySet<DocumentId>, live: ReadonlyMap<DocumentId, OracleDocument>, query: Word): void {
  for (const doc of live.values()) {
    const words = FIELDS.flatMap((field) => [...termsOf(doc[field])])
    const exact = words.includes(query.term)
    const stem = !query.stopword && words.some((term) => intersects(wordOf(term).stems, query.stems))
    if (exact || stem) expect(found.has(doc.id), `${String(doc.id)} holds ${query.term} (${exact ? 'exact' : 'stem'}) but was not found`).toBe(true)
  }
}

const queryWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ORACLE_WORDS) },
  { weight: 2, arbitrary: bengaliWord },
  { weight: 1, arbitrary: fc.constantFrom('putin', 'vladivostok', 'moscow', 'dhaka', 'kim') },
)

/** Builds the index, removes and replaces some documents, and returns what is live. */
function buildIndex(docs: readonly OracleDocument[], removals: readonly number[], replacement: string) {
  const index = new SearchIndex({ fields: [...FIELDS], storeFields: ['title'] })
  index.addAll(docs)
  const live = new Map(docs.map((doc) => [doc.id, doc]))
  const removed = new Set<DocumentId>()
  for (const pick of removals) {
    const doc = docs[pick % docs.length] as OracleDocument
    if (!live.has(doc.id)) continue
    index.remove(doc.id)
    live.delete(doc.id)
    removed.add(doc.id)
  }
  const [first] = live.values()
  if (first !== undefined) {
    const updated = { ...first, text: replacement }
    index.replace(updated)
    live.set(first.id, updated)
  }
  return { index, live, removed }
}

describe('oracle: every hit is real, every holder is found', () => {
  it(`single-word queries over random documents with removals and a replace (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(oracleDocuments, fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(...ORACLE_WORDS), queryWord, fc.boolean(), (docs, removals, replacement, word, prefix) => {
        const raw = prefix ? firstClusters(word, 2) : word
        const analysed = analyze(raw)
        fc.pre(analysed.length === 1)
        const query = wordOf((analysed[0] as { term: string }).term)
        const { index, live, removed } = buildIndex(docs, removals, replacement)
        const hits = index.search(prefix ? `${raw}*` : raw, { limit: 10_000 })
        const found = checkHits(hits, live, removed, query, prefix)
        checkComplete(found, live, query)
      }),
      { numRuns: RUNS, seed: SEED },
    )
    console.log(`oracle: match kinds checked ${JSON.stringify(Object.fromEntries(kindsSeen))}`)
    for (const kind of ['exact', 'stem', 'alias', 'roman', 'prefix']) expect(kindsSeen.get(kind) ?? 0, kind).toBeGreaterThan(0)
  })

  it(`'and' queries: every hit matches both words; exclusions: no hit holds the excluded word (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(oracleDocuments, fc.constantFrom(...ORACLE_WORDS), fc.constantFrom(...ORACLE_WORDS), (docs, a, b) => {
        const [first, second] = [analyze(a), analyze(b)]
        fc.pre(first.length === 1 && second.length === 1 && first[0]?.term !== second[0]?.term)
        const index = new SearchIndex({ fields: [...FIELDS] })
        index.addAll(docs)
        const both = index.search(`${a} ${b}`, { combineWith: 'and', limit: 10_000 })
        const labels = [first[0]?.term, second[0]?.term]
        for (const hit of both) expect(new Set(hit.match.map((m) => m.query))).toEqual(new Set(labels))
        const excluded = wordOf(second[0]?.term as string)
        for (const hit of index.search(`${a} -${b}`, { limit: 10_000 })) {
          const doc = docs.find((d) => d.id === hit.id) as OracleDocument
          const words = FIELDS.flatMap((field) => [...termsOf(doc[field])])
          expect(words.includes(excluded.term), `${String(hit.id)} holds excluded ${excluded.term}`).toBe(false)
        }
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('hostile ids are ordinary ids: found, removed, never duplicated', () => {
    const index = new SearchIndex({ fields: [...FIELDS] })
    index.addAll(HOSTILE_IDS.map((id) => ({ id, title: 'ঢাকা', text: id })))
    index.add({ id: 0, title: 'ঢাকা', text: 'শূন্য' })
    expect(index.search('ঢাকা', { limit: 100 }).map((hit) => hit.id)).toEqual([...HOSTILE_IDS, 0])
    index.remove('__proto__')
    index.remove('0')
    expect(index.search('ঢাকা', { limit: 100 }).map((hit) => hit.id)).toEqual([...HOSTILE_IDS.filter((id) => id !== '__proto__' && id !== '0'), 0])
  })
})
