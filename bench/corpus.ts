/**
 * Readers for the shared benchmark data. Nothing here copies data into the repository:
 * the corpora are read in place from `../shared/` (beside the repository checkout), or
 * from the folder named by `BANGLA_SEARCH_SHARED`.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createGunzip } from 'node:zlib'
import type { Doc } from './types.js'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The shared data folder: `$BANGLA_SEARCH_SHARED`, else `../shared` beside the repository. */
export function sharedDir(): string {
  return process.env.BANGLA_SEARCH_SHARED ?? resolve(REPO_ROOT, '..', 'shared')
}

/** Paths of every data file the benchmarks use. */
export function dataPaths(root = sharedDir()) {
  const evalDir = join(root, 'eval')
  return {
    root,
    blogCorpus: join(root, 'bench-corpus', 'sachalayatan.jsonl.gz'),
    devParagraphs: join(evalDir, 'seed-paragraphs.json'),
    devQueries: join(evalDir, 'queries-dev.json'),
    knownItem: join(evalDir, 'knownitem-sach'),
    dakshina: join(evalDir, 'dakshina-romanized'),
    banglaquad: join(evalDir, 'banglaquad'),
  }
}

export type DataPaths = ReturnType<typeof dataPaths>

/** True when the file or folder exists. */
export function present(path: string): boolean {
  return existsSync(path)
}

export interface ReadCorpusOptions {
  /** Stop after this many documents. */
  limit?: number
  /**
   * `'paragraphs'`: every non-empty line of a post's text is a document of its own (this corpus
   * separates paragraphs with single line breaks), id `<post id>#<line number>`, no title. Lines
   * typed in legacy Bijoy (three in the blog corpus, found by `isLegacy`) are left out: no engine
   * can search them as Bengali, and bangla-search refuses them by default.
   */
  shape?: 'posts' | 'paragraphs'
  /** Tells a legacy-encoded paragraph (required for the paragraph shape). */
  isLegacy?: (text: string) => boolean
  /** Called for every document as it is read (e.g. to count bytes) before it is kept. */
  onDoc?: (doc: Doc) => void
  /** Keep the documents (default true); false only streams them to `onDoc`. */
  keep?: boolean
}

/**
 * Streams a gzip-compressed JSON-lines corpus of `{ id, title, text }` objects.
 * Returns the documents in file order (at most `limit`).
 */
export async function readCorpus(path: string, options: ReadCorpusOptions = {}): Promise<Doc[]> {
  const { limit = Infinity, onDoc, keep = true, shape = 'posts', isLegacy } = options
  const docs: Doc[] = []
  if (limit <= 0) return docs
  const input = createReadStream(path)
  const gunzip = createGunzip()
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })
  let count = 0
  try {
    for await (const line of lines) {
      if (line.length === 0) continue
      const raw = JSON.parse(line) as { id: unknown; title?: unknown; text?: unknown }
      const doc: Doc = {
        id: String(raw.id),
        title: typeof raw.title === 'string' ? raw.title : '',
        text: typeof raw.text === 'string' ? raw.text : '',
      }
      const parts =
        shape === 'posts'
          ? [doc]
          : doc.text
              .split('\n')
              .map((text, line) => ({ id: `${doc.id}#${line}`, title: '', text }))
              .filter((part) => part.text.trim() !== '' && isLegacy?.(part.text) !== true)
      for (const part of parts) {
        onDoc?.(part)
        if (keep) docs.push(part)
        if (++count >= limit) break
      }
      if (count >= limit) break
    }
  } finally {
    lines.close()
    input.destroy()
    gunzip.destroy()
  }
  return docs
}

/** Reads a plain (not compressed) JSON-lines file. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T)
}

/** Reads a TREC-style `query<TAB>doc<TAB>grade` file into query → relevant doc ids. */
export function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [query, doc, grade] = line.trim().split('\t')
    if (!query || !doc || Number(grade ?? '1') <= 0) continue
    let set = qrels.get(query)
    if (!set) qrels.set(query, (set = new Set()))
    set.add(doc)
  }
  return qrels
}

/** Size of a string in UTF-8 bytes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
