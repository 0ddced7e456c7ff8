/**
 * A fixed-capacity FIFO on a ring buffer: O(1) push and shift, no array
 * copying under load, and a hard bound so overload cannot exhaust memory.
 */
export class BoundedQueue<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Returns false, and keeps nothing, when the queue is full. */
  push(item: T): boolean {
    if (this.count === this.capacity) return false;
    this.items[(this.head + this.count) % this.capacity] = item;
    this.count += 1;
    return true;
  }

  /** Removes and returns up to max items from the front. */
  shiftBatch(max: number): T[] {
    const n = Math.min(max, this.count);
    const batch: T[] = new Array<T>(n);
    for (let i = 0; i < n; i += 1) {
      batch[i] = this.items[this.head] as T;
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
    }
    this.count -= n;
    return batch;
  }

  /** Puts items back at the front, in order (used when a batch could not be stored). */
  unshiftBatch(batch: T[]): void {
    if (batch.length + this.count > this.capacity) throw new RangeError('unshiftBatch would exceed the queue capacity');
    for (let i = batch.length - 1; i >= 0; i -= 1) {
      this.head = (this.head - 1 + this.capacity) % this.capacity;
      this.items[this.head] = batch[i];
      this.count += 1;
    }
  }
}
