/**
 * Builds the demo's saved index, docs/demo/index.bin, from the bundled seed corpus with the
 * built library (dist/). This is the "build time" half of a serverless search page: the page
 * itself only fetches the bytes and calls SearchIndex.fromBytes.
 *
 * Run: `npm run build && node docs/demo/build-index.mjs` (serve.mjs runs it when needed).
 */

import { rename, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { SearchIndex } from '../../dist/index.js'
import { loadCorpus } from '../../dist/node.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CORPUS = `${ROOT}corpus/seeds`
export const INDEX_PATH = fileURLToPath(new URL('index.bin', import.meta.url))

/** The demo's index options: titles weigh double; both fields are stored for titles and snippets. */
const OPTIONS = { fields: ['title', 'text'], storeFields: ['title', 'text'], boost: { title: 2 } }

/**
 * Indexes the seed corpus and writes the saved index to `out` (through a temporary file and a
 * rename, so a page or test never reads a half-written file).
 *
 * @returns the number of documents and the size of the saved index in bytes
 */
export async function buildDemoIndex(out = INDEX_PATH) {
  const documents = await loadCorpus(CORPUS)
  const index = new SearchIndex(OPTIONS)
  index.addAll(documents)
  const bytes = index.toBytes()
  const temporary = `${out}.${process.pid}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, out)
  return { documents: index.size, bytes: bytes.length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { documents, bytes } = await buildDemoIndex()
  console.log(`wrote ${INDEX_PATH}: ${documents} documents, ${(bytes / 1024).toFixed(1)} KB`)
}
