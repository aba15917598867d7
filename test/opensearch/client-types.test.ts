/**
 * Runs the type-level test (test/opensearch/types/client-types.ts) through the TypeScript
 * compiler: the request bodies this entry builds must satisfy the official clients' own types
 * (`@opensearch-project/opensearch` and `@elastic/elasticsearch` 8, devDependencies here).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')

describe('request shapes against the official clients’ TypeScript types', () => {
  it('compile without an error (and the deliberate mistakes are refused)', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const result = spawnSync(process.execPath, [tsc, '-p', 'test/opensearch/types'], { cwd: ROOT, encoding: 'utf8' })
    expect(`${result.stdout}${result.stderr}`).toBe('')
    expect(result.status).toBe(0)
  })
})
