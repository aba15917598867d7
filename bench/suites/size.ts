/**
 * Bundle size: each library's whole package entry bundled for the browser the way an app's
 * bundler would (esbuild, minified, ES2022 module), then gzipped at level 9. bangla-search is
 * measured from its built `dist/` through the package's own exports, like any dependency.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { REPO_ROOT, packageVersion } from '../engines/util.js'

/** The packages measured: npm name (or entry) and the library name the tables use. The adapter entries are measured without their engine, which the user brings. */
export const SIZE_PACKAGES: readonly { readonly name: string; readonly library: string }[] = [
  { name: 'bangla-search', library: 'bangla-search' },
  { name: 'bangla-search/flexsearch', library: 'bangla-search/flexsearch' },
  { name: 'bangla-search/minisearch', library: 'bangla-search/minisearch' },
  { name: 'bangla-search/orama', library: 'bangla-search/orama' },
  { name: 'bangla-search/lunr', library: 'bangla-search/lunr' },
  { name: 'flexsearch', library: 'FlexSearch' },
  { name: 'minisearch', library: 'MiniSearch' },
  { name: 'lunr', library: 'Lunr' },
  { name: '@orama/orama', library: 'Orama' },
  { name: 'fuse.js', library: 'Fuse.js' },
]

/** One package's entry, bundled. */
export interface SizeResult {
  library: string
  version: string
  /** Minified bundle, bytes. */
  minified: number
  /** The minified bundle gzipped at level 9, bytes. */
  gzipped: number
}

/** Bundles a module text (its imports resolved from the repository) for the browser, minified. */
export async function bundleForBrowser(contents: string): Promise<Uint8Array> {
  const output = await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return output.outputFiles[0]?.contents ?? new Uint8Array()
}

/** Bundles `import * as library from '<name>'` (the whole entry, nothing tree-shaken away). */
export async function measureEntrySize(name: string): Promise<{ minified: number; gzipped: number }> {
  const code = await bundleForBrowser(`import * as library from ${JSON.stringify(name)}\nexport { library }`)
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength }
}

/** Measures every package of {@link SIZE_PACKAGES} that is installed. */
export async function runSize(): Promise<SizeResult[]> {
  const results: SizeResult[] = []
  for (const { name, library } of SIZE_PACKAGES) {
    const version = name.startsWith('bangla-search') ? ownVersion() : packageVersion(name)
    results.push({ library, version, ...(await measureEntrySize(name)) })
  }
  return results
}

function ownVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}
