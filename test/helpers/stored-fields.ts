/** Helpers for the stored-field store tests: the expected value of fields, and a Map oracle. */

import { expect } from 'vitest'
import { StoredFieldStore, type StoredFieldOptions } from '../../src/store/stored-fields.js'

/** What get() should give back for these fields: JSON values as JSON reads them back, undefined fields left out. */
export function expected(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const copy = typeof value === 'string' || Object.is(value, -0) ? value : JSON.parse(JSON.stringify(value))
    Object.defineProperty(out, name, { value: copy, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** One step of a random history. */
export type Operation = { kind: 'add'; fields: Record<string, unknown>; skip: number } | { kind: 'remove'; pick: number } | { kind: 'compact' }

/** Runs the operations on a store and on a Map, and returns both. */
export function run(operations: readonly Operation[], options: StoredFieldOptions) {
  const store = new StoredFieldStore(options)
  const oracle = new Map<number, Record<string, unknown>>()
  let next = 0
  for (const operation of operations) {
    if (operation.kind === 'add') {
      next += operation.skip
      store.add(next, operation.fields)
      oracle.set(next, expected(operation.fields))
      next++
    } else if (operation.kind === 'remove') {
      const live = [...oracle.keys()]
      const doc = live[operation.pick % Math.max(1, live.length)]
      if (doc === undefined) continue
      expect(store.remove(doc)).toBe(true)
      oracle.delete(doc)
    } else store.compact()
  }
  return { store, oracle, next }
}

