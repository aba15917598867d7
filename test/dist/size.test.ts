/**
 * The browser bundle must not grow by accident. The library entry (built dist/, with its one
 * dependency) is bundled the way an app's bundler would do it: esbuild, minified, ES2022 module,
 * then gzip -9 — the same method as the benchmark's size suite (bench/suites/size.ts).
 * docs/browser.md reports the figure; raise the budget only on purpose, with a reason there.
 */
import { describe, expect, it } from 'vitest'
import { bundleForBrowser, measureEntrySize } from '../../bench/suites/size.js'

/** Bytes of the minified + gzipped library entry allowed (1 KB = 1000 bytes). */
const GZIP_BUDGET_BYTES = 61_700

describe('the browser bundle', () => {
  it(`is at most ${GZIP_BUDGET_BYTES / 1000} KB minified and gzipped, whole entry`, async () => {
    const { gzipped } = await measureEntrySize('bangla-search')
    expect(gzipped).toBeLessThanOrEqual(GZIP_BUDGET_BYTES)
  })

  it('holds no Node built-in', async () => {
    const code = new TextDecoder().decode(await bundleForBrowser("export * from 'bangla-search'"))
    expect(code).not.toMatch(/\bfrom\s*["'](node:)?(fs|path|zlib|util|buffer|crypto|os|child_process)["']/)
    expect(code).not.toMatch(/\brequire\(/)
  })
})
