/**
 * The postings entry of saved format version 1: `docGap, tf, positionBytes, positionDeltas…` in
 * unsigned LEB128 (the in-memory and version-2 layout is in `index/compact-lists.ts`).
 *
 * @module
 * @internal
 */

/**
 * Encodes one entry, `docGap, tf, positionBytes, positionDeltas…` (LEB128), into `out` from
 * index 0; returns its length in bytes.
 *
 * @param docGap - the document number minus the previous entry's, minus 1
 * @param positions - the term's positions in the document, increasing
 */
export function encodeEntry(out: number[], docGap: number, positions: readonly number[]): number {
  let positionBytes = 0
  for (let i = 0; i < positions.length; i++) {
    const delta = (positions[i] as number) - (i > 0 ? (positions[i - 1] as number) : 0)
    positionBytes += delta < 0x80 ? 1 : delta < 0x4000 ? 2 : delta < 0x200000 ? 3 : delta < 0x10000000 ? 4 : 5
  }
  let at = putVarint(out, 0, docGap)
  at = putVarint(out, at, positions.length)
  at = putVarint(out, at, positionBytes)
  for (let i = 0; i < positions.length; i++) at = putVarint(out, at, (positions[i] as number) - (i > 0 ? (positions[i - 1] as number) : 0))
  return at
}

/** Writes `value` as LEB128 into `out` from index `at`; returns the index after it. */
function putVarint(out: number[], at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80
    value >>>= 7
  }
  out[at++] = value
  return at
}
