/**
 * The Node helpers: loadCorpus (folders of .txt, JSON Lines, JSON arrays), indexCorpus, and index
 * files on disk. Every refused input must give an INVALID_ARGUMENT (or MALFORMED_INDEX) error
 * that names the file, and the line where there is one.
 */

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BanglaSearchError, SearchIndex } from '../../src/index.js'
import { indexCorpus, loadCorpus, loadIndex, loadIndexFile, saveIndex, saveIndexFile, type IndexProgress, type LoadProgress } from '../../src/node/index.js'

let dir: string

/** Writes a file under the temporary folder and returns its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return path
}

/** The error a promise rejects with, checked to be a BanglaSearchError. */
async function failure(promise: Promise<unknown>): Promise<BanglaSearchError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(BanglaSearchError)
  return error as BanglaSearchError
}

const jsonl = (...records: unknown[]): string => records.map((record) => JSON.stringify(record)).join('\n')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangla-search-node-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('loadCorpus: a folder of .txt files', () => {
  it('reads every .txt file below the folder: id from the name, title from the first non-empty line', async () => {
    file('folder/খবর-১.txt', '\uFEFF\n  পুতিনের সফর  \n\nরুশ প্রেসিডেন্ট পুতিন উত্তর কোরিয়ায়।\nদ্বিতীয় অনুচ্ছেদ।\n')
    file('folder/sub/kim.TXT', 'কিমের ট্রেন\r\nকিম জং উন ট্রেনে করে এসেছেন।\r\n')
    file('folder/.hidden.txt', 'লুকানো')
    file('folder/notes.md', '# not a document')
    file('folder/empty.txt', '\n \n')
    const documents = await loadCorpus(join(dir, 'folder'))
    expect(documents).toEqual([
      { id: 'empty', title: '', text: '' },
      { id: 'kim', title: 'কিমের ট্রেন', text: 'কিম জং উন ট্রেনে করে এসেছেন।' },
      { id: 'খবর-১', title: 'পুতিনের সফর', text: 'রুশ প্রেসিডেন্ট পুতিন উত্তর কোরিয়ায়।\nদ্বিতীয় অনুচ্ছেদ।' },
    ])
  })

  it('puts the id under idField and reports progress in bytes', async () => {
    const reports: LoadProgress[] = []
    const documents = await loadCorpus(join(dir, 'folder'), { idField: 'slug', onProgress: (p) => reports.push(p) })
    expect(documents.map((d) => d['slug'])).toEqual(['empty', 'kim', 'খবর-১'])
    const last = reports[reports.length - 1]
    expect(last?.documents).toBe(3)
    expect(last?.bytesRead).toBe(last?.bytesTotal)
  })

  it('reads the seed corpus', async () => {
    const documents = await loadCorpus('corpus/seeds')
    expect(documents.map((d) => d['id'])).toEqual(['000_ec15b545c941e6ec', '001_1ff270c84b67ced4', '002_0173dfa57226af1f', '003_f6249b16bbaef17f', '004_6e08107ec4b0f46b'])
    // real headlines: not the section name, the menu letter or the date lines at the top of a file
    expect(documents.map((d) => d['title'])).toEqual([
      'রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে বৈঠকে বসতে রাশিয়ায় পৌঁছেছেন উত্তর কোরীয় নেতা কিম জং উন।',
      'সাম্রাজ্যবাদের বিরুদ্ধে একসঙ্গে লড়বো, পুতিনকে কিম',
      'উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়ায় পৌঁছেছেন, মঙ্গলবার জাপানি মিডিয়া জানিয়েছে',
      'উত্তর কোরিয়া ও রাশিয়া দুই দেশই কূটনৈতিকভাবে বাকি বিশ্ব থেকে অনেকটা বিচ্ছিন্ন।',
      'গোপনে রাশিয়ায় যাচ্ছেন কিম, যে বার্তা দিলো ওয়াশিংটন',
    ])
  })

  it('refuses two files with the same name, an empty folder, other fields, and non-UTF-8 text', async () => {
    file('twins/a/১.txt', 'ক')
    file('twins/b/১.txt', 'খ')
    expect((await failure(loadCorpus(join(dir, 'twins')))).message).toMatch(/"a\/১\.txt" and "b\/১\.txt" in ".*twins" both give the document id "১"; rename one/u)
    mkdirSync(join(dir, 'void'))
    const empty = await failure(loadCorpus(join(dir, 'void')))
    expect(empty.code).toBe('INVALID_ARGUMENT')
    expect(empty.message).toMatch(/holds no \.txt files/u)
    expect((await failure(loadCorpus(join(dir, 'folder'), { fields: ['title', 'body'] }))).message).toMatch(/give only the fields "title" and "text"; remove "body"/u)
    file('latin1/old.txt', Buffer.from([0x41, 0xe9, 0x0a]))
    expect((await failure(loadCorpus(join(dir, 'latin1')))).message).toMatch(/old\.txt": it is not UTF-8 text/u)
  })
})

describe('loadCorpus: JSON Lines', () => {
  it('streams one object per line, skipping blank lines', async () => {
    const path = file('news.jsonl', `${jsonl({ id: 1, title: 'পুতিনের সফর', text: 'উত্তর কোরিয়ায়' })}\n\n${jsonl({ id: 'b', title: 'কিম', text: null })}\n`)
    expect(await loadCorpus(path)).toEqual([
      { id: 1, title: 'পুতিনের সফর', text: 'উত্তর কোরিয়ায়' },
      { id: 'b', title: 'কিম', text: null },
    ])
  })

  it('reads .jsonl.gz', async () => {
    const path = file('news.jsonl.gz', gzipSync(jsonl({ id: 1, text: 'ঢাকায় বৃষ্টি' }, { id: 2, text: 'চট্টগ্রামে রোদ' })))
    expect((await loadCorpus(path)).map((d) => d['text'])).toEqual(['ঢাকায় বৃষ্টি', 'চট্টগ্রামে রোদ'])
  })

  it('names the line of a record that is not valid JSON', async () => {
    const path = file('bad.jsonl', `${jsonl({ id: 1, text: 'ক' })}\n\n{"id": 2, "text": "খ" "x"}\n${jsonl({ id: 3, text: 'গ' })}`)
    const error = await failure(loadCorpus(path))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toMatch(/^INVALID_ARGUMENT: .*bad\.jsonl line 3: not valid JSON \(.*\)\. Each line must hold one JSON object; fix or delete that line\.$/u)
  })

  it('names the line of a record without an id, with a duplicate id, with a non-string field, or that is not an object', async () => {
    const cases: [string, string, RegExp][] = [
      ['no-id.jsonl', jsonl({ id: 1, text: 'ক' }, { text: 'খ' }), /no-id\.jsonl line 2: the record has no "id" field; .*--id in the CLI/u],
      ['twice.jsonl', jsonl({ id: 7, text: 'ক' }, { id: 8 }, { id: 7, text: 'গ' }), /twice\.jsonl line 3: id 7 was already used on line 1; ids must be unique/u],
      ['number.jsonl', jsonl({ id: 1, title: 'ক', text: 12 }), /number\.jsonl line 1: field "text" holds 12; a field to index must hold a string/u],
      ['array.jsonl', jsonl([1, 2]), /array\.jsonl line 1: expected a JSON object .*, got an array/u],
    ]
    for (const [name, content, message] of cases) {
      expect((await failure(loadCorpus(file(name, content)))).message).toMatch(message)
    }
  })

  it('uses idField and fields, and refuses a corpus where no record has a field to index', async () => {
    const path = file('headlines.jsonl', jsonl({ slug: 'ক', headline: 'পুতিনের সফর' }, { slug: 'খ', headline: 'কিমের ট্রেন' }))
    const error = await failure(loadCorpus(path, { idField: 'slug' }))
    expect(error.message).toMatch(/none of its 2 records has a field "title" or "text"; the first record has the fields "slug", "headline"\. Name the fields/u)
    expect(await loadCorpus(path, { idField: 'slug', fields: ['headline'] })).toHaveLength(2)
  })
})

describe('loadCorpus: a JSON array', () => {
  it('reads an array of objects', async () => {
    const path = file('news.json', JSON.stringify([{ id: 1, title: 'পুতিন' }, { id: 2, text: 'কিম' }], null, 2))
    expect(await loadCorpus(path)).toEqual([
      { id: 1, title: 'পুতিন' },
      { id: 2, text: 'কিম' },
    ])
  })

  it('gives the line and column of a syntax error, and the item of a bad record', async () => {
    const syntax = await failure(loadCorpus(file('broken.json', '[\n  {"id": 1, "title": "ক"},\n  {"id": 2 "title": "খ"}\n]')))
    expect(syntax.message).toMatch(/broken\.json line 3 column 12: not valid JSON/u)
    const item = await failure(loadCorpus(file('items.json', JSON.stringify([{ id: 1, title: 'ক' }, { title: 'খ' }]))))
    expect(item.message).toMatch(/items\.json item 2: the record has no "id" field/u)
  })

  it('refuses an object, and points to loadIndexFile for a saved index', async () => {
    expect((await failure(loadCorpus(file('object.json', '{"id": 1}')))).message).toMatch(/must hold an array of objects; got an object/u)
    const index = new SearchIndex({ fields: ['text'] })
    index.add({ id: 1, text: 'পুতিন' })
    const saved = file('saved.json', JSON.stringify(index.toJSON()))
    expect((await failure(loadCorpus(saved))).message).toMatch(/it is a saved index; open it with loadIndexFile\(\)/u)
  })
})

describe('loadCorpus: bad paths', () => {
  it('says what to fix for a missing path, an unknown file type or an unreadable file', async () => {
    const missing = await failure(loadCorpus(join(dir, 'নেই')))
    expect(missing.code).toBe('INVALID_ARGUMENT')
    expect(missing.message).toMatch(/Cannot open ".*নেই": it does not exist; check the path/u)
    expect((await failure(loadCorpus(file('data.csv', 'id,text')))).message).toMatch(/is not a corpus: give a folder of \.txt files, a \.jsonl/u)
    expect((await failure(loadCorpus(''))).message).toMatch(/loadCorpus\(\) takes the path/u)
    const locked = file('locked.jsonl', jsonl({ id: 1, text: 'ক' }))
    chmodSync(locked, 0)
    try {
      const canStillRead = (() => {
        try {
          readFileSync(locked)
          return true
        } catch {
          return false
        }
      })()
      if (!canStillRead) expect((await failure(loadCorpus(locked))).message).toMatch(/Cannot read ".*locked\.jsonl": permission denied/u)
    } finally {
      chmodSync(locked, 0o644)
    }
  })
})

describe('indexCorpus', () => {
  it('indexes title and text and stores them, reporting both phases', async () => {
    const reports: IndexProgress[] = []
    const index = await indexCorpus(join(dir, 'folder'), { onProgress: (p) => reports.push(p) })
    expect(index.size).toBe(3)
    const [hit] = index.search('পুতিন', { highlight: true })
    expect(hit?.id).toBe('খবর-১')
    expect(hit?.['title']).toBe('পুতিনের সফর')
    expect(hit?.['text']).toMatch(/^রুশ প্রেসিডেন্ট/u)
    expect(new Set(reports.map((p) => p.phase))).toEqual(new Set(['read', 'index']))
    const last = reports[reports.length - 1]
    expect(last).toMatchObject({ phase: 'index', documents: 3, totalDocuments: 3 })
    expect(last?.bytes).toBe(last?.totalBytes)
  })

  it('passes the index options on: fields, idField, storeFields', async () => {
    const path = file('opts.jsonl', jsonl({ slug: 'ক', headline: 'ভ্লাদিভোস্টকে বৈঠক', body: 'কিছু না' }))
    const index = await indexCorpus(path, { idField: 'slug', fields: ['headline'], storeFields: [] })
    const [hit] = index.search('ভ্লাদিভস্তক')
    expect(hit?.id).toBe('ক')
    expect(hit?.['headline']).toBeUndefined()
  })
})

describe('saveIndex and loadIndex', () => {
  it('writes the binary format by default, atomically, and reads either format by content', async () => {
    const index = await indexCorpus('corpus/seeds')
    const folder = join(dir, 'binary')
    mkdirSync(folder, { recursive: true })
    const path = join(folder, 'সূচি.json') // the name does not decide the format
    const info = await saveIndex(index, path)
    expect(readFileSync(path)).toEqual(Buffer.from(index.toBytes()))
    expect(info).toMatchObject({ path, documents: 5, bytes: index.toBytes().length })
    expect(info.terms).toBeGreaterThan(100)
    // replacing an existing file leaves no temporary file behind
    await saveIndex(index, path)
    expect(readdirSync(folder)).toEqual(['সূচি.json'])
    const jsonPath = join(folder, 'index.idx')
    await saveIndex(index, jsonPath, { format: 'json' })
    expect(readFileSync(jsonPath, 'utf8')).toBe(JSON.stringify(index.toJSON()))
    for (const loaded of [await loadIndex(path), await loadIndex(jsonPath)]) {
      for (const query of ['ভ্লাদিভোস্টক', 'vladivostok', 'পুতিনের সফর']) expect(loaded.search(query)).toEqual(index.search(query))
    }
    expect((await failure(saveIndex(index, path, { format: 'xml' as never }))).code).toBe('INVALID_OPTION')
  })

  it('names the file of a damaged binary index and of a file that is neither format', async () => {
    const index = await indexCorpus('corpus/seeds')
    const bytes = index.toBytes()
    const cut = join(dir, 'cut.idx')
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1))
    expect((await failure(loadIndex(cut))).message).toMatch(/^MALFORMED_INDEX: ".*cut\.idx": .*cut short/u)
    expect((await failure(loadIndex(file('neither.idx', 'plain text')))).message).toMatch(/neither a binary saved index nor a JSON one/u)
  })
})

describe('saveIndexFile and loadIndexFile', () => {
  it('round-trips an index through a file, writing exactly JSON.stringify(index.toJSON())', async () => {
    const index = await indexCorpus('corpus/seeds')
    const path = join(dir, 'saved', 'সূচি.json')
    mkdirSync(dirname(path), { recursive: true })
    const info = await saveIndexFile(index, path)
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(JSON.stringify(index.toJSON()))
    expect(info).toMatchObject({ path, bytes: Buffer.byteLength(text), documents: 5 })
    expect(info.terms).toBeGreaterThan(100)
    expect(readdirSync(dirname(path))).toEqual(['সূচি.json'])
    const loaded = await loadIndexFile(path)
    for (const query of ['ভ্লাদিভোস্টক', 'vladivostok', 'পুতিনের সফর']) {
      expect(loaded.search(query)).toEqual(index.search(query))
    }
  })

  it('names the file of a malformed index, and refuses a missing file, a folder or a corpus', async () => {
    const broken = await failure(loadIndexFile(file('broken-index.json', '{"format": "bangla-search-index", "version": 1')))
    expect(broken.code).toBe('MALFORMED_INDEX')
    expect(broken.message).toMatch(/^MALFORMED_INDEX: ".*broken-index\.json": .*not valid JSON/u)
    const missing = await failure(loadIndexFile(join(dir, 'nothing.json')))
    expect(missing.code).toBe('INVALID_ARGUMENT')
    expect((await failure(loadIndexFile(dir))).message).toMatch(/is a folder; loadIndex\(\) reads a saved index file/u)
    expect((await failure(loadIndexFile(join(dir, 'news.json')))).message).toMatch(/holds a JSON array \(a corpus\?\), not a saved index/u)
  })

  it('refuses to write into a missing folder and leaves no temporary file', async () => {
    const index = new SearchIndex({ fields: ['text'] })
    const error = await failure(saveIndexFile(index, join(dir, 'no-such-folder', 'i.json')))
    expect(error.message).toMatch(/Cannot write ".*i\.json": its folder does not exist; create the folder first/u)
  })
})
