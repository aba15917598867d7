/**
 * Fuzzing: over 100,000 random inputs through normalize, tokenize, analyze, parseQuery and
 * search. Nothing may throw (a BanglaSearchError would be tolerated, anything else is a crash),
 * and the invariants that are cheap to check must hold. Then time: 1 MB adversarial strings
 * stay under a second and grow linearly; cases that did not were fixed and are kept as named tests.
 *
 * Runs are seeded (FUZZ_SEED, default below) so a failure reproduces; set FUZZ_SEED to explore.
 */

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { analyze, BanglaSearchError, normalize, parseQuery, SearchIndex, showQuery, tokenize, type SearchHit, type SearchOptions } from '../../src/index.js'
import { anyInput, fuzzQuery, fuzzText, HOSTILE_IDS, ORACLE_WORDS } from '../helpers/fuzz-arbitraries.js'
import { Figures, growth, LINEAR_RATIO_LIMIT, ONE_MB_BUDGET_MS, oneMegabyte, timed } from './timing.js'


const SEED = process.env['FUZZ_SEED'] === undefined ? 20_241_124 : Number(process.env['FUZZ_SEED'])

/** Runs per function: the cheap ones get more (µs per run: ~50, ~140, ~60, ~150, ~450). 103,000 in all. */
const RUNS = { normalize: 40_000, tokenize: 18_000, parseQuery: 34_000, analyze: 7_000, search: 4_000 } as const
type Fuzzed = keyof typeof RUNS
const tried: Record<Fuzzed, number> = { normalize: 0, tokenize: 0, parseQuery: 0, analyze: 0, search: 0 }
const figures = new Figures()
let refusedAsLegacy = 0

/** Calls `action`; a BanglaSearchError is tolerated (returns undefined), any other error fails the run. */
function typedOnly<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch (error) {
    if (error instanceof BanglaSearchError) return undefined
    throw error
  }
}

const INVISIBLE = /[\u200b\u200c\u200d\u00ad\u2060\ufeff]/u
const BENGALI_DIGIT = /[\u09e6-\u09ef]/u
const SCRIPTS = new Set(['bengali', 'number', 'other'])
const BENGALI = /[\u0980-\u09ff]/u
const BENGALI_ALL = /[\u0980-\u09ff]/gu

function checkNormalized(text: string): void {
  const once = typedOnly(() => normalize(text))
  if (once === undefined) return
  expect(normalize(once)).toBe(once)
  expect(once.normalize('NFC')).toBe(once)
  expect(INVISIBLE.test(once)).toBe(false)
  expect(BENGALI_DIGIT.test(once)).toBe(false)
  expect(/[A-Z]/.test(once)).toBe(false)
}

function checkTokens(text: string): void {
  const tokens = typedOnly(() => tokenize(text)) ?? []
  let previousEnd = 0
  tokens.forEach((token, i) => {
    expect(token.position).toBe(i)
    expect(token.start).toBeGreaterThanOrEqual(previousEnd)
    expect(token.end).toBeGreaterThan(token.start)
    expect(token.end).toBeLessThanOrEqual(text.length)
    expect(token.term.length).toBeGreaterThan(0)
    expect(normalize(token.term)).toBe(token.term)
    expect(/\s/u.test(token.term)).toBe(false)
    expect(SCRIPTS.has(token.script)).toBe(true)
    // a term is one word: tokenising it again gives it back (except terms that mix Bengali with
    // another script's letters: reported below, see "shrunk counterexamples")
    if (!mixesScripts(token.term)) expect(tokenize(token.term).map((again) => again.term)).toEqual([token.term])
    previousEnd = token.end
  })
}

/** Does a term hold Bengali and letters of another script (`putinএর`, or ৎ + Devanagari in one cluster)? */
function mixesScripts(term: string): boolean {
  return BENGALI.test(term) && /\p{L}/u.test(term.replace(BENGALI_ALL, ''))
}

function checkAnalyzed(text: string): void {
  const analyzed = typedOnly(() => analyze(text)) ?? []
  const tokens = tokenize(text)
  expect(analyzed.map(({ term, start, end, position, script }) => ({ term, start, end, position, script }))).toEqual(tokens)
  for (const token of analyzed) {
    expect(token.stems.length).toBeGreaterThan(0)
    for (const stem of token.stems) expect(stem.length).toBeGreaterThan(0)
    if (token.script !== 'bengali') expect(token.stems).toEqual([token.term])
    expect(typeof token.stopword).toBe('boolean')
    for (const key of token.aliasKeys) expect(typeof key).toBe('string')
  }
}

function checkParsed(query: string): void {
  const parsed = typedOnly(() => parseQuery(query))
  if (parsed === undefined) return
  expect(parsed.warnings.length).toBeLessThanOrEqual(1)
  expect(parsed.clauses.length).toBeLessThanOrEqual(query.length)
  parsed.clauses.forEach((clause) => {
    expect(clause.text.trim().length).toBeGreaterThan(0)
    expect(query.includes(clause.text)).toBe(true)
  })
  expect(typeof showQuery(parsed)).toBe('string')
}

function checkHits(hits: readonly SearchHit[], liveIds: ReadonlySet<unknown>, limit: number): void {
  expect(hits.length).toBeLessThanOrEqual(limit)
  expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length)
  hits.forEach((hit, i) => {
    expect(liveIds.has(hit.id)).toBe(true)
    expect(Number.isFinite(hit.score) && hit.score > 0).toBe(true)
    if (i > 0) expect(hit.score).toBeLessThanOrEqual((hits[i - 1] as SearchHit).score)
    expect(hit.match.length).toBeGreaterThan(0)
    if (hit.snippet !== undefined) expect(typeof hit.snippet).toBe('string')
  })
}

const searchOptions: fc.Arbitrary<SearchOptions> = fc.record(
  { prefix: fc.boolean(), fuzzy: fc.boolean(), combineWith: fc.constantFrom('or' as const, 'and' as const), limit: fc.integer({ min: 1, max: 20 }), highlight: fc.boolean() },
  { requiredKeys: [] },
)

/** A fixed index: real words, hostile ids, and 60 fuzz documents (drawn with the same seed). */
function fixtureIndex(): { index: SearchIndex; ids: Set<unknown> } {
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
  const fuzzDocs = fc.sample(fc.tuple(fuzzText(6), fuzzText(30)), { numRuns: 60, seed: SEED })
  const docs = [
    ...HOSTILE_IDS.map((id, i) => ({ id, title: ORACLE_WORDS[i] ?? '', text: ORACLE_WORDS.join(' ') })),
    ...fuzzDocs.map(([title, text], i) => ({ id: i + 1, title, text: `${text} ${ORACLE_WORDS[i % ORACLE_WORDS.length]}` })),
  ]
  index.addAll(docs)
  return { index, ids: new Set(docs.map((doc) => doc.id)) }
}

describe('fuzz: no crash, invariants hold', () => {
  const config = (numRuns: number) => ({ numRuns, seed: SEED })

  it(`normalize: ${RUNS.normalize} inputs, idempotent, NFC, no joiners, Bengali digits or capitals left`, () => {
    fc.assert(fc.property(anyInput(), (text) => void (tried.normalize++, checkNormalized(text))), config(RUNS.normalize))
  })

  it(`tokenize: ${RUNS.tokenize} inputs, tokens in order, offsets in range, terms canonical`, () => {
    fc.assert(fc.property(anyInput(), (text) => void (tried.tokenize++, checkTokens(text))), config(RUNS.tokenize))
  })

  it(`analyze: ${RUNS.analyze} inputs, the same tokens as tokenize with stems and keys`, () => {
    fc.assert(fc.property(anyInput(), (text) => void (tried.analyze++, checkAnalyzed(text))), config(RUNS.analyze))
  })

  it(`parseQuery: ${RUNS.parseQuery} inputs, clauses are non-empty slices of the query, at most one warning`, () => {
    const query = fc.oneof({ weight: 3, arbitrary: fuzzQuery() }, { weight: 1, arbitrary: anyInput() })
    fc.assert(fc.property(query, (text) => void (tried.parseQuery++, checkParsed(text))), config(RUNS.parseQuery))
  })

  it(`search: ${RUNS.search} queries on a fixed index and on random indexes: unique live ids, finite sorted scores, a match per hit, every document found by its own word`, () => {
    const { index, ids } = fixtureIndex()
    const randomRuns = 600
    const fixedRuns = RUNS.search - randomRuns
    const query = fc.oneof({ weight: 3, arbitrary: fuzzQuery() }, { weight: 1, arbitrary: fc.constantFrom(...ORACLE_WORDS) })
    fc.assert(
      fc.property(query, searchOptions, (text, options) => {
        tried.search++
        const hits = index.search(text, options)
        checkHits(hits, ids, options.limit ?? 10)
        typedOnly(() => index.suggest(text))
      }),
      config(fixedRuns),
    )
    const docs = fc.array(fuzzText(16), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(docs, fuzzQuery(), searchOptions, (texts, text, options) => {
        tried.search++
        const random = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
        try {
          random.addAll(texts.map((body, id) => ({ id, text: body })))
        } catch (error) {
          // Latin-heavy fuzz text may read as Bijoy: that typed refusal is a documented outcome
          if (error instanceof BanglaSearchError && error.code === 'LEGACY_ENCODING') return void refusedAsLegacy++
          throw error
        }
        checkHits(random.search(text, options), new Set(texts.map((_, id) => id)), options.limit ?? 10)
        // every document is found by its own first word (mixed-script terms excepted: reported)
        texts.forEach((body, id) => {
          const first = tokenize(body).find((token) => !mixesScripts(token.term))
          if (first !== undefined) expect(random.search(first.term, { limit: 100 }).map((hit) => hit.id)).toContain(id)
        })
      }),
      config(randomRuns),
    )
  })
})

// Counterexamples found by the fuzzer, shrunk, kept as named tests.
describe('fuzz: shrunk counterexamples', () => {
  // BUG (minor, reported): a word made only of visarga (U+0983) folds to an empty stem, so it is
  // indexed under the stem ''. Harmless today (only such words share it) but every other word has
  // a non-empty stem. Found by the analyze property; shrunk to 'ঃ'.
  it("analyze('ঃ') gives a non-empty stem", () => {
    const [token] = analyze('ঃ')
    expect(token?.stems).not.toContain('')
  })

  // BUG (minor, reported): an unclosed quote at the end of a query yields a word clause with empty
  // text (every other clause has text). Found by the parseQuery property; shrunk to '"'.
  it("parseQuery('\"') has no clause with empty text", () => {
    const parsed = parseQuery('"')
    expect(parsed.warnings).toHaveLength(1)
    expect(parsed.clauses.filter((clause) => clause.text.length === 0)).toEqual([])
  })

  // BUG (reported): an apostrophe between a Latin word and a Bengali suffix is deleted and the two
  // become ONE mixed-script term: "Putin’এর" is indexed as 'putinএর', so neither 'putin' nor
  // 'পুতিন' finds it (while "Putin-এর" is indexed as 'putin'). Found by the re-tokenising
  // invariant of the tokenize property; shrunk to "aʼঅ" (→ 'aঅ', which tokenises as 'a' + 'অ').
  it("a Latin word with an apostrophe and a Bengali suffix is found by the word: Putin’এর, BNP'র", () => {
    expect(tokenize('aʼঅ').map((token) => token.term)).not.toEqual(['aঅ'])
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll([{ id: 1, text: 'Putin’এর সফর' }, { id: 2, text: "BNP'র নেতা" }])
    expect(index.search('putin').map((hit) => hit.id)).toEqual([1])
    expect(index.search('BNP').map((hit) => hit.id)).toEqual([2])
  })

  // Tolerated: GB9c joins a Bengali virama + ZWJ to a following Devanagari consonant in one grapheme
  // cluster, so 'ত্‍न' is one word whose term 'ৎन' tokenises again as two. Mixed-script junk only.
  it("'ত্‍नमस्ते' does not crash and keeps its offsets in range", () => {
    const text = 'ত\u09cd\u200dनमस्ते'
    expect(tokenize(text).map((token) => [token.term, token.start, token.end])).toEqual([['ৎन', 0, 4], ['मस्ते', 4, 9]])
  })

  it("search('\"') and search('ঃ') return nothing unexpected and never throw", () => {
    const index = new SearchIndex({ fields: ['text'] })
    index.addAll([{ id: 1, text: 'ঃ' }, { id: 2, text: 'ঢাকা' }])
    expect(index.search('"')).toEqual([])
    expect(index.search('ঃ').map((hit) => hit.id)).toEqual([1])
  })
})

// Run before the 1 MB strings, whose garbage would slow the small timings and blur the ratios.
describe('time: work that must stay linear in the size of one document or word', () => {
  // Was quadratic (full Levenshtein over clusters, 16,000 clusters ~3 s) until query words over
  // MAX_EXPANDED_WORD_LENGTH were matched exactly only (commit c546fa9).
  it('fuzzy matching of a long misspelled word is linear in its length', () => {
    const { ratio } = growth((n) => {
      const word = 'কখগঘ'.repeat(n / 4)
      const index = new SearchIndex({ fields: ['text'] })
      index.add({ id: 1, text: word })
      const typo = `${word.slice(0, -1)}ঙ`
      return () => index.search(typo)
    }, 1000)
    figures.add(`growth ×8, long misspelled word: ${ratio.toFixed(1)}`)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })

  // BUG (reported): when one term occurs in many raw spellings within one document (case
  // variants, joiners, digit scripts), InvertedIndex.indexField merges each spelling's positions
  // with push + a full re-sort: quadratic. 16,000 case variants of one word (336 KB) take ~3 s.
  it('indexing many spellings of one term is linear in their number', () => {
    const { ratio } = growth((n) => {
      const spellings = Array.from({ length: n }, (_, m) => [...'abcdefghijklmnopqrst'].map((c, i) => ((m >> i) & 1 ? c.toUpperCase() : c)).join(''))
      const text = spellings.join(' ')
      return () => new SearchIndex({ fields: ['text'] }).add({ id: 1, text })
    }, 1500)
    figures.add(`growth ×8, spellings of one term: ${ratio.toFixed(1)}`)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })

  // BUG (reported): phrase matching checks each start position with Array.includes over the next
  // word's positions: O(occurrences²) per document. A document repeating one word 40,000 times
  // takes ~0.55 s for "ঢাকা ঢাকা"; on the 10 MB seed-corpus document, a phrase of its two most
  // frequent words ("উত্তর কিম", ~22,000 occurrences each) took ~0.8 s.
  it('phrase matching is linear in the occurrences of its words', () => {
    const { ratio } = growth((n) => {
      const index = new SearchIndex({ fields: ['text'] })
      index.add({ id: 1, text: 'ঢাকা '.repeat(n) })
      return () => index.search('"ঢাকা ঢাকা"')
    }, 5000)
    figures.add(`growth ×8, phrase occurrences: ${ratio.toFixed(1)}`)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })

  // BUG (reported): highlight options are not checked (length: -5, NaN or 'x' pass; open: 5 prints
  // "5"), and bestWindow scans from every hit to the window's end: with length: Infinity every hit
  // is collected and the scan is O(hits × words). 'ঢাকা খবর ' × 40,000 (80,000 words, 360 KB)
  // takes ~9 s; a 10 MB field would take hours.
  it('highlight options are checked, and the longest allowed snippet stays linear in the document', () => {
    const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
    index.add({ id: 1, text: 'ঢাকা খবর' })
    for (const highlight of [{ length: Number.POSITIVE_INFINITY }, { length: -5 }, { length: 'x' }, { open: 5 }]) {
      expect(() => index.search('ঢাকা', { highlight: highlight as never })).toThrow(BanglaSearchError)
    }
    const { ratio } = growth((n) => {
      const big = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
      big.add({ id: 1, text: 'ঢাকা খবর '.repeat(n) })
      return () => big.search('ঢাকা', { highlight: { length: 10_000 } })
    }, 1500)
    figures.add(`growth ×8, highlight with length 10,000: ${ratio.toFixed(1)}`)
    expect(ratio).toBeLessThan(LINEAR_RATIO_LIMIT)
  })
})

/** Adversarial 1 MB strings. `dense` rows hold over 100,000 words per MB. */
const ADVERSARIAL: ReadonlyArray<{ name: string; unit: string; dense?: boolean }> = [
  { name: 'virama runs', unit: 'ক\u09cd\u09cd\u09cd\u09cdখ\u09cd' },
  { name: 'joiners after viramas, khanda ta with ZWJ', unit: 'ক\u200d\u200c\u09cd\u200dউত\u09cd\u200dসব' },
  { name: 'apostrophes and colons between letters', unit: "ক'খ:গ’ঘ" },
  { name: 'hyphen-clitic chains', unit: 'ইউএন-এর-কে-তে-' },
  { name: 'digits with separators', unit: '১,২.3,' },
  { name: 'quotes, exclusions and prefixes', unit: '"কখগঘঙচছজঝ “টঠডঢণতথদ” -"ধনপফবভমযরল শষসহকখগঘ* ' },
  { name: 'one-letter words', unit: 'ক ', dense: true },
]

const FUNCTIONS = ['normalize', 'tokenize', 'parseQuery', 'analyze', 'search'] as const
type Timed = (typeof FUNCTIONS)[number]
const oneMbTimes = new Map<string, Record<Timed, number>>()

describe('time: 1 MB adversarial strings', () => {
  const index = new SearchIndex({ fields: ['text'] })
  index.addAll([
    { id: 1, text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে কিম জং উনের বৈঠক ইউএন-এর ১,২৫০ উৎসব ক্ষমতায়ন' },
    { id: 2, text: 'কখগঘ চছজ ঝঞটঠ ক খ গ' },
  ])
  const run: Record<Timed, (text: string) => unknown> = { normalize, tokenize, parseQuery, analyze, search: (text) => index.search(text) }

  /** Times every function once on the row's 1 MB string (once per run, shared by the tests below). */
  function timesOf(name: string): Record<Timed, number> {
    const known = oneMbTimes.get(name)
    if (known !== undefined) return known
    const text = oneMegabyte(ADVERSARIAL.find((row) => row.name === name)?.unit ?? '')
    const times = {} as Record<Timed, number>
    let words = 0
    for (const fn of FUNCTIONS) {
      const { ms, result } = timed(() => typedOnly(() => run[fn](text)))
      times[fn] = ms
      if (fn === 'analyze') words = (result as unknown[] | undefined)?.length ?? 0
    }
    oneMbTimes.set(name, times)
    figures.add(`${name.padEnd(40)} ${String(words).padStart(7)} words  ${FUNCTIONS.map((fn) => `${fn} ${times[fn].toFixed(0)} ms`).join(', ')}`)
    return times
  }

  it.each(ADVERSARIAL)('$name: every function under 1 s (analyze and search: word-sparse rows)', ({ name, dense }) => {
    const times = timesOf(name)
    for (const fn of ['normalize', 'tokenize', 'parseQuery'] as const) expect(times[fn], fn).toBeLessThan(ONE_MB_BUDGET_MS)
    if (!dense) for (const fn of ['analyze', 'search'] as const) expect(times[fn], fn).toBeLessThan(ONE_MB_BUDGET_MS)
  })

  // Word-sparse rows are held to the absolute budget above; dense rows are at least linear.
  it.each(ADVERSARIAL.filter((row) => row.dense))('$name: analyze and search grow linearly (16 KB → 128 KB)', ({ unit }) => {
    for (const fn of ['analyze', 'search'] as const) {
      const { ratio } = growth((n) => {
        const text = oneMegabyte(unit, n)
        return () => typedOnly(() => run[fn](text))
      }, 1 << 14)
      expect(ratio, fn).toBeLessThan(LINEAR_RATIO_LIMIT)
    }
  })

  // BUG (reported): analyze() costs ~4–7 µs per word (about half of it allocation and GC), so 1 MB
  // of one-letter words (524,288 words) takes ~2–4 s on the shared 2-core machine, and 1 MB of
  // ordinary Bengali prose (~175,000 words) ~1–2 s. Linear, but not "well under a second".
  it('analyze: 1 MB of one-letter words in under 1 s', () => {
    expect(timesOf('one-letter words').analyze).toBeLessThan(ONE_MB_BUDGET_MS)
  })

  // Held since commit c546fa9 (planning stops at the clause limit); before, every clause was
  // expanded and then cut, and this query took ~1.6 s.
  it('search: a 1 MB query costs at most 2.5× parsing and tokenising it (the 64-clause cap bounds the rest)', () => {
    const { search, parseQuery: parse, tokenize: tokens } = timesOf('one-letter words')
    expect(search).toBeLessThan(2.5 * (parse + tokens))
  })
})

afterAll(() => {
  const total = Object.values(tried).reduce((sum, n) => sum + n, 0)
  figures.add(`fuzz inputs (seed ${SEED}): ${Object.entries(tried).map(([fn, n]) => `${fn} ${n}`).join(', ')}; total ${total}; random indexes refused as legacy text: ${refusedAsLegacy}`)
  figures.print('robustness: fuzz and time')
})
