import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_BLOCK, type StoredFieldParts } from '../../src/store/parts.js'
import { StoredFieldStore } from '../../src/store/stored-fields.js'
import { mutate, mutations, typedOnly } from '../helpers/mutations.js'
import { run } from '../helpers/stored-fields.js'

const LONG = 'ভ্লাদিভোস্টকে পুতিন ও কিমের বৈঠক নিয়ে ওয়াশিংটনের প্রতিক্রিয়া। '.repeat(12)

/** The parts laid out in one buffer, each 8-byte aligned, as a saved file would hold them: views, not copies. */
function packed(parts: StoredFieldParts): StoredFieldParts {
  const entries = Object.entries(parts) as [keyof StoredFieldParts, Uint8Array | Uint32Array][]
  const size = entries.reduce((total, [, part]) => total + Math.ceil(part.byteLength / 8) * 8, 0)
  const buffer = new ArrayBuffer(size)
  let offset = 0
  const out: Record<string, Uint8Array | Uint32Array> = {}
  for (const [name, part] of entries) {
    new Uint8Array(buffer, offset, part.byteLength).set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength))
    out[name] = part instanceof Uint32Array ? new Uint32Array(buffer, offset, part.length) : new Uint8Array(buffer, offset, part.length)
    offset += Math.ceil(part.byteLength / 8) * 8
  }
  return out as unknown as StoredFieldParts
}

function snapshot(parts: StoredFieldParts): number[][] {
  return Object.values(parts).map((part: Uint8Array | Uint32Array) => [...part])
}


function sample(blockSize = 1024): StoredFieldStore {
  const store = new StoredFieldStore({ blockSize })
  for (let doc = 0; doc < 30; doc++) store.add(doc, doc % 7 === 3 ? undefined : { title: `শিরোনাম ${doc}`, text: `${doc} ${LONG}`, year: 2000 + doc, tags: doc % 2 ? ['ক', doc] : null })
  return store
}

describe('StoredFieldStore: toParts and fromParts', () => {
  it('round-trips in any order, from views of one buffer, after removals and compactions (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), fields: fc.dictionary(fc.constantFrom('title', 'text', 'n', '__proto__'), fc.oneof(fc.string({ maxLength: 90 }), fc.constantFrom(LONG, LONG + 'ক'), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }), skip: fc.constantFrom(0, 0, 2) }) },
            { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
            { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
          ),
          { maxLength: 40 },
        ),
        fc.integer(),
        fc.constantFrom(256, 4096),
        (ops, seed, blockSize) => {
          const { store, oracle } = run(ops, { blockSize })
          const order = shuffle([...oracle.keys()], seed)
          const parts = packed(store.toParts(order))
          const before = snapshot(parts)
          const loaded = StoredFieldStore.fromParts(parts, order.length, { blockSize })
          order.forEach((doc, i) => {
            expect(loaded.get(i)).toEqual(oracle.get(doc))
            expect({ ...loaded.getLazy(i) }).toEqual(oracle.get(doc))
          })
          expect(loaded.get(order.length)).toBeUndefined()
          // the loaded store takes new documents and removals, and never writes into the parts
          loaded.add(order.length + 1, { text: LONG, title: 'নতুন' })
          if (order.length > 0) loaded.remove(0)
          loaded.compact()
          expect(snapshot(parts)).toEqual(before)
          const again = shuffle([...Array(order.length + 2).keys()].filter((doc) => loaded.has(doc)), seed + 1)
          const reloaded = StoredFieldStore.fromParts(loaded.toParts(again), again.length)
          again.forEach((doc, i) => expect(reloaded.get(i)).toEqual(loaded.get(doc)))
        },
      ),
      { numRuns: 120, seed: 7 },
    )
  })

  it('copies blocks as they are and compresses only the open block', () => {
    const store = sample()
    store.add(30, { text: 'খোলা ব্লকের লেখা '.repeat(8) })
    const order = [...Array(31).keys()]
    const parts = store.toParts(order)
    expect(parts.blockOffsets.length - 1).toBe(store.stats().blocks + 1)
    expect(parts.docBlocks[3]).toBe(NO_BLOCK)
    expect(parts.blocks.length).toBe(parts.blockOffsets[parts.blockOffsets.length - 1])
    const loaded = StoredFieldStore.fromParts(parts, 31)
    expect(loaded.get(30)).toEqual(store.get(30))
    // only the blocks the saved documents use are kept
    const few = store.toParts([0, 1])
    expect(few.blockOffsets.length - 1).toBe(1)
  })

  it('refuses an order with a missing, removed or repeated document', () => {
    const store = sample()
    store.remove(5)
    for (const order of [[0, 0], [5], [99], [-1], [1.5]]) {
      expect(() => store.toParts(order)).toThrow(/INVALID_ARGUMENT/)
    }
  })

  const base = (): StoredFieldParts => sample().toParts([...Array(30).keys()])
  it.each<[string, (parts: StoredFieldParts) => [StoredFieldParts, number]]>([
    ['a document count that does not match the tables', (parts) => [parts, 29]],
    ['a negative document count', (parts) => [parts, -1]],
    ['record offsets that go backwards', (parts) => [{ ...parts, recordOffsets: parts.recordOffsets.map((offset, i) => (i === 5 ? 0 : offset)) }, 30]],
    ['record offsets that end short of the records', (parts) => [{ ...parts, records: new Uint8Array(parts.records.length + 1) }, 30]],
    ['a block number past the blocks', (parts) => [{ ...parts, docBlocks: parts.docBlocks.map((block, i) => (i === 2 ? 999 : block)) }, 30]],
    ['block offsets that do not start at 0', (parts) => [{ ...parts, blockOffsets: parts.blockOffsets.map((offset, i) => (i === 0 ? 1 : offset)) }, 30]],
    ['empty block offsets', (parts) => [{ ...parts, blockOffsets: new Uint32Array(0) }, 30]],
    ['a table of the wrong type', (parts) => [{ ...parts, docStarts: new Uint8Array(30) as unknown as Uint32Array }, 30]],
    ['field names cut short', (parts) => [{ ...parts, fieldNames: parts.fieldNames.subarray(0, 3) }, 30]],
    ['a field name twice', (parts) => [{ ...parts, fieldNames: new Uint8Array([2, 1, 0x41, 1, 0x41]) }, 30]],
  ])('refuses %s at load with MALFORMED_INDEX', (_what, damage) => {
    const [parts, count] = damage(base())
    expect(() => StoredFieldStore.fromParts(parts, count)).toThrow(/MALFORMED_INDEX/)
  })

  it.each<[string, (parts: StoredFieldParts) => StoredFieldParts]>([
    ['a record that names an unknown field', (parts) => ({ ...parts, fieldNames: new Uint8Array([1, 1, 0x41]) })],
    ['a document start past its block', (parts) => ({ ...parts, docStarts: parts.docStarts.map((start) => start + 100_000) })],
    ['a damaged block', (parts) => ({ ...parts, blocks: parts.blocks.map((byte, i) => (i > 10 && i < 200 ? 0xff : byte)) })],
    ['a document moved to a block without it', (parts) => ({ ...parts, docBlocks: parts.docBlocks.map((block) => (block === NO_BLOCK ? block : 0)) })],
  ])('refuses %s with MALFORMED_INDEX when it is read', (_what, damage) => {
    const loaded = StoredFieldStore.fromParts(damage(base()), 30)
    const failures = [...Array(30).keys()].filter((doc) => !typedOnly(() => loaded.get(doc)))
    expect(failures.length).toBeGreaterThan(0)
  })

  it('leaves a loaded store as it was when compact() meets a damaged block', () => {
    const parts = base()
    const intact = StoredFieldStore.fromParts(parts, 30)
    const blocks = parts.blocks.slice()
    blocks.fill(0xff, 0, parts.blockOffsets[1])
    const loaded = StoredFieldStore.fromParts({ ...parts, blocks }, 30)
    const docs = [...Array(30).keys()]
    const inFirst = docs.filter((doc) => parts.docBlocks[doc] === 0)
    const elsewhere = docs.filter((doc) => parts.docBlocks[doc] !== 0)
    expect(loaded.remove(inFirst[0] as number)).toBe(true)
    expect(() => loaded.compact()).toThrow(/MALFORMED_INDEX/)
    expect(loaded.stats().blocks).toBe(intact.stats().blocks)
    for (const doc of elsewhere) expect(loaded.get(doc)).toEqual(intact.get(doc))
    expect(() => loaded.get(inFirst[1] as number)).toThrow(/MALFORMED_INDEX/)
  })

  it('turns damaged parts into MALFORMED_INDEX, at load or at the first read, never another error (fuzz)', () => {
    const store = sample(700)
    store.add(30, { text: LONG.slice(0, 300), n: [1, { a: 'খ' }] })
    const parts = store.toParts([...Array(31).keys()].reverse())
    const names = Object.keys(parts) as (keyof StoredFieldParts)[]
    let loadedAndRead = 0
    fc.assert(
      fc.property(fc.constantFrom(...names), mutations, fc.constantFrom(0, 0, 0, 1, -1), (name, damage, countChange) => {
        const part = parts[name]
        const bytes = mutate(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), damage)
        const damaged = part instanceof Uint32Array ? new Uint32Array(bytes.slice(0, bytes.length & ~3).buffer) : bytes
        const ok = typedOnly(() => {
          const loaded = StoredFieldStore.fromParts({ ...parts, [name]: damaged }, 31 + countChange)
          for (let doc = 0; doc < 31 + countChange; doc++) {
            typedOnly(() => loaded.get(doc))
            typedOnly(() => JSON.stringify(loaded.getLazy(doc)))
          }
        })
        if (ok) loadedAndRead++
      }),
      { numRuns: 2500, seed: 31 },
    )
    expect(loadedAndRead).toBeGreaterThan(0)
  })
})

function shuffle(values: number[], seed: number): number[] {
  let state = seed >>> 0
  for (let i = values.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    const j = state % (i + 1)
    ;[values[i], values[j]] = [values[j] as number, values[i] as number]
  }
  return values
}

