/**
 * What the docs test does not compare: the parts of an output that change from run to run or
 * machine to machine. Both the printed output and the documented one are masked, rule by rule:
 *
 * | rule | matches | becomes |
 * | --- | --- | --- |
 * | duration | a number with `ms` or `s` (`0.18 s`, `60.2 ms`) | `<duration>` |
 * | size | a number with `B`, `kB`, `KB`, `MB` or `GB` (`96.1 kB`, `1.1kB`, `638 B`) | `<size>` |
 * | score | the number after `score` (`score 0.69`, `"score": 0.6404…`) | `score <n>` |
 * | hash | the value after npm's `shasum:` and `integrity:` | `<hash>` |
 *
 * Then spaces at line ends and blank lines at the end are dropped. Nothing else is masked: ids,
 * counts, titles, snippets and match kinds are compared as printed.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b\d+(?:\.\d+)?\s?(?:ms|s)\b/gu, '<duration>'],
  [/\b\d+(?:\.\d+)?\s?(?:B|kB|KB|MB|GB)\b/gu, '<size>'],
  [/\b(score"?:?\s+)-?\d+(?:\.\d+)?(?:e-?\d+)?/gu, '$1<n>'],
  [/\b(shasum|integrity):(\s+)\S+/gu, '$1:$2<hash>'],
]

/** Masks what changes between runs (see the table above). */
export function mask(text: string): string {
  let masked = text.replace(/\r\n/gu, '\n')
  for (const [pattern, replacement] of RULES) masked = masked.replace(pattern, replacement)
  return masked
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/u, '')
}
