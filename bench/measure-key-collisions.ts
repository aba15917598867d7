/**
 * Measures how the K0/K1 alias keys behave on real text (the figures in docs/analysis-keys.md).
 *
 * 1. Collisions on the distinct words of the blog corpus (`bench-corpus/sachalayatan.jsonl.gz`):
 *    distinct words / K0 / K1, words sharing their K1, K0 bucket sizes and alias partners by K0
 *    length, false aliases, keys per second; once for surface words and once for folded stems
 *    (the terms the index keys).
 * 2. Cross-script check on `eval/dakshina-romanized/`: the share of Latin query words whose keys
 *    meet (same K0, K1 distance ≤ threshold + 0.5) some word of the target Bengali sentence.
 *
 * Run: `npx tsx bench/measure-key-collisions.ts`. Data is read in place from the shared folder
 * (see bench/corpus.ts); each part skips with a message when its data is absent. Only counts
 * are printed; no corpus text is written anywhere.
 */
import { aliasThreshold, bengaliKeys, keyDistance, type AliasKeys } from '../src/analysis/alias-keys.js'
import { fold } from '../src/analysis/fold.js'
import { latinKeys } from '../src/analysis/romanize.js'
import { stemCandidates } from '../src/analysis/stem.js'
import { dataPaths, present, readCorpus, readJsonl, readQrels } from './corpus.js'

/** Extra K1 distance allowed between a Latin word and a Bengali word (§4.5). */
const LATIN_EXTRA_DISTANCE = 0.5
/** Bengali letters and marks (no digits, no currency signs): what a word is made of here. */
const BENGALI_WORD = /[\u0981-\u09E3\u09F0\u09F1]+/g
/** Romanised clitics that the tokeniser attaches to the word before a hyphen (`dhaka-r`). */
const ROMAN_CLITICS = new Set(['r', 'er', 'e', 'y', 'ye', 'yer', 'ke', 'te', 'o', 'i', 'ra', 'der'])

/** The words of a text: NFC, legacy khanda ta and joiners removed (enough for counting). */
function bengaliWords(text: string): string[] {
  const canonical = text.normalize('NFC').replace(/\u09A4\u09CD\u200D/g, '\u09CE').replace(/[\u200C\u200D]/g, '')
  return canonical.match(BENGALI_WORD) ?? []
}

function addCount(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by)
}

function pushTo<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key)
  if (list === undefined) lists.set(key, [value])
  else list.push(value)
}

async function countCorpusWords(path: string): Promise<Map<string, number>> {
  const words = new Map<string, number>()
  let posts = 0
  let tokens = 0
  const started = performance.now()
  await readCorpus(path, {
    keep: false,
    onDoc: (doc) => {
      posts++
      for (const word of bengaliWords(`${doc.title} ${doc.text}`)) {
        tokens++
        addCount(words, word)
      }
    },
  })
  console.log(`corpus: ${posts} posts, ${tokens} Bengali tokens (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  return words
}

/** Figures for the words whose K0 has one length. */
interface BandStats {
  keys: number
  words: number
  bucketSeen: number
  sameK1: number
  partners: number
  withFalse: number
  falsePartners: number
  tokens: number
  tokensWithFalse: number
}

const emptyBand = (): BandStats => ({ keys: 0, words: 0, bucketSeen: 0, sameK1: 0, partners: 0, withFalse: 0, falsePartners: 0, tokens: 0, tokensWithFalse: 0 })

/**
 * Alias partners (same K0, K1 within the threshold) of every word of one K0 bucket. A partner is
 * false unless it has the same `variantOf` (the same word after N2 folding).
 */
function scoreBucket(k0: string, members: ReadonlyArray<readonly [string, string]>, counts: Map<string, number>,
  variantOf: (word: string) => string, band: BandStats): void {
  const threshold = aliasThreshold(k0.length)
  const byK1 = new Map<string, string[]>()
  for (const [word, k1] of members) pushTo(byK1, k1, word)
  for (const [k1, words] of byK1) {
    const partners = [...byK1].filter(([other]) => other === k1 || (threshold > 0 && keyDistance(k1, other, threshold) <= threshold)).flatMap(([, list]) => list)
    const variants = new Map<string, number>()
    for (const partner of partners) addCount(variants, variantOf(partner))
    for (const word of words) {
      const falsePartners = partners.length - (variants.get(variantOf(word)) ?? 0)
      const frequency = counts.get(word) ?? 0
      band.sameK1 += words.length - 1
      band.partners += partners.length - 1
      band.falsePartners += falsePartners
      band.tokens += frequency
      if (falsePartners > 0) {
        band.withFalse++
        band.tokensWithFalse += frequency
      }
    }
  }
}

/** Keys of every word, and the speed of bengaliKeys (best of three warm passes). */
function timeKeys(words: readonly string[]): AliasKeys[] {
  const keys = words.map((word) => bengaliKeys(word))
  let best = Number.POSITIVE_INFINITY
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now()
    let symbols = 0
    for (const word of words) symbols += bengaliKeys(word).k1.length
    best = Math.min(best, (performance.now() - started) / 1000)
    if (symbols === 0) throw new Error('no keys computed')
  }
  console.log(`bengaliKeys: ${(words.length / best / 1e6).toFixed(1)} M words/s (best of 3 warm passes over ${words.length} words)`)
  return keys
}

function measureCollisions(label: string, counts: Map<string, number>, variantOf: (word: string) => string): void {
  const words = [...counts.keys()]
  const keys = timeKeys(words)
  const buckets = new Map<string, Array<readonly [string, string]>>()
  const k1Counts = new Map<string, number>()
  keys.forEach((key, i) => {
    pushTo(buckets, key.k0, [words[i] ?? '', key.k1] as const)
    addCount(k1Counts, key.k1)
  })
  const sharing = keys.filter((key) => (k1Counts.get(key.k1) ?? 0) > 1).length
  console.log(`\n${label}: distinct ${words.length}; distinct K0 ${buckets.size}; distinct K1 ${k1Counts.size}; sharing their K1 with another: ${percent(sharing, words.length)}`)
  const bands = new Map<string, BandStats>()
  for (const [k0, members] of buckets) {
    const name = k0.length >= 8 ? '8+' : String(k0.length)
    const band = bands.get(name) ?? emptyBand()
    band.keys++
    band.words += members.length
    band.bucketSeen += members.length * members.length
    scoreBucket(k0, members, counts, variantOf, band)
    bands.set(name, band)
  }
  printBands(bands)
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`
}

function printBands(bands: Map<string, BandStats>): void {
  console.log('| K0 length | K0 keys | words | words per K0 | K0 bucket seen by a word | same-K1 partners per word | alias partners per word | false share of partners | words with a false alias | tokens with a false alias |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const [name, b] of [...bands].sort(([a], [z]) => Number.parseInt(a) - Number.parseInt(z))) {
    const cells = [name, b.keys, b.words, (b.words / b.keys).toFixed(1), (b.bucketSeen / b.words).toFixed(1), (b.sameK1 / b.words).toFixed(2),
      (b.partners / b.words).toFixed(2), percent(b.falsePartners, b.partners), percent(b.withFalse, b.words), percent(b.tokensWithFalse, b.tokens)]
    console.log(`| ${cells.join(' | ')} |`)
  }
}

/** Folded stem candidates of every surface word, with the summed frequencies. */
function stemCounts(surface: Map<string, number>): Map<string, number> {
  const stems = new Map<string, number>()
  for (const [word, frequency] of surface) for (const stem of new Set(stemCandidates(word).map(fold))) addCount(stems, stem, frequency)
  return stems
}

function keysMeet(latin: readonly AliasKeys[], bengali: AliasKeys): boolean {
  const limit = aliasThreshold(bengali.k0.length) + LATIN_EXTRA_DISTANCE
  return latin.some((key) => key.k0 === bengali.k0 && keyDistance(key.k1, bengali.k1, limit) <= limit)
}

/** Latin words of a query; a clitic after a hyphen is joined back, as the tokeniser does. */
function latinQueryWords(text: string): string[] {
  const words: string[] = []
  for (const token of text.toLowerCase().split(/[^a-z-]+/)) {
    token.split('-').filter((piece) => piece !== '').forEach((piece, i) => {
      if (i > 0 && ROMAN_CLITICS.has(piece)) words[words.length - 1] += piece
      else words.push(piece)
    })
  }
  return words
}

function measureDakshina(dir: string): void {
  const queries = readJsonl<{ id: string; text: string }>(`${dir}/queries.jsonl`)
  const sentences = new Map(readJsonl<{ id: string; text: string }>(`${dir}/corpus.jsonl`).map((doc) => [doc.id, doc.text]))
  const qrels = readQrels(`${dir}/qrels.tsv`)
  const ids = [...sentences.keys()]
  const keysOf = (id: string | undefined): AliasKeys[] => bengaliWords(sentences.get(id ?? '') ?? '').map((word) => bengaliKeys(word))
  let total = 0
  let met = 0
  let byChance = 0
  let alternatives = 0
  const byLength = new Map<string, [number, number]>()
  queries.forEach((query, i) => {
    const own = keysOf([...(qrels.get(query.id) ?? [])][0])
    const unrelated = keysOf(ids[(i + 1) % ids.length])
    for (const word of latinQueryWords(query.text)) {
      const keys = latinKeys(word)
      const hit = own.some((key) => keysMeet(keys, key))
      total++
      alternatives += keys.length
      if (hit) met++
      if (unrelated.some((key) => keysMeet(keys, key))) byChance++
      const band = word.length <= 2 ? '1-2' : word.length <= 4 ? '3-4' : word.length <= 7 ? '5-7' : '8+'
      const [all, hits] = byLength.get(band) ?? [0, 0]
      byLength.set(band, [all + 1, hits + (hit ? 1 : 0)])
    }
  })
  console.log(`\ndakshina: ${queries.length} queries, ${total} Latin words, ${(alternatives / total).toFixed(2)} key alternatives per word`)
  console.log(`  meet a word of their target sentence: ${percent(met, total)}`)
  console.log(`  meet a word of an unrelated sentence (chance): ${percent(byChance, total)}`)
  for (const [band, [all, hits]] of [...byLength].sort()) console.log(`  word length ${band}: ${percent(hits, all)} of ${all}`)
}

async function main(): Promise<void> {
  const paths = dataPaths()
  if (present(paths.blogCorpus)) {
    const surface = await countCorpusWords(paths.blogCorpus)
    measureCollisions('surface words', surface, fold)
    measureCollisions('folded stems', stemCounts(surface), (stem) => stem)
  } else console.log(`skipped collisions: corpus not found at ${paths.blogCorpus}`)
  if (present(`${paths.dakshina}/queries.jsonl`)) measureDakshina(paths.dakshina)
  else console.log(`skipped cross-script check: Dakshina set not found at ${paths.dakshina}`)
}

await main()
