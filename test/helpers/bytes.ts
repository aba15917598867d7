import { expect } from 'vitest'

/** Fails with the first differing index (vitest's deep equality is slow on large typed arrays). */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  let differs = actual.length === expected.length ? -1 : Math.min(actual.length, expected.length)
  for (let i = 0; differs < 0 && i < actual.length; i++) if (actual[i] !== expected[i]) differs = i
  expect(differs, `bytes differ from index ${differs}`).toBe(-1)
}
