import { describe, expect, it } from 'vitest'
import { CompactListsWriter } from '../../src/index/compact-lists.js'
import { buildOneStemList, sealTermLists } from '../../src/index/seal.js'
import { ListCursor } from '../../src/index/list-cursor.js'
import { BanglaSearchError } from '../../src/errors.js'

/** Term lists of two terms over documents 0..n-1, each posting `tf` with positions 0..tf-1. */
function termLists(docs: readonly number[], tf: (doc: number) => number) {
  const writer = new CompactListsWriter(2, true)
  for (const term of [0, 1]) {
    writer.begin(term)
    for (const doc of docs) {
      if (term === 1 && doc % 2 === 1) continue // the second term: even documents only
      writer.add(doc, tf(doc), 1000)
      for (let p = 0; p < tf(doc); p++) writer.position(p)
    }
    writer.end()
  }
  return writer.finish()
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof BanglaSearchError ? error.code : String(error)
  }
  return undefined
}

describe('sealing lists read from a saved index', () => {
  const docs = Array.from({ length: 300 }, (_, i) => i)

  it('merges a stem list with summed frequencies when the postings fit their fields', () => {
    const lists = termLists(docs, (doc) => 1 + (doc % 3))
    const lengths = new Int32Array(300).fill(10)
    const stem = buildOneStemList(lists, [0, 1], lengths)
    const cursor = new ListCursor()
    expect(cursor.open(stem, 0)).toBe(true)
    const seen: [number, number][] = []
    for (let doc = cursor.doc; doc < 300; doc = cursor.nextDoc()) seen.push([doc, cursor.tf])
    expect(seen).toEqual(docs.map((doc) => [doc, (1 + (doc % 3)) * (doc % 2 === 0 ? 2 : 1)]))
  })

  // lists are not decoded at load: a file whose checksums were recomputed over damaged postings
  // reaches the seal, which must refuse it rather than write a runaway list
  it.each([
    ['a tf above the field length', (doc: number) => (doc === 150 ? 500 : 1), 10],
    ['a document past the last field length', () => 1, 100],
  ])('gives MALFORMED_INDEX for %s', (_name, tf, lengthCount) => {
    const lists = termLists(docs, tf)
    const lengths = new Int32Array(lengthCount).fill(10)
    expect(codeOf(() => buildOneStemList(lists, [0, 1], lengths))).toBe('MALFORMED_INDEX')
    expect(codeOf(() => sealTermLists([lists], undefined, { termCount: 2, lengths }))).toBe('MALFORMED_INDEX')
  })

  it('gives MALFORMED_INDEX for a position outside its field', () => {
    const lists = termLists(docs, () => 3)
    const lengths = new Int32Array(300).fill(3)
    lengths[7] = 2
    expect(codeOf(() => sealTermLists([lists], undefined, { termCount: 2, lengths }))).toBe('MALFORMED_INDEX')
  })
})
