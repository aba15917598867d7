/**
 * Every example in README.md and docs/*.md runs as written and prints what the docs say
 * (blocks.ts says which blocks and how; mask.ts what is not compared). Needs the built dist/
 * (`npm test` builds first).
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractBlocks, type DocBlock } from './blocks.js'
import { checkBlocks, type BlockResult } from './check.js'
import { ROOT } from './workspace.js'

/** The Markdown files whose examples are checked (docs/api/ is generated and not Markdown we write). */
const DOC_FILES = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)].sort()

const blocks = DOC_FILES.flatMap((file) => extractBlocks(readFileSync(path.join(ROOT, file), 'utf8'), file))
const checked = blocks.filter((block) => block.role === 'program' || block.role === 'shell' || block.role === 'transcript')
const dir = mkdtempSync(path.join(tmpdir(), 'bangla-search-docs-'))
let results: Map<DocBlock, BlockResult>

beforeAll(async () => {
  results = await checkBlocks(checked, dir, { install: true })
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the examples of the docs', () => {
  it('are found in every file that has some', () => {
    expect(checked.length).toBeGreaterThan(30)
    for (const file of ['README.md', 'docs/getting-started.md', 'docs/cli.md', 'docs/browser.md', 'docs/saved-format.md']) {
      expect(checked.some((block) => block.file === file)).toBe(true)
    }
  })

  for (const block of checked) {
    it(`${block.file}:${block.line} (${block.lang})`, (context) => {
      const result = results.get(block) as BlockResult
      expect(result.errors.join('\n\n')).toBe('')
      for (const { what, expected, actual } of result.comparisons) expect(actual, what).toBe(expected)
      if (result.skipped !== undefined) context.skip(result.skipped)
    })
  }
})
