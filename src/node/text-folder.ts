/**
 * Reader for a folder of `.txt` files, one document per file: the id is the file name without
 * `.txt`, the title its headline (see `title.ts`), the text the rest. Sub-folders are read too; names
 * starting with `.` are skipped.
 *
 * @module
 * @internal
 */

import { readdir, readFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { BanglaSearchError } from 'bangla-search'
import { fileError } from './fs-errors.js'
import type { CorpusDocument } from './records.js'
import { pickTitle } from './title.js'

/** Where a `.txt` file's parts go: the id, title and text field names. */
export interface TextFields {
  readonly idField: string
  readonly titleField: string
  readonly textField: string
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Every `.txt` file under `folder`, sorted by path, so that document order does not depend on
 * the file system.
 *
 * @example
 * ```ts
 * await listTextFiles('corpus/seeds')   // ['corpus/seeds/000_ec15b545c941e6ec.txt', …]
 * ```
 */
export async function listTextFiles(folder: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => Promise.reject(fileError(dir, 'read', error)))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.name.toLowerCase().endsWith('.txt')) found.push(path)
    }
  }
  await walk(folder)
  return found.sort()
}

/**
 * Reads one `.txt` file as a document, its title picked by {@link pickTitle}.
 *
 * @example
 * ```ts
 * // সফর.txt: "পুতিনের সফর\n\nউত্তর কোরিয়ায় পুতিন…"
 * await readTextDocument('সফর.txt', { idField: 'id', titleField: 'title', textField: 'text' })
 * // { id: 'সফর', title: 'পুতিনের সফর', text: 'উত্তর কোরিয়ায় পুতিন…' }
 * ```
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be read or is not UTF-8
 */
export async function readTextDocument(path: string, fields: TextFields): Promise<{ document: CorpusDocument; bytes: number }> {
  const { content, bytes } = await readTextContent(path)
  return { document: textDocument(path, content, fields), bytes }
}

/**
 * Reads a `.txt` file as UTF-8 text, without a byte-order mark.
 *
 * @throws `BanglaSearchError` `INVALID_ARGUMENT` when the file cannot be read or is not UTF-8
 */
export async function readTextContent(path: string): Promise<{ content: string; bytes: number }> {
  const bytes = await readFile(path).catch((error: unknown) => Promise.reject(fileError(path, 'read', error)))
  let content: string
  try {
    content = UTF8.decode(bytes)
  } catch {
    throw new BanglaSearchError('INVALID_ARGUMENT', `Cannot read "${path}": it is not UTF-8 text. Save it as UTF-8 (legacy Bijoy/ANSI files must be converted to Unicode first).`)
  }
  return { content: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, bytes: bytes.length }
}

/** The document of a `.txt` file: id from the name, title and text from {@link pickTitle}. */
export function textDocument(path: string, content: string, fields: TextFields, boilerplate?: ReadonlySet<string>): CorpusDocument {
  const { title, text } = pickTitle(content, boilerplate)
  const id = basename(path).replace(/\.txt$/iu, '')
  return { [fields.idField]: id, [fields.titleField]: title, [fields.textField]: text }
}

/**
 * Refuses two files that give the same id (the same name in different sub-folders).
 *
 * @example
 * ```ts
 * checkUniqueNames('খবর', ['খবর/ক/১.txt', 'খবর/খ/১.txt'])   // throws: both give the id "১"
 * ```
 */
export function checkUniqueNames(folder: string, paths: readonly string[]): void {
  const seen = new Map<string, string>()
  for (const path of paths) {
    const id = basename(path).replace(/\.txt$/iu, '')
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      throw new BanglaSearchError(
        'INVALID_ARGUMENT',
        `"${relative(folder, earlier)}" and "${relative(folder, path)}" in "${folder}" both give the document id "${id}"; rename one of them (ids come from file names).`,
      )
    }
    seen.set(id, path)
  }
}
