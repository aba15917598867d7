/**
 * A tiny static server for the web demo, for localhost only. It serves:
 *   /                           docs/demo (index.html, demo.js, demo.css, index.bin)
 *   /dist/…                     the built library
 *   /fonts/…                    @fontsource/noto-sans-bengali (CSS and font files; no CDN)
 *   /vendor/unicode-segmenter/… the library's one dependency, mapped by the page's import map
 * and builds docs/demo/index.bin first when it is missing or older than dist/index.js.
 *
 * Run: `npm run demo:web`, or `PORT=3000 node docs/demo/serve.mjs` (PORT=0 picks a free port;
 * the address is printed as `bangla-search demo: http://127.0.0.1:<port>/`).
 */

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const HOST = '127.0.0.1'
const DEFAULT_PORT = 8080
const DIST_ENTRY = join(ROOT, 'dist/index.js')
const INDEX_FILE = fileURLToPath(new URL('index.bin', import.meta.url))

/** URL prefix → folder, most specific first. */
const MOUNTS = [
  ['/dist/', join(ROOT, 'dist')],
  ['/fonts/', join(ROOT, 'node_modules/@fontsource/noto-sans-bengali')],
  ['/vendor/unicode-segmenter/', join(ROOT, 'node_modules/unicode-segmenter')],
  ['/', fileURLToPath(new URL('./', import.meta.url))],
]

/** Only these file types are served (so the server scripts and dotfiles are not). */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

/** The file a URL path names, or undefined when it is outside every mount or not a served type. */
function fileFor(pathname) {
  const mount = MOUNTS.find(([prefix]) => pathname.startsWith(prefix))
  if (mount === undefined) return undefined
  const [prefix, folder] = mount
  const rest = pathname.slice(prefix.length) || 'index.html'
  const file = resolve(folder, rest)
  if (!file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return undefined
  return TYPES[extname(file)] === undefined ? undefined : file
}

async function handle(request, response) {
  const send = (status, text) => response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${status} ${text}\n`)
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'only GET and HEAD')
  let pathname
  try {
    pathname = decodeURIComponent(new URL(request.url, `http://${HOST}`).pathname)
  } catch {
    return send(400, 'bad URL')
  }
  const file = pathname.includes('\0') ? undefined : fileFor(pathname)
  const info = file === undefined ? undefined : await stat(file).catch(() => undefined)
  if (file === undefined || info === undefined || !info.isFile()) return send(404, 'not found')
  response.writeHead(200, { 'content-type': TYPES[extname(file)], 'content-length': info.size, 'cache-control': 'no-cache' })
  if (request.method === 'HEAD') return response.end()
  createReadStream(file).on('error', () => response.destroy()).pipe(response)
}

/** Builds the saved index when it is missing or older than the library build. */
async function ensureIndex() {
  const dist = await stat(DIST_ENTRY).catch(() => undefined)
  if (dist === undefined) {
    console.error('dist/index.js is missing: run `npm run build` first (or `npm run demo:web`, which builds).')
    process.exit(1)
  }
  const saved = await stat(INDEX_FILE).catch(() => undefined)
  if (saved !== undefined && saved.mtimeMs >= dist.mtimeMs) return
  const { buildDemoIndex } = await import('./build-index.mjs')
  const { documents, bytes } = await buildDemoIndex(INDEX_FILE)
  console.log(`built docs/demo/index.bin: ${documents} documents, ${(bytes / 1024).toFixed(1)} KB`)
}

function readPort() {
  const raw = process.env.PORT ?? String(DEFAULT_PORT)
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(raw)}.`)
    process.exit(1)
  }
  return port
}

const port = readPort()
await ensureIndex()
const server = createServer((request, response) => {
  handle(request, response).catch(() => response.destroy())
})
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port (PORT=0 picks a free one).` : String(error))
  process.exit(1)
})
server.listen(port, HOST, () => {
  console.log(`bangla-search demo: http://${HOST}:${server.address().port}/`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
