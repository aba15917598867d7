/**
 * The evaluation sets of ../shared/eval/, loaded once: documents, indexed fields and
 * judged queries. See each folder's README for the data and its licence.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DataPaths, present, readJsonl, readQrels } from './corpus.js'
import type { Doc, Field, Mode } from './types.js'

export interface JudgedQuery {
  id: string
  text: string
  mode: Mode
  /** Dev set only: the category the query tests. */
  category?: string
  relevant: Set<string>
}

export interface QualitySet {
  /** Key used in results: `dev`, `banglaquad`, `dakshina`, `knownitem`. */
  key: string
  title: string
  /** Documents to index (empty for the known-item set, which uses the blog corpus). */
  docs: Doc[]
  fields: Field[]
  queries: JudgedQuery[]
  /** How results are cut: 10 for the dev set, 100 where recall@100 is reported. */
  limit: number
}

interface DevQuery {
  id: string
  category: string
  mode: string
  query: string
  relevant: string[]
}

/** Seed paragraphs + 36 dev queries (mode `prefix` → prefix search, others plain). */
export function loadDevSet(paths: DataPaths): QualitySet | undefined {
  if (!present(paths.devParagraphs) || !present(paths.devQueries)) return undefined
  const paragraphs = JSON.parse(readFileSync(paths.devParagraphs, 'utf8')) as Array<{ id: string; text: string }>
  const queries = JSON.parse(readFileSync(paths.devQueries, 'utf8')) as DevQuery[]
  return {
    key: 'dev',
    title: 'Dev queries (97 seed paragraphs)',
    docs: paragraphs.map((p) => ({ id: p.id, text: p.text })),
    fields: ['text'],
    queries: queries.map((q) => ({
      id: q.id,
      text: q.query,
      mode: q.mode === 'prefix' ? 'prefix' : 'plain',
      category: q.category,
      relevant: new Set(q.relevant),
    })),
    limit: 10,
  }
}

/** A `corpus.jsonl` + `queries.jsonl` + `qrels.tsv` folder; queries without judgments dropped. */
function loadRetrievalSet(
  dir: string,
  key: string,
  title: string,
  fields: Field[],
  withDocs: boolean,
): QualitySet | undefined {
  const queriesPath = join(dir, 'queries.jsonl')
  const qrelsPath = join(dir, 'qrels.tsv')
  const corpusPath = join(dir, 'corpus.jsonl')
  if (!present(queriesPath) || !present(qrelsPath) || (withDocs && !present(corpusPath))) return undefined
  const qrels = readQrels(qrelsPath)
  const queries: JudgedQuery[] = []
  for (const q of readJsonl<{ id: string; text: string }>(queriesPath)) {
    const relevant = qrels.get(q.id)
    if (relevant && relevant.size > 0) queries.push({ id: q.id, text: q.text, mode: 'plain', relevant })
  }
  const docs = withDocs
    ? readJsonl<{ id: string; title?: string; text: string }>(corpusPath).map((d) => ({
        id: d.id,
        title: d.title ?? '',
        text: d.text,
      }))
    : []
  return { key, title, docs, fields, queries, limit: 100 }
}

export function loadBanglaQuad(paths: DataPaths): QualitySet | undefined {
  return loadRetrievalSet(paths.banglaquad, 'banglaquad', 'BanglaQuAD questions → paragraphs', ['title', 'text'], true)
}

export function loadDakshina(paths: DataPaths): QualitySet | undefined {
  return loadRetrievalSet(paths.dakshina, 'dakshina', 'Dakshina romanised → Bengali sentences', ['text'], true)
}

/** Known-item title queries over the blog corpus (documents come from the scale suite). */
export function loadKnownItem(paths: DataPaths): QualitySet | undefined {
  return loadRetrievalSet(paths.knownItem, 'knownitem', 'Blog known-item (title → post, text field only)', ['text'], false)
}
