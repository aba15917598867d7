/**
 * Stored fields on the blog corpus: every post's title and text in a StoredFieldStore, for a few
 * block sizes, against node:zlib's deflate per block as a reference (and the compressor without
 * its Huffman stage). Prints sizes (against the raw
 * UTF-8 text), compression throughput, get() latency (cold: the block is not cached; warm: it
 * is), the heap of the store, and toParts/fromParts times.
 *
 *   node --expose-gc --import tsx bench/stored-fields.ts [--limit=N] [--blocks=8192,16384,65536] [--level=3]
 *
 * Throughput is CPU time of this process (process.cpuUsage), steadier than wall time on a shared
 * machine; latencies are wall time, the best of three rounds of each percentile; the heap of a
 * store (JS heap and array buffers) is measured in a child process that builds only that store.
 */

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { compressBlock, decompressBlock } from '../src/store/lz.js'
import { StoredFieldStore } from '../src/store/stored-fields.js'
import { decodeText, encodeText } from '../src/store/text-codec.js'
import { dataPaths, readCorpus } from './corpus.js'

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const limit = args.has('limit') ? Number(args.get('limit')) : Infinity
const blockSizes = (args.get('blocks') ?? '8192,16384,65536').split(',').map(Number)
const level = Number(args.get('level') ?? 3)
const SAMPLES = 2000
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) console.warn('run with --expose-gc for heap figures')

const docs = (await readCorpus(dataPaths().blogCorpus, { limit })).map(({ title, text }) => ({ title: title ?? '', text }))
const utf8 = new TextEncoder()
const rawBytes = docs.reduce((size, doc) => size + utf8.encode(doc.title).length + utf8.encode(doc.text).length, 0)
const MB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
const share = (bytes: number): string => `${((100 * bytes) / rawBytes).toFixed(1)} %`
if (!args.has('heap-of')) console.log(`corpus: ${docs.length} posts, title + text ${MB(rawBytes)} of UTF-8, ${(docs.reduce((n, d) => n + d.title.length + d.text.length, 0) / 1e6).toFixed(1)} M code units`)
if (!args.has('heap-of')) console.log(`node ${process.version}, level ${level}, ${SAMPLES} random documents per latency figure\n`)

/** A seeded random document number. */
function randomDocs(count: number, seed: number): number[] {
  let state = seed
  return Array.from({ length: count }, () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) % docs.length)
}

function cpu<T>(action: () => T): { ms: number; result: T } {
  const start = process.cpuUsage()
  const result = action()
  const used = process.cpuUsage(start)
  return { ms: (used.user + used.system) / 1000, result }
}

/** p50 and p95 of `read` over the documents, in µs: the best of three rounds. */
function latency(read: (doc: number) => unknown, picks: readonly number[]): string {
  const rounds = [0, 1, 2].map(() => {
    const times = picks.map((doc) => {
      const start = performance.now()
      read(doc)
      return (performance.now() - start) * 1000
    })
    times.sort((a, b) => a - b)
    return [times[Math.floor(times.length * 0.5)] as number, times[Math.floor(times.length * 0.95)] as number]
  })
  const [p50, p95] = [0, 1].map((i) => Math.min(...rounds.map((round) => round[i] as number)))
  return `p50 ${(p50 as number).toFixed(0)} µs, p95 ${(p95 as number).toFixed(0)} µs`
}

/** Heap and array buffers in use, after collecting (array buffers are freed a little later: wait for it). */
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

if (args.has('heap-of')) {
  // the child process that measures one store's heap, with nothing else allocated around it
  const before = await memory()
  const store = new StoredFieldStore({ blockSize: Number(args.get('heap-of')), level })
  docs.forEach((doc, i) => store.add(i, doc))
  console.log(JSON.stringify({ heap: (await memory()) - before, size: store.size }))
  process.exit(0)
}

/** The heap of a store of the whole corpus, measured in a fresh process. */
function heapOf(blockSize: number): number {
  const script = fileURLToPath(import.meta.url)
  const flags = ['--expose-gc', '--import', 'tsx', script, `--heap-of=${blockSize}`, `--level=${level}`, ...(args.has('limit') ? [`--limit=${limit}`] : [])]
  const output = execFileSync(process.execPath, flags, { encoding: 'utf8' })
  return (JSON.parse(output.trim().split('\n').pop() as string) as { heap: number }).heap
}

const picks = randomDocs(SAMPLES, 42)
for (const blockSize of blockSizes) {
  const built = cpu(() => {
    const store = new StoredFieldStore({ blockSize, level })
    docs.forEach((doc, i) => store.add(i, doc))
    return store
  })
  const store = built.result
  const heap = heapOf(blockSize)
  const stats = store.stats()
  const saved = stats.compressedBytes + stats.openBytes + stats.hotBytes
  for (const [i, doc] of docs.entries()) if (i % 997 === 0 && store.get(i)?.['text'] !== doc.text) throw new Error(`document ${i} came back different`)
  console.log(`block ${blockSize / 1024} KiB: ${stats.blocks} blocks, compressed ${MB(stats.compressedBytes)} + records ${MB(stats.hotBytes)} = ${share(saved)} of the text`)
  console.log(`  add(): ${(rawBytes / 1e3 / built.ms).toFixed(1)} MB/s of UTF-8 (CPU), heap of the store ${MB(heap)}`)
  const order = [...docs.keys()]
  const parts = cpu(() => store.toParts(order))
  const loaded = cpu(() => StoredFieldStore.fromParts(parts.result, docs.length, { blockSize, cacheBlocks: 0 }))
  console.log(`  toParts ${parts.ms.toFixed(0)} ms, fromParts ${loaded.ms.toFixed(1)} ms`)
  console.log(`  get(), cold: ${latency((doc) => loaded.result.get(doc), picks)}`)
  const warm = StoredFieldStore.fromParts(parts.result, docs.length, { blockSize, cacheBlocks: 8 })
  const few = picks.slice(0, 4)
  console.log(`  get(), warm: ${latency((doc) => warm.get(doc), Array.from({ length: SAMPLES }, (_, i) => few[i % few.length] as number))}`)
  console.log(`  getLazy().title (hot): ${latency((doc) => loaded.result.getLazy(doc)?.['title'], picks)}`)
  references(blockSize)
  console.log()
}

/** Block bytes of the documents (title, newline, text), cut about where the store cuts its blocks. */
function cutBlocks(blockSize: number, encode: (text: string) => Uint8Array) {
  const blocks: Uint8Array[] = []
  const where: { block: number; start: number; end: number }[] = []
  let pending: Uint8Array[] = []
  let used = 0
  let units = 0
  const flush = (): void => {
    const block = new Uint8Array(used)
    let at = 0
    for (const part of pending) block.set(part, (at += part.length) - part.length)
    blocks.push(block)
    pending = []
    used = 0
    units = 0
  }
  for (const doc of docs) {
    const bytes = encode(`${doc.title}\n${doc.text}`)
    where.push({ block: blocks.length, start: used, end: used + bytes.length })
    pending.push(bytes)
    used += bytes.length
    units += doc.title.length + doc.text.length // encoded text takes about a byte per code unit
    if (units >= blockSize) flush()
  }
  if (used > 0) flush()
  return { blocks, where }
}

/**
 * References on the same blocks: node:zlib's deflate (level 6) of UTF-8 and of encoded text, and
 * this library's compressor with and without its Huffman stage. A cold get() inflates the block
 * and decodes the document's text.
 */
function references(blockSize: number): void {
  const encoded = cutBlocks(blockSize, encodeText)
  const plain = cutBlocks(blockSize, (text) => utf8.encode(text))
  const decoder = new TextDecoder()
  const codecs = [
    ['zlib deflate, UTF-8', plain, (b: Uint8Array) => deflateRawSync(b), (b: Uint8Array) => inflateRawSync(b), (b: Uint8Array) => decoder.decode(b)],
    ['zlib deflate, encoded text', encoded, (b: Uint8Array) => deflateRawSync(b), (b: Uint8Array) => inflateRawSync(b), decodeText],
    ['this LZ without Huffman, encoded text', encoded, (b: Uint8Array) => compressBlock(b, level, false), decompressBlock, decodeText],
    ['this LZ with Huffman, encoded text', encoded, (b: Uint8Array) => compressBlock(b, level), decompressBlock, decodeText],
  ] as const
  for (const [name, { blocks, where }, compress, decompress, decode] of codecs) {
    const compressed = cpu(() => blocks.map(compress))
    const size = compressed.result.reduce((total, block) => total + block.length, 0)
    const read = (doc: number): string => {
      const { block, start, end } = where[doc] as { block: number; start: number; end: number }
      return decode(decompress(compressed.result[block] as Uint8Array).subarray(start, end))
    }
    console.log(`  ${name}: ${share(size)}, ${(rawBytes / 1e3 / compressed.ms).toFixed(1)} MB/s (CPU), get() cold: ${latency(read, picks)}`)
  }
}
