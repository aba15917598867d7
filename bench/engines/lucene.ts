/**
 * Optional engine: Lucene's BengaliAnalyzer with BM25 (the analyzer Elasticsearch and
 * OpenSearch call `bengali`), from Debian's `liblucene8-java` jars. A small Java program
 * (lucene/BengaliBench.java) is compiled with javac into a temporary folder and driven over
 * stdin/stdout. Build, open and query times are measured inside Java, so they exclude the
 * pipe. The index lives in a temporary folder on disk; its size there is the saved size.
 *
 * Skipped, with the reason, when java/javac or the jars are missing. Set LUCENE_JARS to a
 * folder holding lucene-core-8*.jar and lucene-analyzers-common-8*.jar to use other jars.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type {
  BuildCount,
  Doc,
  Engine,
  EngineFactory,
  EngineSpec,
  Field,
  Mode,
  SavedIndex,
  SelfMeasured,
} from '../types.js'

const JAVA_SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'lucene', 'BengaliBench.java')
const JAR_DIR = process.env.LUCENE_JARS ?? '/usr/share/java'
/** Heap for the JVM: the corpus is buffered there before the build (about 0.5 GB at 100 %). */
const JVM_HEAP = '-Xmx3g'

function escape(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

/** Finds `<name>-<version>.jar` in the jar folder; returns its path and version. */
function findJar(name: string): { path: string; version: string } | undefined {
  if (!existsSync(JAR_DIR)) return undefined
  const pattern = new RegExp(`^${name}-(8\\.[0-9.]+)\\.jar$`)
  for (const file of readdirSync(JAR_DIR).sort().reverse()) {
    const m = pattern.exec(file)
    if (m) return { path: join(JAR_DIR, file), version: m[1]! }
  }
  return undefined
}

class JavaProcess {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly lines: Interface
  private readonly waiting: Array<(line: string) => void> = []
  private stderr = ''
  private exited: string | undefined

  constructor(classpath: string) {
    this.child = spawn('java', [JVM_HEAP, '-cp', classpath, 'BengaliBench'], { stdio: 'pipe' })
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000)
    })
    this.child.on('exit', (code) => {
      this.exited = `java exited with code ${code}: ${this.stderr.trim()}`
      for (const resolve of this.waiting.splice(0)) resolve(`ERR ${this.exited}`)
    })
    this.lines = createInterface({ input: this.child.stdout, crlfDelay: Infinity })
    this.lines.on('line', (line) => this.waiting.shift()?.(line))
  }

  /** Writes a line, waiting for the pipe to drain when it is full. */
  async send(line: string): Promise<void> {
    if (this.exited) throw new Error(this.exited)
    if (!this.child.stdin.write(line + '\n')) {
      await new Promise<void>((resolve) => this.child.stdin.once('drain', resolve))
    }
  }

  /** Sends a request and waits for its one-line reply. */
  async request(line: string): Promise<string[]> {
    const reply = new Promise<string>((resolve) => this.waiting.push(resolve))
    await this.send(line)
    const text = await reply
    if (text.startsWith('ERR')) throw new Error(`Lucene: ${text.slice(4)}`)
    return text.split('\t')
  }

  async quit(): Promise<void> {
    if (this.exited) return
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    this.child.stdin.end('QUIT\n')
    await done
  }
}

export class LuceneEngine implements Engine {
  readonly self: SelfMeasured = { memoryNote: 'JVM heap; index on disk' }
  private java: JavaProcess | undefined
  private diskBytes = 0

  constructor(private readonly classpath: string) {}

  private process(): JavaProcess {
    this.java ??= new JavaProcess(this.classpath)
    return this.java
  }

  /** Bytes of the stored-field files of the last build (0 when nothing is stored). */
  storedBytes = 0

  async build(docs: readonly Doc[], fields: readonly Field[], storeFields: readonly Field[] = []): Promise<BuildCount> {
    const java = this.process()
    await java.send(`FIELDS\t${fields.join(',')}`)
    await java.send(`STORE\t${storeFields.join(',')}`)
    for (const doc of docs) {
      await java.send(['DOC', escape(doc.id), ...fields.map((f) => escape(doc[f] ?? ''))].join('\t'))
    }
    const [, count, buildMs, heapBytes, diskBytes, , storedBytes] = await java.request('BUILD')
    this.storedBytes = Number(storedBytes)
    this.self.buildMs = Number(buildMs)
    this.self.heapBytes = Number(heapBytes)
    this.diskBytes = Number(diskBytes)
    return Number(count)
  }

  async search(query: string, mode: Mode, limit: number): Promise<string[]> {
    const [, nanos, ...ids] = await this.process().request(`SEARCH\t${mode}\t${limit}\t${escape(query)}`)
    this.self.lastQueryMs = Number(nanos) / 1e6
    return ids
  }

  save(): SavedIndex {
    return {
      bytes: this.diskBytes,
      load: async () => {
        const [, count, openMs] = await this.process().request('REOPEN')
        this.self.loadMs = Number(openMs)
        return Number(count)
      },
    }
  }

  async close(): Promise<void> {
    await this.java?.quit()
    this.java = undefined
  }
}

export const lucene: EngineSpec = {
  id: 'lucene',
  library: 'Lucene',
  variant: 'BengaliAnalyzer',
  config:
    'BengaliAnalyzer (standard tokenizer, Bengali normaliser, stopwords, stemmer) + BM25; PrefixQuery on the last word, FuzzyQuery (2 edits) in fuzzy mode',
  modes: ['plain', 'prefix', 'fuzzy'],
  async: true,
  async load(): Promise<EngineFactory> {
    for (const tool of ['java', 'javac']) {
      const probe = spawnSync(tool, ['-version'], { encoding: 'utf8' })
      if (probe.error || probe.status !== 0) throw new Error(`${tool} not found (install a JDK to include Lucene)`)
    }
    const core = findJar('lucene-core')
    const analyzers = findJar('lucene-analyzers-common')
    if (!core || !analyzers) {
      throw new Error(`Lucene 8 jars not found in ${JAR_DIR} (apt-get install liblucene8-java)`)
    }
    const out = mkdtempSync(join(tmpdir(), 'bangla-bench-javac-'))
    process.once('exit', () => rmSync(out, { recursive: true, force: true }))
    const classpath = [core.path, analyzers.path].join(':')
    const compiled = spawnSync('javac', ['-encoding', 'UTF-8', '-cp', classpath, '-d', out, JAVA_SOURCE], {
      encoding: 'utf8',
    })
    if (compiled.status !== 0) throw new Error(`javac failed: ${compiled.stderr || compiled.error}`)
    const runtime = [out, classpath].join(':')
    return { version: core.version, create: () => new LuceneEngine(runtime) }
  },
}
