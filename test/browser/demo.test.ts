/**
 * End to end: the web demo (docs/demo) in headless Chromium. The test starts docs/demo/serve.mjs
 * on a free port, loads the page (which fetches the saved index and calls SearchIndex.fromBytes
 * on the built dist/index.js), types queries and checks the hits, the <mark> elements and the
 * match-kind labels in the DOM. Screenshots go to test-output/.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core drives it; no browser is
 * downloaded). Without it the suite is skipped with a message.
 */

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUTPUT = `${ROOT}test-output`
/** How long the server may take to start (it may build docs/demo/index.bin first). */
const SERVER_START_MS = 60_000

const hasChromium = existsSync(CHROMIUM)
const SKIP_NOTE = `skipped: ${CHROMIUM} not found (apt-get install -y chromium to run it)`
if (!hasChromium) console.warn(`test/browser/demo.test.ts ${SKIP_NOTE}`)

/** Starts the demo server with PORT=0 and resolves with the address it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['docs/demo/serve.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`no address within ${SERVER_START_MS} ms`), SERVER_START_MS)
    const fail = (why: string): void => {
      clearTimeout(timer)
      child.kill()
      reject(new Error(`docs/demo/serve.mjs did not start: ${why}\n${output}`))
    }
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const address = /demo: (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(output)?.[1]
      if (address !== undefined) {
        clearTimeout(timer)
        resolve({ child, url: address })
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.on('exit', (code) => fail(`exited with code ${String(code)}`))
  })
}

/** What the page shows for one query: the label and the hits as the DOM has them. */
interface ShownResults {
  status: string
  hits: { id: string; marks: string[]; kinds: string[] }[]
}

/** Types `text` into the search box key by key and waits until the results for `expectedQuery` are shown. */
async function typeQuery(page: Page, text: string, expectedQuery: string): Promise<ShownResults> {
  await page.fill('#q', '')
  await page.locator('#q').pressSequentially(text)
  await page.waitForFunction((query) => document.getElementById('results')?.dataset['query'] === query, expectedQuery)
  return page.evaluate(() => ({
    status: document.getElementById('status')?.textContent ?? '',
    hits: Array.from(document.querySelectorAll<HTMLElement>('#results > .hit'), (hit) => ({
      id: hit.dataset['id'] ?? '',
      marks: Array.from(hit.querySelectorAll('.snippet mark'), (mark) => (mark.textContent ?? '').normalize('NFC')),
      kinds: Array.from(hit.querySelectorAll<HTMLElement>('.match'), (match) => match.dataset['kind'] ?? ''),
    })),
  }))
}

describe.skipIf(!hasChromium)(hasChromium ? 'web demo in headless Chromium' : `web demo in headless Chromium (${SKIP_NOTE})`, () => {
  let server: ChildProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let base: string
  const problems: string[] = []
  const requested: string[] = []

  beforeAll(async () => {
    if (!existsSync(`${ROOT}dist/index.js`) || !existsSync(`${ROOT}dist/node.js`)) {
      throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds in pretest).')
    }
    mkdirSync(OUTPUT, { recursive: true })
    const started = await startServer()
    server = started.child
    base = started.url
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('request', (request) => requested.push(request.url()))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
    })
    await page.goto(base)
    await page.waitForFunction(() => document.body.dataset['state'] !== 'loading')
  })

  afterAll(async () => {
    await browser?.close()
    server?.kill()
  })

  it('loads the saved index from index.bin into the built library', async () => {
    expect(await page.evaluate(() => document.body.dataset['state'])).toBe('ready')
    expect(await page.textContent('#status')).toContain('5 articles indexed')
    expect(await page.isEnabled('#q')).toBe(true)
  })

  it('finds ভ্লাদিভোস্টক for the spelling ভ্লাদিভস্তক, marked, with the alias label', async () => {
    const shown = await typeQuery(page, 'ভ্লাদিভস্তক', 'ভ্লাদিভস্তক*')
    expect(shown.hits.length).toBeGreaterThan(1)
    for (const hit of shown.hits) expect(hit.marks.length).toBeGreaterThan(0)
    const variant = shown.hits.filter((hit) => hit.marks.some((mark) => mark.startsWith('ভ্লাদিভোস্টক')))
    expect(variant.length).toBeGreaterThan(0)
    for (const hit of variant) expect(hit.kinds).toContain('alias')
    await page.screenshot({ path: `${OUTPUT}/demo-bengali.png`, fullPage: true })
  })

  it('maps Latin queries onto Bengali words (roman)', async () => {
    const vladivostok = await typeQuery(page, 'vladivostok', 'vladivostok*')
    expect(vladivostok.hits.length).toBeGreaterThan(0)
    expect(vladivostok.hits.flatMap((hit) => hit.marks).some((mark) => mark.startsWith('ভ্লাদিভ'))).toBe(true)
    const putin = await typeQuery(page, 'putin', 'putin*')
    expect(putin.hits.length).toBeGreaterThan(0)
    for (const hit of putin.hits) {
      expect(hit.kinds).toContain('roman')
      expect(hit.marks.some((mark) => mark.startsWith('পুতিন'))).toBe(true)
    }
    await page.screenshot({ path: `${OUTPUT}/demo-latin.png`, fullPage: true })
  })

  it('completes the last word as it is typed (prefix)', async () => {
    const shown = await typeQuery(page, 'ক্রেম', 'ক্রেম*')
    expect(shown.hits.length).toBeGreaterThan(0)
    expect(shown.status).toContain('ক্রেম*')
    for (const hit of shown.hits) {
      expect(hit.kinds).toContain('prefix')
      expect(hit.marks.some((mark) => mark.startsWith('ক্রেম'))).toBe(true)
    }
    await page.screenshot({ path: `${OUTPUT}/demo-prefix.png`, fullPage: true })
  })

  it('renders with the local Noto Sans Bengali and fetches nothing from other origins', async () => {
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready
      let count = 0
      document.fonts.forEach((face) => {
        if (face.family.includes('Noto Sans Bengali') && face.status === 'loaded') count++
      })
      return count
    })
    expect(loaded).toBeGreaterThan(0)
    expect(requested.some((url) => url.endsWith('/fonts/files/noto-sans-bengali-bengali-400-normal.woff2'))).toBe(true)
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([])
    expect(problems).toEqual([])
  })
})
