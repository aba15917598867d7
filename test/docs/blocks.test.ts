/**
 * The docs test's own parts: the extractor (blocks.ts), the masking rules (mask.ts), and the
 * checker (check.ts) on deliberately broken examples, which must fail.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { extractBlocks, parseTranscript, type DocBlock } from './blocks.js'
import { checkBlocks, type BlockResult } from './check.js'
import { mask } from './mask.js'

const FENCE = '```'

describe('extractBlocks', () => {
  it('finds fenced blocks with their role, indentation removed, and the output right after a program', () => {
    const markdown = [
      'Intro.',
      `${FENCE}js`,
      "console.log('ক')",
      FENCE,
      '',
      `${FENCE}text`,
      'ক',
      FENCE,
      '1. A step:',
      '',
      `   ${FENCE}sh`,
      '   echo one',
      `   ${FENCE}`,
      '',
      '   It prints:',
      '',
      `   ${FENCE}text`,
      '   one',
      `   ${FENCE}`,
      `${FENCE}`,
      'a diagram ─►',
      FENCE,
    ].join('\n')
    const blocks = extractBlocks(markdown, 'x.md')
    expect(blocks.map((block) => [block.line, block.lang, block.role])).toEqual([
      [2, 'js', 'program'],
      [6, 'text', 'text'],
      [11, 'sh', 'shell'],
      [17, 'text', 'text'],
      [20, '', 'other'],
    ])
    expect(blocks[0]?.output).toEqual({ line: 6, text: 'ক\n' })
    expect(blocks[2]?.code).toBe('echo one\n')
    expect(blocks[2]?.output).toBeUndefined() // prose between: an illustration, not its output
  })

  it('reads markers: fragment with declarations, skip with its reason, needs, file, fresh clone, several at once', () => {
    const block = (comment: string): DocBlock => extractBlocks(`${comment}\n\n${FENCE}js\nx\n${FENCE}\n`, 'x.md')[0] as DocBlock
    expect(block('<!-- docs-test: fragment\ndeclare const input: HTMLInputElement\n-->').markers).toEqual([{ kind: 'fragment', declarations: 'declare const input: HTMLInputElement' }])
    expect(block('<!-- docs-test: skip (needs Docker; and a network) -->').markers).toEqual([{ kind: 'skip', reason: 'needs Docker; and a network' }])
    expect(block('<!-- docs-test: needs OPENSEARCH_URL; file demo/run.mjs -->').markers).toEqual([
      { kind: 'needs', env: 'OPENSEARCH_URL' },
      { kind: 'file', path: 'demo/run.mjs' },
    ])
    expect(block('<!-- docs-test: fresh clone -->').markers).toEqual([{ kind: 'fresh-clone' }])
    expect(block('<!-- an ordinary comment -->').markers).toEqual([])
  })

  it.each([
    ['<!-- docs-test: skip -->', /needs a reason/u],
    ['<!-- docs-test: needs lowercase -->', /environment variable/u],
    ['<!-- docs-test: file ../escape.mjs -->', /relative path/u],
    ['<!-- docs-test: frgment -->', /unknown docs-test marker "frgment"/u],
  ])('refuses %s', (comment, message) => {
    expect(() => extractBlocks(`${comment}\n${FENCE}js\nx\n${FENCE}\n`, 'x.md')).toThrow(message)
  })

  it('refuses an unlabelled transcript and an unclosed fence, naming the line', () => {
    expect(() => extractBlocks(`text\n${FENCE}\n$ ls\n${FENCE}\n`, 'x.md')).toThrow('x.md:2: a transcript needs the language "console"')
    expect(() => extractBlocks(`${FENCE}js\nx\n`, 'x.md')).toThrow('x.md:1: the code block is never closed')
  })
})

describe('parseTranscript', () => {
  it('splits commands with their output, and REPL sessions into lines typed and printed', () => {
    const steps = parseTranscript(['$ npx bangla-search -v', '0.1.0', '$ node', '> const a = 1', '> a + 1', '2', '$ true', ''].join('\n'))
    expect(steps).toEqual([
      { type: 'command', command: 'npx bangla-search -v', expected: '0.1.0\n' },
      {
        type: 'repl',
        inputs: [
          { input: 'const a = 1', expected: '' },
          { input: 'a + 1', expected: '2\n' },
        ],
      },
      { type: 'command', command: 'true', expected: '' },
    ])
  })
})

describe('mask', () => {
  it.each([
    ['Indexed 5 documents (987 terms) in 0.18 s → seeds.idx (96.1 kB)', 'Indexed 5 documents (987 terms) in <duration> → seeds.idx (<size>)'],
    ['3 hits for পুতিন in seeds.idx (5 documents), 60.2 ms', '3 hits for পুতিন in seeds.idx (5 documents), <duration>'],
    [' 1. 004_6e08  score 0.69  exact', ' 1. 004_6e08  score <n>  exact'],
    ['"score": 0.6404229696826568,', '"score": <n>,'],
    ['Hit "001" score 0.247 [পুতিনকে:roman]', 'Hit "001" score <n> [পুতিনকে:roman]'],
    ['npm notice 1.1kB LICENSE', 'npm notice <size> LICENSE'],
    ['npm notice shasum: 42ce6245', 'npm notice shasum: <hash>'],
    ['trailing   \n\n\n', 'trailing'],
  ])('%j', (text, masked) => {
    expect(mask(text)).toBe(masked)
  })

  it('leaves counts, ids, numbers in text and Bengali alone', () => {
    const text = '(1,250.50 টাকা) 2019 সালে 5 sections, exit 3, 12 বছরের'
    expect(mask(text)).toBe(text)
  })
})

describe('a broken example makes the docs test fail', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bangla-search-docs-selftest-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const markdown = [
    `${FENCE}js`,
    'console.log(6 * 7)',
    FENCE,
    `${FENCE}text`,
    '42',
    FENCE,
    `${FENCE}js`,
    'console.log(6 * 9)',
    FENCE,
    `${FENCE}text`,
    '42',
    FENCE,
    `${FENCE}js`,
    "throw new Error('broken')",
    FENCE,
    '<!-- docs-test: fragment',
    'declare const count: number',
    '-->',
    `${FENCE}ts`,
    'const text: string = count',
    FENCE,
    `${FENCE}sh`,
    'echo "took 0.25 s"',
    FENCE,
    `${FENCE}text`,
    'took 1.5 s',
    FENCE,
    `${FENCE}sh`,
    'echo one',
    FENCE,
    `${FENCE}text`,
    'two',
    FENCE,
    `${FENCE}console`,
    '$ echo ক খ',
    'ক খ',
    '$ node',
    '> 1 + 1',
    '2',
    '> undefinedName',
    FENCE,
  ].join('\n')
  const blocks = extractBlocks(markdown, 'selftest.md').filter((block) => block.role !== 'text')

  it('passes the right examples and fails each broken one, saying why', async () => {
    const results = await checkBlocks(blocks, dir, { install: false })
    const failures = (block: DocBlock): string[] => {
      const result = results.get(block) as BlockResult
      return [...result.errors, ...result.comparisons.filter((c) => c.actual !== c.expected).map((c) => `${c.what}: ${JSON.stringify(c.actual)} ≠ ${JSON.stringify(c.expected)}`)]
    }
    const [right, wrongOutput, throws, typeError, maskedShell, wrongShell, transcript] = blocks.map(failures)
    expect(right).toEqual([])
    expect(wrongOutput).toEqual(['output (selftest.md:10): "54" ≠ "42"'])
    expect(throws).toEqual(['threw Error: broken\nafter printing:\n'])
    expect(typeError?.[0]).toMatch(/^type error at selftest\.md:20: TS2322: Type 'number' is not assignable to type 'string'\./u)
    expect(maskedShell).toEqual([])
    expect(wrongShell).toEqual(['output (selftest.md:31): "one" ≠ "two"'])
    expect(transcript).toHaveLength(1)
    expect(transcript?.[0]).toMatch(/^> undefinedName: "Uncaught ReferenceError: undefinedName is not defined" ≠ ""$/u)
  }, 120_000)
})
