/** Small helpers shared by the engine adapters. */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Doc, Field } from '../types.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Version of an installed package, read from its package.json (not via `exports`). */
export function packageVersion(name: string): string {
  const path = join(REPO_ROOT, 'node_modules', ...name.split('/'), 'package.json')
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
}

/** Bengali-aware word split: anything that is not a letter, mark, digit, ZWNJ or ZWJ. */
export const BENGALI_WORD_SPLIT = /[^\p{L}\p{M}\p{N}\u200C\u200D]+/u

/** The document reduced to the indexed fields (what an engine is given to store). */
export function pick(doc: Doc, fields: readonly Field[]): Record<string, string> {
  const out: Record<string, string> = { id: doc.id }
  for (const f of fields) out[f] = doc[f] ?? ''
  return out
}

/** UTF-8 size of a serialised index. */
export function byteSize(data: string): number {
  return Buffer.byteLength(data, 'utf8')
}

/**
 * Loads one of bangla-search's engine adapters from its BUILT form (`dist/`, through the
 * package's own `exports`), as users get it. A variable specifier keeps the type checker (and
 * tsx's path mapping) from resolving it to the sources.
 */
export async function loadAdapter<Module>(entry: 'flexsearch' | 'minisearch' | 'orama' | 'lunr'): Promise<Module> {
  const specifier = `bangla-search/${entry}`
  return (await import(specifier)) as Module
}
