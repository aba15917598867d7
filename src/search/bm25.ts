/**
 * BM25 scoring (Robertson and Zaragoza's Okapi BM25, the Lucene variant of idf), pure functions.
 *
 * @module
 */

import { BanglaSearchError } from '../errors.js'
import type { Bm25Parameters } from '../types.js'

/** Lucene's and Elasticsearch's defaults. */
export const DEFAULT_BM25: Bm25Parameters = { k1: 1.2, b: 0.75 }

/**
 * Inverse document frequency, never negative: `ln(1 + (N - df + 0.5) / (df + 0.5))`.
 *
 * @param documentFrequency - documents that match
 * @param documentCount - documents in the index
 */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
}

/**
 * The term-frequency part of BM25 for one field of one document.
 *
 * @param tf - (weighted) term frequency in the field
 * @param fieldLength - the field's length in words
 * @param averageFieldLength - the average length of the field
 */
export function tfNorm(tf: number, fieldLength: number, averageFieldLength: number, params: Bm25Parameters): number {
  const { saturation, base, perWord } = tfNormConstants(params, averageFieldLength)
  return (saturation * tf) / (tf + base + perWord * fieldLength)
}

/** {@link tfNorm} as `saturation * tf / (tf + base + perWord * fieldLength)`: the constants of one field, for scoring loops. */
export interface TfNormConstants {
  readonly saturation: number
  readonly base: number
  readonly perWord: number
}

/** The constants of {@link tfNorm} for a field of this average length. */
export function tfNormConstants({ k1, b }: Bm25Parameters, averageFieldLength: number): TfNormConstants {
  // an empty field (average 0) counts as a field of average length
  return averageFieldLength > 0 ? { saturation: k1 + 1, base: k1 * (1 - b), perWord: (k1 * b) / averageFieldLength } : { saturation: k1 + 1, base: k1, perWord: 0 }
}

/** Checks BM25 parameters and fills in defaults. @throws {@link BanglaSearchError} `INVALID_OPTION` */
export function resolveBm25(given: Partial<Bm25Parameters> | undefined): Bm25Parameters {
  const k1 = given?.k1 ?? DEFAULT_BM25.k1
  const b = given?.b ?? DEFAULT_BM25.b
  if (!Number.isFinite(k1) || k1 < 0) {
    throw new BanglaSearchError('INVALID_OPTION', `bm25.k1 must be a finite number >= 0, got ${String(k1)}.`)
  }
  if (!Number.isFinite(b) || b < 0 || b > 1) {
    throw new BanglaSearchError('INVALID_OPTION', `bm25.b must be a number between 0 and 1, got ${String(b)}.`)
  }
  return { k1, b }
}
