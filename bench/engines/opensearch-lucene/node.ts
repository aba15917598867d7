/**
 * The Node side of the OpenSearch harness (OpenSearchLucene.java): compiles the Java program with
 * Debian's Lucene 8.7 jars, runs it, and offers a client with the shape of the official ones
 * (`search`, `msearch`, `bulk`, `helpers.bulk`, `indices.create/refresh`), so the module's own
 * flow functions run against it unchanged. Every reply carries the time Java spent on it
 * (`took_ns`); the client adds those up, and the time it spent turning requests into JSON and
 * replies back into objects, so callers can time a search without the pipe.
 *
 * Used by the benchmark engine (bench/engines/opensearch-lucene.ts) and the tests
 * (test/opensearch/lucene-harness.test.ts). LUCENE_JARS names another jar folder.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SOURCES = ['Json.java', 'OpenSearchLucene.java'].map((file) => join(dirname(fileURLToPath(import.meta.url)), file))
const JAR_DIR = process.env.LUCENE_JARS ?? '/usr/share/java'
const JARS = ['lucene-core', 'lucene-analyzers-common']

/** The compiled harness: its class path and the Lucene version. */
export interface CompiledHarness {
  readonly classpath: string
  readonly version: string
}

let compiled: CompiledHarness | undefined

/** Finds `<name>-8.x.jar` in the jar folder. */
function findJar(name: string): { path: string; version: string } | undefined {
  if (!existsSync(JAR_DIR)) return undefined
  const pattern = new RegExp(`^${name}-(8\\.[0-9.]+)\\.jar$`)
  for (const file of readdirSync(JAR_DIR).sort().reverse()) {
    const m = pattern.exec(file)
    if (m) return { path: join(JAR_DIR, file), version: m[1] as string }
  }
  return undefined
}

/**
 * Why the harness cannot run here (no java/javac, no Lucene 8 jars), or undefined when it can.
 */
export function harnessUnavailable(): string | undefined {
  for (const tool of ['java', 'javac']) {
    const probe = spawnSync(tool, ['-version'], { encoding: 'utf8' })
    if (probe.error || probe.status !== 0) return `${tool} not found (apt-get install default-jdk-headless)`
  }
  for (const jar of JARS) if (!findJar(jar)) return `${jar}-8.*.jar not found in ${JAR_DIR} (apt-get install liblucene8-java)`
  return undefined
}

/** Compiles the harness once per process into a temporary folder (removed at exit). */
export function compileHarness(): CompiledHarness {
  if (compiled) return compiled
  const reason = harnessUnavailable()
  if (reason) throw new Error(reason)
  const jars = JARS.map((name) => findJar(name) as { path: string; version: string })
  const out = mkdtempSync(join(tmpdir(), 'bangla-opensearch-javac-'))
  process.once('exit', () => rmSync(out, { recursive: true, force: true }))
  const classpath = jars.map((jar) => jar.path).join(':')
  const result = spawnSync('javac', ['-encoding', 'UTF-8', '-cp', classpath, '-d', out, ...SOURCES], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`javac failed: ${result.stderr || String(result.error)}`)
  compiled = { classpath: [out, classpath].join(':'), version: (jars[0] as { version: string }).version }
  return compiled
}

/** A reply of the harness: a JSON object with the Java time it took. */
type Reply = Record<string, unknown> & { took_ns?: number }

/** Time spent per request, for timing a search without the pipe. */
export interface RequestTimes {
  /** Nanoseconds Java spent (parsing, Lucene, writing the reply). */
  javaNs: number
  /** Milliseconds spent here serialising requests and parsing replies (a real client does the same). */
  clientMs: number
  /** Milliseconds from sending each request to its reply, all included. */
  wallMs: number
}

/** One running harness process. */
export class LuceneNode {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly lines: Interface
  private readonly waiting: Array<(line: string) => void> = []
  private stderr = ''
  private exited: string | undefined
  /** Times added up since the last {@link LuceneNode.resetTimes}. */
  readonly times: RequestTimes = { javaNs: 0, clientMs: 0, wallMs: 0 }

  constructor(heap = '-Xmx3g') {
    const { classpath } = compileHarness()
    this.child = spawn('java', [heap, '-cp', classpath, 'OpenSearchLucene'], { stdio: 'pipe' })
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000)
    })
    this.child.on('exit', (code) => {
      this.exited = `java exited with code ${code}: ${this.stderr.trim()}`
      for (const resolve of this.waiting.splice(0)) resolve(JSON.stringify({ error: { type: 'exit', reason: this.exited } }))
    })
    this.lines = createInterface({ input: this.child.stdout, crlfDelay: Infinity })
    this.lines.on('line', (line) => this.waiting.shift()?.(line))
  }

  /** The Java process id (for a profiler). */
  get pid(): number | undefined {
    return this.child.pid
  }

  resetTimes(): void {
    this.times.javaNs = 0
    this.times.clientMs = 0
    this.times.wallMs = 0
  }

  /** Sends a request (a header object and payload lines) and waits for its reply. */
  async request(header: Record<string, unknown>, payload: readonly unknown[] = []): Promise<Reply> {
    if (this.exited) throw new Error(this.exited)
    const start = performance.now()
    const text = [JSON.stringify(payload.length > 0 ? { ...header, lines: payload.length } : header), ...payload.map((line) => JSON.stringify(line))].join('\n') + '\n'
    const encoded = performance.now()
    const reply = new Promise<string>((resolve) => this.waiting.push(resolve))
    if (!this.child.stdin.write(text)) await new Promise<void>((resolve) => this.child.stdin.once('drain', resolve))
    const line = await reply
    const received = performance.now()
    const parsed = JSON.parse(line) as Reply
    const done = performance.now()
    this.times.clientMs += encoded - start + (done - received)
    this.times.wallMs += done - start
    this.times.javaNs += typeof parsed.took_ns === 'number' ? parsed.took_ns : 0
    return parsed
  }

  /** Like {@link LuceneNode.request}, but throws the harness's error. */
  async call(header: Record<string, unknown>, payload: readonly unknown[] = []): Promise<Reply> {
    const reply = await this.request(header, payload)
    const error = reply['error'] as { type?: string; reason?: string } | undefined
    if (error) throw new Error(`OpenSearch harness: ${error.type}: ${error.reason}`)
    return reply
  }

  async quit(): Promise<void> {
    if (this.exited) return
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    this.child.stdin.end(JSON.stringify({ op: 'quit' }) + '\n')
    await done
  }

  /** A client with the shape of the official ones, over this harness. */
  client(): HarnessClient {
    return new HarnessClient(this)
  }
}

/** What the bulk helper is given (the subset both official helpers share). */
interface HelperOptions<T> {
  datasource: T[]
  onDocument: (document: T) => [{ index: { _index: string; _id: string } }, unknown]
  onDrop: (item: { status: number; error: unknown; document: T; operation: unknown; retried: boolean }) => void
}

/** The official clients' methods the module calls, answered by the harness. */
export class HarnessClient {
  readonly indices: {
    create: (params: { index: string; body: unknown }) => Promise<Reply>
    refresh: (params: { index: string }) => Promise<Reply>
  }
  readonly helpers: { bulk: <T>(options: HelperOptions<T>) => Promise<{ total: number; failed: number }> }

  constructor(private readonly node: LuceneNode) {
    this.indices = {
      create: ({ index, body }) => node.call({ op: 'create', index, body }),
      refresh: async ({ index }) => {
        for (const one of index.split(',')) await node.call({ op: 'refresh', index: one })
        return { acknowledged: true }
      },
    }
    this.helpers = {
      bulk: async <T>(options: HelperOptions<T>) => {
        const lines: unknown[] = []
        for (const document of options.datasource) lines.push(...options.onDocument(document))
        const reply = await node.call({ op: 'bulk' }, lines)
        // one item per action, in order, as a cluster answers
        const items = (reply['items'] as Record<string, { status: number; error?: unknown }>[]) ?? []
        let failed = 0
        items.forEach((item, i) => {
          const result = Object.values(item)[0]
          const document = options.datasource[i]
          if (result === undefined || document === undefined || result.status < 300) return
          failed++
          options.onDrop({ status: result.status, error: result.error, document, operation: {}, retried: false })
        })
        return { total: options.datasource.length, failed }
      },
    }
  }

  search(params: { index: string; body: unknown }): Promise<Reply> {
    return this.node.call({ op: 'search', index: params.index, body: params.body })
  }

  msearch(params: { body: unknown[] }): Promise<Reply> {
    return this.node.call({ op: 'msearch' }, params.body)
  }

  bulk(params: { body: unknown[] }): Promise<Reply> {
    return this.node.call({ op: 'bulk' }, params.body)
  }
}
