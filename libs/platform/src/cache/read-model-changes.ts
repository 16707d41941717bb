import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { newId } from '../ids/event-ids';
import { MongoConnection, WritePhase } from '../mongo/mongo-connection';
import { WrittenDocuments } from '../mongo/written-documents';
import { RedisConnection } from '../queue/redis-connection';

/** What a watcher is told: these ids of its collection changed, or (null) any may have. */
export type ChangeListener = (ids: string[] | null) => void;

interface ChangeNotice {
  /** The process that wrote (which already forgot what it wrote). */
  o: string;
  changes: Array<{ c: string; ids: string[] | null }>;
}

/** How often the subscription is confirmed alive: well inside the stale bound. */
const PING_FRACTION = 5;

/**
 * Tells in-process caches of the service's collections which documents changed, in this process and in every other
 * replica of the service (all on the same database).
 *
 * - In this process: every write the process sends is heard on the database driver's command stream, whichever
 *   code sends it (see MongoConnection.onWrite), and watchers forget the written ids at once, both when the write is
 *   sent and when it is answered. So a write is visible to the next read in the process that made it.
 * - In other replicas: once the database answered, the written ids are published on a Redis channel of the
 *   database; every replica subscribes to it. Pub/sub keeps no history, so trust is earned and re-earned: the
 *   subscription is pinged every `staleMs / 5`, and a ping's answer proves every notice published before the ping
 *   was sent has arrived (Redis answers in order on one connection). Caches may be used only while `trusted()`:
 *   the last confirmed ping was sent less than `staleMs` ago. A replica that lost its subscription stops using its
 *   caches within `staleMs` and, on resubscribing, forgets everything.
 *
 * Bound: another replica stops serving a document within `staleMs` (1 s by default; normally a few ms) of the
 * writer's notice reaching Redis. The writer publishes right after the database answered and retries every ping
 * interval while Redis refuses it; if the writer dies in between, or cannot reach Redis while others can, the
 * caches' maximum age (ReadModelCache) bounds how long others may serve the old document.
 */
export class ReadModelChanges {
  private readonly origin = newId();
  private readonly watchers = new Map<string, ChangeListener[]>();
  private readonly outgoing = new Map<string, Set<string> | null>();
  private subscriber?: Redis;
  private subscribed = false;
  /** Bumped whenever the subscription is lost: an answer to a ping sent before proves nothing. */
  private epoch = 0;
  private confirmedAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;
  private publishScheduled = false;
  private publishing = false;
  private publishFailing = false;
  private wasTrusted = true;

  constructor(
    mongo: MongoConnection,
    private readonly redis: RedisConnection,
    private readonly channel: string,
    private readonly logger: Logger,
    readonly staleMs: number,
  ) {
    mongo.onWrite((written, phase) => this.written(written, phase));
  }

  /** Calls `listener` with the ids of `collection` that changed, here or in another replica. */
  watch(collection: string, listener: ChangeListener): void {
    this.watchers.set(collection, [...(this.watchers.get(collection) ?? []), listener]);
  }

  /** Whether caches may answer: every change published up to `staleMs` ago has reached this process. */
  trusted(): boolean {
    return this.subscribed && Date.now() - this.confirmedAt < this.staleMs;
  }

  async start(): Promise<void> {
    const subscriber = this.redis.dedicated();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => this.received(message));
    subscriber.on('close', () => this.lost());
    subscriber.on('error', (error: Error) => this.logger.debug({ err: error }, 'read-model change subscription error'));
    subscriber.on('ready', () => {
      // A reconnect (ioredis has already re-sent SUBSCRIBE): what was published meanwhile is lost, so forget all.
      if (this.subscribed || this.epoch === 0) return;
      this.forgetAll();
      this.subscribed = true;
      this.logger.info('read-model change subscription restored; caches start afresh');
    });
    await subscriber.connect();
    await subscriber.subscribe(this.channel);
    this.subscribed = true;
    await this.confirm();
    this.timer = setInterval(() => {
      this.reportTrust();
      void this.confirm();
      if (this.outgoing.size > 0) void this.publish();
    }, Math.max(10, Math.floor(this.staleMs / PING_FRACTION)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.subscribed = false;
    await this.publish();
    if (this.subscriber && this.subscriber.status !== 'end') await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }

  private async confirm(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber || !this.subscribed || subscriber.status !== 'ready') return;
    const epoch = this.epoch;
    const sentAt = Date.now();
    try {
      await subscriber.ping();
      if (epoch === this.epoch && this.subscribed) this.confirmedAt = Math.max(this.confirmedAt, sentAt);
    } catch {
      // Not confirmed: trust runs out by itself.
    }
  }

  /** Says when caches stop being used (every read then goes to the database) and when they are used again. */
  private reportTrust(): void {
    const trusted = this.trusted();
    if (trusted === this.wasTrusted) return;
    this.wasTrusted = trusted;
    if (trusted) this.logger.info('read-model change notices confirmed again; caches in use');
    else this.logger.warn({ staleMs: this.staleMs }, 'read-model change notices not confirmed in time; caches bypassed');
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    this.epoch++;
    this.confirmedAt = Number.NEGATIVE_INFINITY;
    this.logger.warn('read-model change subscription lost; caches are bypassed until it is back');
  }

  private written(written: WrittenDocuments, phase: WritePhase): void {
    if (written.collection !== '*' && !this.watchers.has(written.collection)) return;
    this.notify(written.collection, written.ids);
    if (phase !== 'done') return;
    const queued = this.outgoing.get(written.collection);
    if (written.ids === null || queued === null) this.outgoing.set(written.collection, null);
    else this.outgoing.set(written.collection, new Set([...(queued ?? []), ...written.ids]));
    if (!this.publishScheduled) {
      this.publishScheduled = true;
      // The writes of one turn of the event loop go out as one notice.
      setImmediate(() => {
        this.publishScheduled = false;
        void this.publish();
      });
    }
  }

  private async publish(): Promise<void> {
    if (this.publishing || this.outgoing.size === 0) return;
    this.publishing = true;
    const sending = new Map(this.outgoing);
    this.outgoing.clear();
    const notice: ChangeNotice = { o: this.origin, changes: [...sending].map(([c, ids]) => ({ c, ids: ids && [...ids] })) };
    try {
      await this.redis.requests.publish(this.channel, JSON.stringify(notice));
      if (this.publishFailing) this.logger.info('read-model change notices are published again');
      this.publishFailing = false;
    } catch (error) {
      // Put back (merged with what came meanwhile); the ping timer retries.
      for (const [c, ids] of sending) {
        const queued = this.outgoing.get(c);
        this.outgoing.set(c, ids === null || queued === null ? null : new Set([...ids, ...(queued ?? [])]));
      }
      if (!this.publishFailing) this.logger.warn({ err: error }, 'read-model change notice not published; other replicas may serve old data until it is');
      this.publishFailing = true;
    } finally {
      this.publishing = false;
    }
  }

  private received(message: string): void {
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(message) as ChangeNotice;
    } catch {
      this.logger.warn({ message: message.slice(0, 200) }, 'unreadable read-model change notice; forgetting every cache');
      return this.forgetAll();
    }
    if (notice.o === this.origin) return;
    for (const change of notice.changes ?? []) this.notify(change.c, change.ids);
  }

  private notify(collection: string, ids: string[] | null): void {
    if (collection === '*') return this.forgetAll();
    for (const listener of this.watchers.get(collection) ?? []) listener(ids);
  }

  private forgetAll(): void {
    for (const listeners of this.watchers.values()) for (const listener of listeners) listener(null);
  }
}
