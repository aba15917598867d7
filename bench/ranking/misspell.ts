/**
 * The misspelling dev set, generated at bench time from the blog corpus (never committed: the
 * corpus has no licence). With a fixed seed it draws frequent words as they occur in the posts
 * (a random word of a random post, so common words come up more often) and applies ONE edit of
 * the kinds people make when they type Bengali:
 *
 * - `vowel-sign`: a vowel sign (or independent vowel) for its neighbour (ি/ী, ু/ূ, ে/ৈ, ো/ৌ, ই/ঈ, উ/ঊ);
 * - `consonant`: a consonant for its aspirated or unaspirated partner (ক/খ … ব/ভ), or a homophone
 *   (ন/ণ, শ/ষ/স, জ/য, ং/ঙ, র/ড়, ত/ট, দ/ড);
 * - `deletion`: a vowel sign, a phala (virama + consonant), ঁ/ং, or a whole cluster (words of 4+
 *   clusters) dropped;
 * - `insertion`: a vowel sign added, a consonant doubled, ঁ added, or a cluster typed twice;
 * - `transposition`: two neighbouring clusters, or the two consonants of a conjunct, swapped.
 *
 * Only substitutions touch the first cluster (people seldom drop, add or move the first letter,
 * but they do confuse শ/স there). A family is drawn first, then a rule of it, then a place.
 *
 * Each query records the intended word and the posts that hold it (exactly, as a word). The
 * misspelt form may itself occur in the corpus (people make the same slips when they write):
 * `attested` says so, and the figures are also given apart for such forms.
 *
 * Usage: npx tsx bench/ranking/misspell.ts [count]   (prints a sample; the set is cached in the temp folder)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectGraphemes } from 'unicode-segmenter/grapheme'
import { isStopword, normalize, tokenize } from '../../src/index.js'
import { random } from '../suites/scale-queries.js'
import type { Doc } from '../types.js'
import { blogDocs } from './blog.js'

/** The edit families, each a list of named rules. */
export type EditFamily = 'vowel-sign' | 'consonant' | 'deletion' | 'insertion' | 'transposition'

/** Substitution pairs (both directions are used); NFC, so ড় is ড + nukta. */
export const SUBSTITUTIONS: Readonly<Record<'vowel-sign' | 'consonant', ReadonlyArray<readonly [string, string, string]>>> = {
  'vowel-sign': [
    ['i-length', 'ি', 'ী'],
    ['u-length', 'ু', 'ূ'],
    ['e-oi', 'ে', 'ৈ'],
    ['o-ou', 'ো', 'ৌ'],
    ['independent-i', 'ই', 'ঈ'],
    ['independent-u', 'উ', 'ঊ'],
  ],
  consonant: [
    ['aspiration-k', 'ক', 'খ'],
    ['aspiration-g', 'গ', 'ঘ'],
    ['aspiration-c', 'চ', 'ছ'],
    ['aspiration-j', 'জ', 'ঝ'],
    ['aspiration-tt', 'ট', 'ঠ'],
    ['aspiration-dd', 'ড', 'ঢ'],
    ['aspiration-t', 'ত', 'থ'],
    ['aspiration-d', 'দ', 'ধ'],
    ['aspiration-p', 'প', 'ফ'],
    ['aspiration-b', 'ব', 'ভ'],
    ['na-nna', 'ন', 'ণ'],
    ['sha-ssa', 'শ', 'ষ'],
    ['sha-sa', 'শ', 'স'],
    ['ssa-sa', 'ষ', 'স'],
    ['ja-ya', 'জ', 'য'],
    ['anusvara-nga', 'ং', 'ঙ'],
    ['ra-rra', 'র', 'ড\u09BC'],
    ['dental-retroflex-t', 'ত', 'ট'],
    ['dental-retroflex-d', 'দ', 'ড'],
  ],
}

const VOWEL_SIGNS = 'ািীুূৃেৈোৌ'
const VIRAMA = '\u09CD'
const CONSONANT = /^[\u0995-\u09B9]\u09BC?$/
/** Signs inserted after a bare consonant (the commonest spurious signs). */
const INSERTED_SIGNS = ['া', 'ি', 'ে', 'ো']

/** One generated misspelling. */
export interface Misspelling {
  readonly typo: string
  readonly intended: string
  readonly family: EditFamily
  readonly rule: string
  /** The misspelt form occurs as a word in the corpus. */
  readonly attested: boolean
  /** Posts (ids) that hold the intended word. */
  readonly relevant: readonly string[]
}

/** The generation settings (the seed and sizes fix the set). */
export const MISSPELL_SETTINGS = {
  seed: 20250214,
  count: 600,
  /** Posts an intended word must occur in (frequent words) ... */
  minDocs: 20,
  /** ... and at most (the function-word band is left out as well). */
  maxDocs: 3000,
  minClusters: 2,
}

/** All candidate edits of one word (rule name, result), for one family. */
export function editsOf(word: string, family: EditFamily): { rule: string; typo: string }[] {
  const out: { rule: string; typo: string }[] = []
  const points = [...word]
  const clusters = collectGraphemes(word)
  const add = (rule: string, typo: string) => {
    if (typo !== word && typo.length > 0) out.push({ rule, typo })
  }
  if (family === 'vowel-sign' || family === 'consonant') {
    points.forEach((point, i) => {
      for (const [rule, a, b] of SUBSTITUTIONS[family]) {
        // ড় is two code points: match it at i (and never its base alone)
        const here = word.slice(points.slice(0, i).join('').length)
        for (const [from, to] of [[a, b], [b, a]] as const) {
          if (!here.startsWith(from)) continue
          if (from.length === 1 && points[i + 1] === '\u09BC') continue
          add(rule, points.slice(0, i).join('') + to + here.slice(from.length))
        }
      }
      void point
    })
  } else if (family === 'deletion') {
    points.forEach((point, i) => {
      if (i === 0) return
      if (VOWEL_SIGNS.includes(point)) add('drop-vowel-sign', points.filter((_, j) => j !== i).join(''))
      if (point === 'ঁ' || point === 'ং') add('drop-nasal', points.filter((_, j) => j !== i).join(''))
      if (point === VIRAMA && CONSONANT.test(points[i + 1] ?? '')) add('drop-phala', points.filter((_, j) => j !== i && j !== i + 1).join(''))
    })
    clusters.forEach((_, i) => {
      if (i > 0 && clusters.length >= 4) add('drop-cluster', clusters.filter((__, j) => j !== i).join(''))
    })
  } else if (family === 'insertion') {
    points.forEach((point, i) => {
      if (i === 0 && !CONSONANT.test(point)) return
      const next = points[i + 1] ?? ''
      if (CONSONANT.test(point) && !VOWEL_SIGNS.includes(next) && next !== VIRAMA && next !== '\u09BC') {
        for (const sign of INSERTED_SIGNS) add('add-vowel-sign', points.slice(0, i + 1).join('') + sign + points.slice(i + 1).join(''))
        if (i > 0) add('double-consonant', points.slice(0, i + 1).join('') + VIRAMA + point + points.slice(i + 1).join(''))
      }
      if (VOWEL_SIGNS.includes(point) && next !== 'ঁ') add('add-chandrabindu', points.slice(0, i + 1).join('') + 'ঁ' + points.slice(i + 1).join(''))
    })
    clusters.forEach((cluster, i) => {
      if (i > 0) add('repeat-cluster', [...clusters.slice(0, i + 1), cluster, ...clusters.slice(i + 1)].join(''))
    })
  } else {
    clusters.forEach((_, i) => {
      if (i > 0 && i + 1 < clusters.length) add('swap-clusters', [...clusters.slice(0, i), clusters[i + 1], clusters[i], ...clusters.slice(i + 2)].join(''))
    })
    points.forEach((point, i) => {
      const before = points[i - 1] ?? ''
      const after = points[i + 1] ?? ''
      if (i > 1 && point === VIRAMA && CONSONANT.test(before) && CONSONANT.test(after) && before !== after) {
        add('swap-conjunct', points.slice(0, i - 1).join('') + after + VIRAMA + before + points.slice(i + 2).join(''))
      }
    })
  }
  // keep forms that survive normalisation as a different, well-formed word
  return out
    .map(({ rule, typo }) => ({ rule, typo: normalize(typo) }))
    .filter(({ typo }) => typo !== word && tokenize(typo).length === 1 && tokenize(typo)[0]?.term === typo)
}

const FAMILIES: readonly EditFamily[] = ['vowel-sign', 'consonant', 'deletion', 'insertion', 'transposition']

/** Document frequency of every word of the posts, and each post's words. */
function countWords(docs: readonly Doc[]): { df: Map<string, number>; words: string[][] } {
  const df = new Map<string, number>()
  const words = docs.map((doc) => {
    const terms = tokenize(doc.text)
      .filter((token) => token.script === 'bengali')
      .map((token) => token.term)
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1)
    return terms
  })
  return { df, words }
}

/** Generates the set (deterministic for the settings). */
export function generateMisspellings(docs: readonly Doc[], settings = MISSPELL_SETTINGS): Misspelling[] {
  const { df, words } = countWords(docs)
  const rand = random(settings.seed)
  const chosen = new Map<string, { typo: string; family: EditFamily; rule: string }>()
  for (let draws = 0; draws < settings.count * 200 && chosen.size < settings.count; draws++) {
    const list = words[Math.floor(rand() * words.length)] as string[]
    if (list.length === 0) continue
    const word = list[Math.floor(rand() * list.length)] as string
    const frequency = df.get(word) ?? 0
    if (chosen.has(word) || frequency < settings.minDocs || frequency > settings.maxDocs || isStopword(word)) continue
    if (collectGraphemes(word).length < settings.minClusters) continue
    const family = FAMILIES[Math.floor(rand() * FAMILIES.length)] as EditFamily
    // a rule first, then one of its places: a rule with many places is not favoured
    const edits = editsOf(word, family)
    const rules = [...new Set(edits.map((edit) => edit.rule))]
    if (rules.length === 0) continue
    const rule = rules[Math.floor(rand() * rules.length)] as string
    const places = edits.filter((edit) => edit.rule === rule)
    const edit = places[Math.floor(rand() * places.length)] as { rule: string; typo: string }
    chosen.set(word, { typo: edit.typo, family, rule: edit.rule })
  }
  const relevant = new Map<string, string[]>([...chosen.keys()].map((word) => [word, []]))
  words.forEach((list, i) => {
    for (const word of new Set(list)) relevant.get(word)?.push((docs[i] as Doc).id)
  })
  return [...chosen].map(([intended, { typo, family, rule }]) => ({ typo, intended, family, rule, attested: df.has(typo), relevant: relevant.get(intended) ?? [] }))
}

/** The set for the default settings, generated once and cached in the temporary folder. */
export async function misspellingSet(docs?: readonly Doc[]): Promise<Misspelling[]> {
  const { seed, count } = MISSPELL_SETTINGS
  const dir = join(tmpdir(), 'bangla-search-ranking')
  const cache = join(dir, `misspellings-${seed}-${count}.json`)
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Misspelling[]
  const set = generateMisspellings(docs ?? (await blogDocs()))
  mkdirSync(dir, { recursive: true })
  writeFileSync(cache, JSON.stringify(set))
  return set
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = await misspellingSet()
  const byFamily = new Map<string, number>()
  for (const m of set) byFamily.set(m.family, (byFamily.get(m.family) ?? 0) + 1)
  console.log(`${set.length} misspellings; attested ${set.filter((m) => m.attested).length}; by family`, Object.fromEntries(byFamily))
  for (const m of set.slice(0, Number(process.argv[2] ?? 40))) console.log(`${m.typo}\t${m.intended}\t${m.family}/${m.rule}\t${m.attested ? 'attested' : ''}\t${m.relevant.length} posts`)
}
