import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '../../src/index.js'

interface GoldenCase {
  comment: string
  query: string
  expectTop: string[]
  expectKind?: string
  expectAbsent?: string[]
}

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, 'search-cases.json'), 'utf8')) as {
  documents: Array<{ id: string; title: string; text: string }>
  cases: GoldenCase[]
}

describe('golden search cases', () => {
  const index = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title'] })
  index.addAll(golden.documents)

  it.each(golden.cases.map((c) => [c.comment, c] as const))('%s', (_comment, golden) => {
    const hits = index.search(golden.query)
    const ids = hits.map((hit) => hit.id)
    if (golden.expectTop.length === 0) expect(ids).toEqual([])
    else expect(ids.slice(0, golden.expectTop.length).sort()).toEqual([...golden.expectTop].sort())
    for (const absent of golden.expectAbsent ?? []) expect(ids).not.toContain(absent)
    if (golden.expectKind !== undefined) expect(hits[0]?.match.map((m) => m.kind)).toContain(golden.expectKind)
  })
})

describe('saved index fixture of format version 1', () => {
  const fixture = fs.readFileSync(path.join(__dirname, 'index-v1.json'), 'utf8')

  it('still loads and answers like a fresh build of the same documents', () => {
    const loaded = SearchIndex.fromJSON(fixture)
    const fresh = new SearchIndex({ fields: ['title', 'text'], storeFields: ['title'], boost: { title: 2 }, aliases: [['চট্টগ্রাম', 'chittagong']] })
    fresh.addAll(golden.documents)
    expect(loaded.size).toBe(golden.documents.length)
    for (const { query } of golden.cases) {
      expect(loaded.search(query).map((hit) => hit.id), query).toEqual(fresh.search(query).map((hit) => hit.id))
    }
  })
})
