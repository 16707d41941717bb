import { LruMap } from './lru-map';
import { ReadModelChanges } from './read-model-changes';

export interface ReadModelCacheOptions<V> {
  /** The collection whose documents the values are made from; a change to a document forgets its value. */
  collection: string;
  /** Loads the value for one document id (null or a placeholder when there is none: absence is cached too). */
  load: (id: string) => Promise<V>;
  changes: ReadModelChanges;
  /** Values kept (least recently used dropped first). */
  capacity: number;
  /** A value older than this is loaded again even if no change was heard (the backstop of ReadModelChanges). */
  maxAgeMs: number;
}

interface Entry<V> {
  value: V;
  loadedAt: number;
}

interface Load<V> {
  promise: Promise<V>;
  /** Set when the document changed while loading: the result may predate the change and is not kept. */
  outdated: boolean;
}

/**
 * Values made from one collection's documents, by document id, kept in the process and forgotten as soon as
 * ReadModelChanges reports their document changed (here at once; from other replicas within its stale bound).
 * Concurrent misses for one id share one load. While the change feed is not trusted, every read loads afresh.
 */
export class ReadModelCache<V> {
  private readonly entries: LruMap<string, Entry<V>>;
  private readonly loads = new Map<string, Load<V>>();

  constructor(private readonly options: ReadModelCacheOptions<V>) {
    this.entries = new LruMap(options.capacity);
    options.changes.watch(options.collection, (ids) => (ids === null ? this.forgetAll() : ids.forEach((id) => this.forget(id))));
  }

  async get(id: string): Promise<V> {
    const trusted = this.options.changes.trusted();
    if (trusted) {
      const entry = this.entries.get(id);
      if (entry && Date.now() - entry.loadedAt < this.options.maxAgeMs) return entry.value;
    }
    return this.load(id);
  }

  private load(id: string): Promise<V> {
    const running = this.loads.get(id);
    if (running) return running.promise;
    const startedAt = Date.now();
    const load: Load<V> = {
      outdated: false,
      promise: this.options.load(id).then(
        (value) => {
          if (this.loads.get(id) === load) this.loads.delete(id);
          // Kept only if nothing changed meanwhile and every change until the load started had been heard.
          if (!load.outdated && this.options.changes.trusted()) this.entries.set(id, { value, loadedAt: startedAt });
          return value;
        },
        (error: unknown) => {
          if (this.loads.get(id) === load) this.loads.delete(id);
          throw error;
        },
      ),
    };
    this.loads.set(id, load);
    return load.promise;
  }

  private forget(id: string): void {
    this.entries.delete(id);
    const load = this.loads.get(id);
    if (load) {
      load.outdated = true;
      // Reads after the change start a load of their own rather than share one that may predate it.
      this.loads.delete(id);
    }
  }

  private forgetAll(): void {
    this.entries.clear();
    for (const load of this.loads.values()) load.outdated = true;
    this.loads.clear();
  }
}
