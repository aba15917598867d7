/**
 * A small least-recently-used cache of decompressed blocks, keyed by the compressed block itself
 * (blocks never change once written, so a key can never see stale bytes). A block may be cached
 * only up to the document that was needed (see `decompressBlock`); a later need past that
 * decompresses it again.
 *
 * @module
 * @internal
 */

import { declaredLength, decompressBlock } from './lz.js'

/** Counts for the statistics of a store. */
export interface CacheCounts {
  /** Blocks decompressed (cache misses). */
  decompressions: number
  /** Reads answered from the cache. */
  hits: number
}

/** Decompresses blocks through an LRU cache of `capacity` blocks (0: no cache). */
export class BlockCache {
  /** Decompressed bytes (maybe only a prefix), and whether they are the whole block. */
  private readonly entries = new Map<Uint8Array, { bytes: Uint8Array; whole: boolean }>()
  /** Misses and hits so far. */
  readonly counts: CacheCounts = { decompressions: 0, hits: 0 }

  /**
   * @param capacity - blocks kept
   * @param maxLength - the most bytes a block may declare
   */
  /** Blocks still to be checked on first read (a loaded store's), with their check. */
  private readonly unchecked = new Map<Uint8Array, () => void>()

  constructor(
    readonly capacity: number,
    private readonly maxLength: number,
  ) {}

  /** Registers a check to run once, the first time `block` is read (before it is decompressed). */
  checkOnFirstRead(block: Uint8Array, check: () => void): void {
    this.unchecked.set(block, check)
  }

  /** The decompressed bytes of `block`, at least its first `need` (fewer only if the block is damaged). */
  read(block: Uint8Array, need: number): Uint8Array {
    const cached = this.entries.get(block)
    if (cached !== undefined && (cached.whole || cached.bytes.length >= need)) {
      this.counts.hits++
      // Map keeps insertion order: moving the entry to the end marks it most recently used
      this.entries.delete(block)
      this.entries.set(block, cached)
      return cached.bytes
    }
    this.counts.decompressions++
    const check = this.unchecked.get(block)
    if (check !== undefined) {
      check()
      this.unchecked.delete(block)
    }
    const bytes = decompressBlock(block, this.maxLength, need)
    if (this.capacity > 0) {
      this.entries.delete(block)
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as Uint8Array)
      // decoding stops early only past `need`: fewer bytes than that are the whole block
      this.entries.set(block, { bytes, whole: bytes.length < need || bytes.length === declaredLength(block) })
    }
    return bytes
  }

  /** Bytes held by the cached blocks. */
  get bytes(): number {
    let total = 0
    for (const { bytes } of this.entries.values()) total += bytes.buffer.byteLength
    return total
  }

  /** Forgets every block. */
  clear(): void {
    this.entries.clear()
  }
}
