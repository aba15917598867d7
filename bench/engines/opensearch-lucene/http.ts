/**
 * The OpenSearch harness behind HTTP on 127.0.0.1: the REST endpoints `bangla-search/opensearch`
 * and its documentation use (`PUT /<index>`, `DELETE /<index>`, `POST /_bulk`, `POST /_msearch`,
 * `POST /<index>/_search`, `POST /<index>/_refresh`, `GET /`), answered by a {@link LuceneNode},
 * so the official clients — their serialisation, NDJSON bodies and response handling — can be
 * exercised without a cluster. Not a cluster: only what the module sends is understood.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { LuceneNode } from './node.js'

/** A running HTTP front of a harness. */
export interface HarnessServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  close(): Promise<void>
}

/** Starts the HTTP front on a free port of 127.0.0.1. */
export async function serveHarness(node: LuceneNode): Promise<HarnessServer> {
  const server: Server = createServer((request, response) => {
    handle(node, request, response).catch((error: unknown) => send(response, 500, { error: { type: 'harness_exception', reason: String(error) } }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function handle(node: LuceneNode, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const parts = url.pathname.split('/').filter((part) => part !== '').map(decodeURIComponent)
  const text = await readBody(request)
  const method = request.method ?? 'GET'
  const [first, second] = parts
  if (parts.length === 0) return send(response, 200, { name: 'harness', cluster_name: 'lucene-harness', version: { number: '2.19.0', distribution: 'opensearch' }, tagline: 'The OpenSearch Project' })
  if (first === '_bulk') return send(response, 200, strip(await node.call({ op: 'bulk' }, lines(text))))
  if (first === '_msearch') return send(response, 200, strip(await node.call({ op: 'msearch' }, lines(text))))
  if (first === '_refresh' || second === '_refresh') {
    for (const index of (first === '_refresh' ? '' : first ?? '').split(',').filter(Boolean)) await node.call({ op: 'refresh', index })
    return send(response, 200, { _shards: { total: 1, successful: 1, failed: 0 } })
  }
  if (second === '_search') return send(response, 200, strip(await node.call({ op: 'search', index: first, body: text === '' ? {} : JSON.parse(text) })))
  if (parts.length === 1 && method === 'PUT') {
    const reply = await node.request({ op: 'create', index: first, body: text === '' ? {} : JSON.parse(text) })
    return reply['error'] ? send(response, 400, { error: reply['error'], status: 400 }) : send(response, 200, { acknowledged: true, index: first })
  }
  if (parts.length === 1 && method === 'DELETE') {
    for (const index of (first ?? '').split(',')) await node.request({ op: 'delete', index })
    return send(response, 200, { acknowledged: true })
  }
  send(response, 400, { error: { type: 'illegal_argument_exception', reason: `the harness does not serve ${method} ${url.pathname}` }, status: 400 })
}

/** Drops the harness's own timing fields. */
function strip(reply: Record<string, unknown>): Record<string, unknown> {
  const { took_ns: took, phases_ns: _phases, ...rest } = reply
  if (Array.isArray(rest['responses'])) rest['responses'] = (rest['responses'] as Record<string, unknown>[]).map(strip)
  return { took: Math.round(Number(took ?? 0) / 1e6), ...rest }
}

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  // the Elasticsearch client checks that it talks to Elasticsearch; the OpenSearch client ignores it
  response.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch', 'content-length': Buffer.byteLength(text) })
  response.end(text)
}
