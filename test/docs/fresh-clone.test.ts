/**
 * The commands the docs give for a fresh clone (blocks marked `fresh clone`: the README's two,
 * getting-started's) run as written in a `git clone` of this repository, with `npm ci` from the
 * local npm cache. `npm test` is not run again from inside `npm test`: it must be exactly the
 * test command of `.ci/run`, which CI runs. The clone holds the committed state (HEAD).
 */

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { extractBlocks, markerOf } from './blocks.js'
import { exampleEnv, ROOT, runShell } from './workspace.js'

const files = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]
const blocks = files.flatMap((file) => extractBlocks(readFileSync(path.join(ROOT, file), 'utf8'), file)).filter((block) => markerOf(block, 'fresh-clone'))
/** Each command once, in the order the docs give them, without its `# comment`. */
const commands = [...new Set(blocks.flatMap((block) => block.code.split('\n').map((line) => line.replace(/\s+#.*$/u, '').trim())))].filter((line) => line !== '')
const isGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true'
const dir = mkdtempSync(path.join(tmpdir(), 'bangla-search-clone-'))
const clone = path.join(dir, 'bangla-search')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!isGit)('the commands for a fresh clone', () => {
  it('are in README.md and getting-started.md, and the test command is what .ci/run runs', () => {
    expect(blocks.map((block) => block.file)).toEqual(expect.arrayContaining(['README.md', 'docs/getting-started.md']))
    expect(commands).toContain('npm test')
    const ciCommands = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').map((line) => line.trim())
    expect(ciCommands).toContain('npm test')
  })

  it('run as written in a git clone (npm ci from the cache, the demo finds the seed article)', () => {
    const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' })
    expect(cloned.stderr).toBe('')
    // from the local cache, as a developer who has installed once (CI runs npm ci just before)
    const env = { ...exampleEnv(), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
    for (const command of commands.filter((line) => line !== 'npm test')) {
      const { status, output } = runShell(command, clone, env)
      expect(status, `${command}\n${output}`).toBe(0)
      const demo = /npm run demo -- (.+?)(?: --limit \d+)?$/u.exec(command)
      if (demo === null) continue
      const raw = demo[1] as string
      const query = raw.startsWith("'") ? raw.slice(1, -1) : raw.startsWith('"') ? raw.slice(1, -1).replace(/\\"/gu, '"') : raw
      expect(output, command).toMatch(new RegExp(`\\d+ hits? for ${escape(query)} in corpus/seeds \\(5 documents\\)`, 'u'))
      expect(output, command).toMatch(/^ 1\. \S+ {2}score /mu)
    }
    const npx = runShell('npx bangla-search --version', clone, env)
    expect(npx.output.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version)
  }, 240_000)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}
