import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')

/** Runs a snippet in a fresh Node process, from the project folder, against the built dist/. */
function run(code: string, type: 'module' | 'commonjs'): string {
  const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs'
  return execFileSync(process.execPath, [flag, '-e', code], { cwd: root, encoding: 'utf8' }).trim()
}

const SCRIPT = (load: string) => `
${load}
const index = new SearchIndex({ fields: ['text'], storeFields: ['text'] })
index.addAll([{ id: 1, text: 'রুশ প্রেসিডেন্ট পুতিনের সঙ্গে ভ্লাদিভোস্টকে বৈঠক' }, { id: 2, text: 'ঢাকায় ২০১৯ সালে' }])
const again = SearchIndex.fromJSON(JSON.stringify(index.toJSON()))
console.log(JSON.stringify({
  alias: again.search('ভ্লাদিভস্তক').map((h) => [h.id, h.match[0].kind]),
  roman: index.search('vladivostok').map((h) => h.id),
  digits: index.search('2019').map((h) => h.id),
  stem: stem('পুতিনের'),
  key: aliasKey('ভ্লাদিভস্তক') === aliasKey('ভ্লাদিভোস্টক'),
  normal: normalize('২০১৯'),
  tokens: tokenize('পুতিনের সঙ্গে').map((t) => [t.term, t.start, t.end]),
  analyzed: analyze('পুতিনের')[0].stems,
}))`

const EXPECTED = {
  alias: [[1, 'alias']],
  roman: [1],
  digits: [2],
  stem: 'পুতিন',
  key: true,
  normal: '2019',
  tokens: [['পুতিনের', 0, 7], ['সঙ্গে', 8, 13]],
  analyzed: ['পুতিন'],
}

describe('the built package', () => {
  it('works through import (ESM)', () => {
    const out = run(SCRIPT("import { SearchIndex, stem, aliasKey, normalize, tokenize, analyze } from 'bangla-search'"), 'module')
    expect(JSON.parse(out)).toEqual(EXPECTED)
  })

  it('works through require (CommonJS)', () => {
    const out = run(SCRIPT("const { SearchIndex, stem, aliasKey, normalize, tokenize, analyze } = require('bangla-search')"), 'commonjs')
    expect(JSON.parse(out)).toEqual(EXPECTED)
  })

  it('throws typed errors from dist too', () => {
    const out = run(
      "const { SearchIndex, BanglaSearchError } = require('bangla-search'); try { new SearchIndex({ fields: [] }) } catch (e) { console.log(e instanceof BanglaSearchError, e.code) }",
      'commonjs',
    )
    expect(out).toBe('true INVALID_OPTION')
  })

  it('serves bangla-search/opensearch through import and require, without the official clients', () => {
    const script = (load: string) => `${load}
const options = { index: 'articles', fields: ['text'] }
const doc = toOpenSearchDocument({ id: 1, text: 'পুতিনের সফর' }, options)
console.log(JSON.stringify([doc.body.bangla.text, Object.keys(toOpenSearchQuery('পুতিন', options).query)[0]]))`
    const expected = ['পুতিনের|~পুতিন সফর|~সফর', 'dis_max']
    expect(JSON.parse(run(script("import { toOpenSearchDocument, toOpenSearchQuery } from 'bangla-search/opensearch'"), 'module'))).toEqual(expected)
    expect(JSON.parse(run(script("const { toOpenSearchDocument, toOpenSearchQuery } = require('bangla-search/opensearch')"), 'commonjs'))).toEqual(expected)
  })
})
