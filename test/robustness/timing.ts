/**
 * Timing helpers for the robustness suite. The machine is shared, so absolute budgets are
 * generous and growth is judged by ratios: when the input grows 8×, linear work grows about 8×
 * and quadratic work 64×, so a ratio under {@link LINEAR_RATIO_LIMIT} is read as linear. The wide
 * gap keeps the verdict stable on a busy machine, in both directions.
 */

/** Budget for one call on a 1 MB string ("well under a second", with room for a busy machine). */
export const ONE_MB_BUDGET_MS = 1000
/** How much {@link growth} grows the input. */
export const GROWTH_FACTOR = 8
/** Input grown 8×: linear work grows about 8× (up to ~12× with GC and JIT noise), quadratic 64×. */
export const LINEAR_RATIO_LIMIT = 24
/** Timings below this are noise; they are raised to it before a ratio is taken. */
export const TIMING_FLOOR_MS = 15

/** One mebibyte of `unit` repeated (cut to exactly 2^20 code units). */
export function oneMegabyte(unit: string, size = 1 << 20): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/** Runs `action` once and returns its wall time in milliseconds and its result. */
export function timed<T>(action: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = action()
  return { ms: performance.now() - start, result }
}

/**
 * Times `make(n)()` and `make(8n)()` (making is not timed); the ratio says whether the work is
 * linear. The small case is the best of five runs, as a single short timing is mostly noise.
 */
export function growth(make: (n: number) => () => unknown, n: number): { small: number; large: number; ratio: number } {
  const prepareSmall = make(n)
  const small = Math.min(...[0, 1, 2, 3, 4].map(() => timed(prepareSmall).ms))
  const prepareLarge = make(GROWTH_FACTOR * n)
  const large = timed(prepareLarge).ms
  return { small, large, ratio: Math.max(large, TIMING_FLOOR_MS) / Math.max(small, TIMING_FLOOR_MS) }
}

/** Collected figures, printed at the end of a file and copied into docs/reliability.md. */
export class Figures {
  private readonly rows: string[] = []

  add(row: string): void {
    this.rows.push(row)
  }

  print(title: string): void {
    console.log([`── ${title} ──`, ...this.rows].join('\n'))
  }
}
