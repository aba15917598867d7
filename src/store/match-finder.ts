/**
 * LZ77 match finding for the block compressor (`lz.ts`): a hash of the next 4 bytes leads to the
 * earlier positions with the same hash (a hash table of chain heads, and a chain through the
 * 64 KB window); the level sets how many of them are tried and whether a match is deferred
 * when the next position starts a longer one ("lazy" matching, as in DEFLATE).
 *
 * @module
 * @internal
 */

/** The shortest match worth a sequence (a token and a 2-byte offset cost at least 3 bytes). */
export const MIN_MATCH = 4
/** The farthest a match can reach back (offsets are 2 bytes). */
export const MAX_OFFSET = 0xffff

/**
 * A block cut into sequences: `literalLength[s]` bytes from `literalStart[s]` copied as they
 * are, then `matchLength[s]` bytes copied from `offset[s]` bytes back (0 for the last one when
 * the block ends with literals). The arrays are scratch space, valid until the next call.
 */
export interface Sequences {
  readonly count: number
  readonly literalCount: number
  readonly literalStart: Int32Array
  readonly literalLength: Int32Array
  readonly offset: Int32Array
  readonly matchLength: Int32Array
}

/** Per level 1…9: earlier positions tried for each match. */
const CHAIN = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256]
/** From this level on, matches are lazy. */
const LAZY_FROM = 4
/** A match this long is taken without trying the rest of the chain. */
const NICE_LENGTH = 128
const HASH_BITS = 16
const WINDOW_MASK = 0xffff

// Scratch shared by all calls. Positions are stored plus `base`, which grows by more than a
// window at every call, so entries from earlier calls read as negative (absent) without clearing.
const head = new Int32Array(1 << HASH_BITS)
const chain = new Int32Array(WINDOW_MASK + 1)
let base = 0
let scratch = newSequences(1024)

function newSequences(capacity: number) {
  return {
    count: 0,
    literalCount: 0,
    literalStart: new Int32Array(capacity),
    literalLength: new Int32Array(capacity),
    offset: new Int32Array(capacity),
    matchLength: new Int32Array(capacity),
  }
}

/** Cuts `input` into sequences; higher levels (1…9) try harder. */
export function findSequences(input: Uint8Array, level: number): Sequences {
  const n = input.length
  if (base > 2 ** 30 - n - 2 * MAX_OFFSET) {
    head.fill(0)
    chain.fill(0)
    base = 0
  }
  base += MAX_OFFSET + 1
  const maxChain = CHAIN[Math.min(Math.max(Math.round(level), 1), 9)] as number
  const lazy = level >= LAZY_FROM
  const out = scratch
  out.count = 0
  out.literalCount = 0
  const last = n - MIN_MATCH // the last position whose 4 bytes can be hashed
  let inserted = 0 // positions below this are in the hash chains
  let anchor = 0
  for (let pos = 0; pos <= last; ) {
    inserted = insertUpTo(input, inserted, pos + 1)
    let match = longestMatch(input, pos, maxChain)
    if (match < MATCH_UNIT * MIN_MATCH) {
      pos++
      continue
    }
    while (lazy && pos + 1 <= last && match < MATCH_UNIT * NICE_LENGTH) {
      inserted = insertUpTo(input, inserted, pos + 2)
      const next = longestMatch(input, pos + 1, maxChain)
      if (next < (Math.floor(match / MATCH_UNIT) + 1) * MATCH_UNIT) break
      pos++
      match = next
    }
    const length = Math.floor(match / MATCH_UNIT)
    push(out, anchor, pos - anchor, match % MATCH_UNIT, length)
    pos += length
    anchor = pos
    // the fastest level does not index the positions inside matches
    inserted = maxChain > 1 ? insertUpTo(input, inserted, Math.min(pos, last + 1)) : Math.max(inserted, pos)
  }
  if (anchor < n) push(out, anchor, n - anchor, 0, 0)
  base += n
  return out
}

/** A match packed in one number: length × MATCH_UNIT + offset. */
const MATCH_UNIT = MAX_OFFSET + 1

/** Adds positions `from` … `to − 1` to the hash chains; returns `to`. */
function insertUpTo(input: Uint8Array, from: number, to: number): number {
  for (let at = from; at < to; at++) {
    const h = hash(input, at)
    chain[at & WINDOW_MASK] = head[h] as number
    head[h] = at + base
  }
  return Math.max(from, to)
}

/** The longest earlier match of the bytes at `pos` (already inserted), packed; below MIN_MATCH when none. */
function longestMatch(input: Uint8Array, pos: number, maxChain: number): number {
  const n = input.length
  let best = MIN_MATCH - 1
  let offset = 0
  let candidate = (chain[pos & WINDOW_MASK] as number) - base
  for (let tries = maxChain; tries > 0 && candidate >= 0 && pos - candidate <= MAX_OFFSET; tries--) {
    if (input[candidate + best] === input[pos + best]) {
      let length = 0
      while (pos + length < n && input[candidate + length] === input[pos + length]) length++
      if (length > best) {
        best = length
        offset = pos - candidate
        if (length >= NICE_LENGTH) break
      }
    }
    candidate = (chain[candidate & WINDOW_MASK] as number) - base
  }
  return best * MATCH_UNIT + offset
}

function push(out: ReturnType<typeof newSequences>, literalStart: number, literalLength: number, offset: number, matchLength: number): void {
  if (out.count === out.offset.length) {
    const grown = newSequences(out.count * 2)
    grown.literalStart.set(out.literalStart)
    grown.literalLength.set(out.literalLength)
    grown.offset.set(out.offset)
    grown.matchLength.set(out.matchLength)
    Object.assign(out, { literalStart: grown.literalStart, literalLength: grown.literalLength, offset: grown.offset, matchLength: grown.matchLength })
  }
  const s = out.count++
  out.literalStart[s] = literalStart
  out.literalLength[s] = literalLength
  out.offset[s] = offset
  out.matchLength[s] = matchLength
  out.literalCount += literalLength
}

function hash(input: Uint8Array, at: number): number {
  const word = (input[at] as number) | ((input[at + 1] as number) << 8) | ((input[at + 2] as number) << 16) | ((input[at + 3] as number) << 24)
  return Math.imul(word, 0x9e3779b1) >>> (32 - HASH_BITS)
}
