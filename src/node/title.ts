/**
 * The title of a `.txt` document: its first line that reads as a headline. Text saved from a web
 * page often starts with what is not one: a menu letter (`X`), a section name (`আন্তর্জাতিক`), a
 * date line (`বৃহস্পতিবার, ০৩ জুলাই ২০২৫`), a breadcrumb trail (`হোম > খেলা`), or no headline at
 * all but the first paragraph. The rules, in order:
 *
 * 1. only the first {@link TITLE_LOOKAHEAD} non-empty lines are candidates;
 * 2. a line of one word is not a title (a menu item, a section name, a stray letter);
 * 3. a line where a third or more of the words hold a digit is a date or metadata line;
 * 4. a line with `>`, `»`, `|` or `•` between words is a breadcrumb trail;
 * 5. a short line (at most {@link MAX_TITLE_WORDS} words) that starts two or more files of the
 *    folder is boilerplate (`আন্তর্জাতিক ডেস্ক`);
 * 6. a candidate longer than {@link MAX_TITLE_WORDS} words is a paragraph: the title is then its
 *    first sentence, without a news dateline (`সিউল, সেপ্টেম্বর 12 – `), cut at a comma (or a
 *    word, with `…`) when longer than {@link MAX_TITLE_LENGTH} characters; the paragraph stays
 *    in the text.
 *
 * When no line qualifies, the first non-empty line is the title, as before.
 *
 * @module
 * @internal
 */

/** Lines looked at for a title. */
export const TITLE_LOOKAHEAD = 6
/** A line of more words than this is a paragraph, not a headline (and too long for boilerplate: see rule 5). */
export const MAX_TITLE_WORDS = 25
/** A title taken from a paragraph is cut to about this many characters. */
export const MAX_TITLE_LENGTH = 120
/** Lines of at most this many words can be boilerplate repeated across files. */
const BOILERPLATE_WORDS = 3

/** The title and the text of one file. */
export interface TitledText {
  readonly title: string
  readonly text: string
}

/**
 * Splits a file's content into its title and text (see the module notes for the rules).
 *
 * @param boilerplate - short lines that start two or more files of the folder ({@link boilerplateLines})
 *
 * @example
 * ```ts
 * pickTitle('X\nবৃহস্পতিবার, ০৩ জুলাই ২০২৫\n\nগোপনে রাশিয়ায় যাচ্ছেন কিম\n\nযে কোনও সময়…')
 * // { title: 'গোপনে রাশিয়ায় যাচ্ছেন কিম', text: 'X\nবৃহস্পতিবার, ০৩ জুলাই ২০২৫\n\nযে কোনও সময়…' }
 * ```
 */
export function pickTitle(content: string, boilerplate: ReadonlySet<string> = new Set()): TitledText {
  const lines = content.split(/\r?\n/u)
  const filled = lines.flatMap((line, index) => (line.trim().length > 0 ? [index] : []))
  for (const index of filled.slice(0, TITLE_LOOKAHEAD)) {
    const line = (lines[index] as string).trim()
    if (!readsAsTitle(line) || boilerplate.has(line)) continue
    if (words(line).length > MAX_TITLE_WORDS) return { title: headlineOf(firstSentence(line)), text: content.trim() }
    return { title: line, text: lines.filter((_, i) => i !== index).join('\n').replace(/\n{3,}/gu, '\n\n').trim() }
  }
  const first = filled[0]
  if (first === undefined) return { title: '', text: '' }
  return { title: (lines[first] as string).trim(), text: lines.slice(first + 1).join('\n').trim() }
}

/**
 * The short lines (at most 3 words) found among the first lines of two or more files: a site's
 * section names and desk bylines.
 *
 * @example
 * ```ts
 * boilerplateLines(['খেলা\nসাকিবের সেঞ্চুরি', 'খেলা\nবৃষ্টিতে খেলা বন্ধ'])   // Set { 'খেলা' }
 * ```
 */
export function boilerplateLines(contents: readonly string[]): Set<string> {
  const files = new Map<string, number>()
  for (const content of contents) {
    const seen = new Set<string>()
    for (const line of content.split(/\r?\n/u)) {
      const trimmed = line.trim()
      if (trimmed.length === 0) continue
      if (words(trimmed).length <= BOILERPLATE_WORDS) seen.add(trimmed)
      if (seen.size >= TITLE_LOOKAHEAD) break
    }
    for (const line of seen) files.set(line, (files.get(line) ?? 0) + 1)
  }
  return new Set([...files].filter(([, count]) => count >= 2).map(([line]) => line))
}

/** Rules 2–4: not a single word, not a date line, not a breadcrumb trail. */
function readsAsTitle(line: string): boolean {
  const all = words(line)
  if (all.length < 2) return false
  if (all.filter((word) => /[0-9০-৯]/u.test(word)).length * 3 >= all.length) return false
  return !/\S\s*[>»|•]\s*\S/u.test(line)
}

function words(line: string): string[] {
  return line.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word))
}

/** The text up to and with the first sentence end (`।`, `৷`, `.`, `?`, `!` before a space or the end). */
function firstSentence(paragraph: string): string {
  const end = /[।৷?!.](?=\s|$)/u.exec(paragraph)
  return end === null ? paragraph : paragraph.slice(0, end.index + 1)
}

/** Drops a news dateline (`সিউল/ওয়াশিংটন, রাশিয়া, সেপ্টেম্বর 12 – `) and cuts a long sentence. */
function headlineOf(sentence: string): string {
  const withoutDateline = sentence.replace(/^[^–—]{0,80}[0-9০-৯][^–—]{0,20}\s[–—]\s+/u, '')
  if (withoutDateline.length <= MAX_TITLE_LENGTH) return withoutDateline
  const head = withoutDateline.slice(0, MAX_TITLE_LENGTH)
  const comma = head.lastIndexOf(',')
  if (comma >= MAX_TITLE_LENGTH / 4) return head.slice(0, comma)
  const space = head.lastIndexOf(' ')
  return `${head.slice(0, space > 0 ? space : head.length)}…`
}
