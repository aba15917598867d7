/**
 * The long fuzz run of the stored-field store (`npm test` runs a few thousand cases of the same):
 * damaged compressed blocks and damaged store parts, 100,000 of them by default, seeded. Each must
 * decode to something or give `MALFORMED_INDEX`; any other error fails the run with the case that
 * caused it. The five slowest cases are reported, with the size of what they read.
 *
 *   node --import tsx bench/fuzz-store.ts [--runs=100000] [--seed=20250601]
 */

import fc from 'fast-check'
import { compressBlock, decompressBlock } from '../src/store/lz.js'
import type { StoredFieldParts } from '../src/store/parts.js'
import { StoredFieldStore } from '../src/store/stored-fields.js'
import { encodeText } from '../src/store/text-codec.js'
import { inPlaceMutations, mutate, mutations, typedOnly } from '../test/helpers/mutations.js'

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const runs = Number(args.get('runs') ?? 100_000)
const seed = Number(args.get('seed') ?? 20_250_601)

const WORDS = ['পুতিন', 'রাশিয়ার', 'কিমের', 'বৈঠক', 'ভ্লাদিভোস্টকে', 'উত্তর', 'কোরিয়া', 'সফরে', '২০১৯', 'Moscow', '।', '“সংবাদ”']
function text(words: number, salt: number): string {
  let state = salt
  return Array.from({ length: words }, () => WORDS[(state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) % WORDS.length]).join(' ')
}

// compressed blocks of every method and size
const blocks = [
  compressBlock(encodeText(text(800, 1))),
  compressBlock(encodeText(text(800, 2)), 9),
  compressBlock(encodeText(text(300, 3)), 1, false),
  compressBlock(new Uint8Array(5000).fill(7)),
  compressBlock(Uint8Array.from({ length: 400 }, (_, i) => (i * 7919) % 251)),
  compressBlock(encodeText(Array.from({ length: 900 }, (_, i) => 'ককাি রন।'[(i * i) % 8]).join(''))),
]
// a store with hot and cold fields, JSON values, a document without fields, the open block used
const store = new StoredFieldStore({ blockSize: 2048 })
for (let doc = 0; doc < 40; doc++) {
  store.add(doc, doc % 9 === 4 ? undefined : { title: text(4, doc), text: text(60 + doc * 5, doc), year: 1990 + doc, tags: [text(2, doc), doc] })
}
const docCount = 40
const parts = store.toParts([...Array(docCount).keys()].reverse())
const partNames = Object.keys(parts) as (keyof StoredFieldParts)[]

const counts = { blockDecoded: 0, blockRefused: 0, storeLoaded: 0, storeRefused: 0, readsOk: 0, readsRefused: 0 }
const slowest: { ms: number; what: string }[] = []
const times: number[] = []


function timed(what: string, action: () => void): void {
  const start = process.cpuUsage()
  action()
  const used = process.cpuUsage(start)
  const ms = (used.user + used.system) / 1000
  times.push(ms)
  slowest.push({ ms, what })
  slowest.sort((a, b) => b.ms - a.ms)
  slowest.length = Math.min(slowest.length, 5)
}

const started = performance.now()
fc.assert(
  // parts damaged in place half the time: a changed length is mostly caught at load, in place damage mostly at reads
  fc.property(fc.boolean(), fc.nat(), fc.oneof(mutations, inPlaceMutations), fc.constantFrom(0, 0, 0, 1, -1), (onBlock, pick, damage, countChange) => {
    if (onBlock) {
      const bytes = mutate(blocks[pick % blocks.length] as Uint8Array, damage)
      timed(`block of ${bytes.length} bytes`, () => {
        if (typedOnly(() => decompressBlock(bytes, 1 << 22))) counts.blockDecoded++
        else counts.blockRefused++
      })
      return
    }
    const name = partNames[pick % partNames.length] as keyof StoredFieldParts
    const part = parts[name]
    const bytes = mutate(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), damage)
    const damaged = part instanceof Uint32Array ? new Uint32Array(bytes.slice(0, bytes.length & ~3).buffer) : bytes
    timed(`part ${name} of ${bytes.length} bytes`, () => {
      let loaded: StoredFieldStore | undefined
      if (!typedOnly(() => (loaded = StoredFieldStore.fromParts({ ...parts, [name]: damaged }, docCount + countChange)))) {
        counts.storeRefused++
        return
      }
      counts.storeLoaded++
      for (let doc = 0; doc < docCount + countChange; doc++) {
        const ok = typedOnly(() => loaded?.get(doc)) && typedOnly(() => JSON.stringify(loaded?.getLazy(doc)))
        if (ok) counts.readsOk++
        else counts.readsRefused++
      }
    })
  }),
  { numRuns: runs, seed },
)
const seconds = (performance.now() - started) / 1000
console.log(`${runs} damaged inputs (seed ${seed}) in ${seconds.toFixed(1)} s: none escaped as another error`)
console.log(counts)
times.sort((a, b) => a - b)
const at = (q: number): string => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2)
console.log(`CPU time per case: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, p99.9 ${at(0.999)} ms`)
console.log(`slowest cases: ${slowest.map(({ ms, what }) => `${ms.toFixed(1)} ms (${what})`).join(', ')}`)
