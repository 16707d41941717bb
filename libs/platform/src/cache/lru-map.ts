/**
 * A Map that keeps at most `capacity` entries, dropping the least recently used one when full. Recency is tracked
 * coarsely: a read moves an entry to the young end only once it has drifted into the older half, so reading a
 * recently used entry costs one Map lookup.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, { value: V; stamp: number }>();
  private clock = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('an LRU map needs a capacity of at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.clock - entry.stamp >= this.capacity / 2) {
      // A Map iterates in insertion order: re-inserting moves the key to the most recently used end.
      this.entries.delete(key);
      entry.stamp = ++this.clock;
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, stamp: ++this.clock });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
