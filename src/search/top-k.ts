/**
 * A bounded min-heap of the best documents so far (the worst kept at the top): a better score
 * wins, and between equal scores the document added to the index first.
 *
 * @module
 * @internal
 */

/** A scored document with its tie-breaking order. */
export interface RankedDocument {
  readonly doc: number
  readonly score: number
  /** The document's place in the index (smaller ranks first on equal scores). */
  readonly order: number
}

/** The `capacity` best documents offered. */
export class TopHeap<T extends RankedDocument> {
  private readonly items: T[] = []

  constructor(private readonly capacity: number) {}

  /** The score a document must reach to enter (−∞ while the heap is not full). */
  get threshold(): number {
    return this.items.length < this.capacity ? Number.NEGATIVE_INFINITY : (this.items[0] as T).score
  }

  /** Would a document with this score and order enter? */
  accepts(score: number, order: number): boolean {
    if (this.items.length < this.capacity) return true
    const worst = this.items[0] as T
    return score > worst.score || (score === worst.score && order < worst.order)
  }

  /** Adds a document that {@link accepts} said would enter. */
  offer(item: T): void {
    const items = this.items
    if (items.length < this.capacity) {
      items.push(item)
      siftUp(items, items.length - 1)
    } else {
      items[0] = item
      siftDown(items, 0)
    }
  }

  /** Documents held. */
  get size(): number {
    return this.items.length
  }

  /** The document that leaves when a better one comes to a full heap. */
  get worst(): T | undefined {
    return this.items.length < this.capacity ? undefined : this.items[0]
  }

  /** The documents, best first. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => (isBetter(a, b) ? -1 : 1))
  }
}

function isBetter(item: RankedDocument, other: RankedDocument): boolean {
  return item.score > other.score || (item.score === other.score && item.order < other.order)
}

function siftUp<T extends RankedDocument>(items: T[], i: number): void {
  const item = items[i] as T
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!isBetter(items[parent] as T, item)) break
    items[i] = items[parent] as T
    i = parent
  }
  items[i] = item
}

/** Moves `items[i]` down until both its children are better than it (the worst sits at the top). */
function siftDown<T extends RankedDocument>(items: T[], i: number): void {
  const item = items[i] as T
  for (;;) {
    const left = 2 * i + 1
    if (left >= items.length) break
    const right = left + 1
    let worst = left
    if (right < items.length && isBetter(items[left] as T, items[right] as T)) worst = right
    const worstItem = items[worst] as T
    if (!isBetter(item, worstItem)) break
    items[i] = worstItem
    i = worst
  }
  items[i] = item
}
