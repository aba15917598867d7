/**
 * The floor: the time to only read the blog corpus (gzip stream + JSON), NFC-normalise
 * its text and cut it into words made of whole grapheme clusters (unicode-segmenter).
 * No engine can index the corpus faster than this. Cumulative times are recorded along
 * the way, so the floor at 25 % and 50 % comes from the same pass.
 */
import { graphemeSegments } from 'unicode-segmenter/grapheme'
import { readCorpus, utf8Bytes, type ReadCorpusOptions } from '../corpus.js'
import { since } from '../harness.js'
import type { Doc, Field } from '../types.js'

/** A grapheme cluster that belongs to a word: it starts with a letter, mark, digit or ZWJ/ZWNJ. */
const WORD_CLUSTER = /^[\p{L}\p{M}\p{N}\u200C\u200D]/u

export interface FloorResult {
  docs: number
  bytes: number
  words: number
  graphemes: number
  ms: number
  /** [documents read, bytes read, cumulative ms] every `step` documents, and at the end. */
  checkpoints: Array<[number, number, number]>
}

/** Words of one text, each a run of word clusters; returns [words, clusters, chars in words]. */
export function segmentWords(text: string): [number, number, number] {
  let words = 0
  let clusters = 0
  let chars = 0
  let start = -1
  let end = 0
  for (const { segment, index } of graphemeSegments(text.normalize('NFC'))) {
    clusters++
    if (WORD_CLUSTER.test(segment)) {
      if (start < 0) start = index
      end = index + segment.length
    } else if (start >= 0) {
      words++
      chars += end - start
      start = -1
    }
  }
  if (start >= 0) {
    words++
    chars += end - start
  }
  return [words, clusters, chars]
}

export async function measureFloor(path: string, fields: readonly Field[], limit?: number, step = 100, corpus: Omit<ReadCorpusOptions, 'limit' | 'keep' | 'onDoc'> = {}): Promise<FloorResult> {
  const checkpoints: Array<[number, number, number]> = []
  let docs = 0
  let bytes = 0
  let words = 0
  let graphemes = 0
  let chars = 0
  const start = performance.now()
  await readCorpus(path, {
    ...corpus,
    ...(limit === undefined ? {} : { limit }),
    keep: false,
    onDoc(doc: Doc) {
      for (const f of fields) {
        const text = doc[f] ?? ''
        bytes += utf8Bytes(text)
        const [w, g, c] = segmentWords(text)
        words += w
        graphemes += g
        chars += c
      }
      docs++
      if (docs % step === 0) checkpoints.push([docs, bytes, since(start)])
    },
  })
  const ms = since(start)
  checkpoints.push([docs, bytes, ms])
  // The check: the documents have words (a paragraph may have none), and words hold characters.
  if (docs === 0 || words < docs / 2 || chars < words) {
    throw new Error(`floor check failed: ${docs} docs, ${words} words, ${chars} word chars`)
  }
  return { docs, bytes, words, graphemes, ms, checkpoints }
}

/** Cumulative floor time at `docs` documents, from the checkpoints (linear in between). */
export function floorAt(floor: FloorResult, docs: number): number {
  let prev: [number, number, number] = [0, 0, 0]
  for (const point of floor.checkpoints) {
    if (point[0] >= docs) {
      const span = point[0] - prev[0]
      return span === 0 ? point[2] : prev[2] + ((point[2] - prev[2]) * (docs - prev[0])) / span
    }
    prev = point
  }
  return floor.ms
}
