import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { EventProducer } from '../kafka/event-producer';
import { OutboxEntry } from '../outbox/outbox-entry';
import { RedisConnection } from '../queue/redis-connection';
import { ACCESS_RECORD_FIELD, ACCESS_RECORD_GROUP } from './access-record-stream';

/**
 * Stream entries taken per read (each holds up to 50 records, typically a handful): small steps, because parsing a
 * read and encoding its Kafka request hold up the requests this process serves meanwhile.
 */
const ENTRIES_PER_READ = 20;
/** Reads per drain before waiting for the next tick, so a backlog is published in steps. */
const READS_PER_DRAIN = 25;
/** A Kafka request stays well below the broker's default 1 MB per partition batch. */
const MAX_SEND_BYTES = 256 * 1024;
/** A consumer without pending records, silent this many claim intervals, is dropped from the group. */
const FORGET_CONSUMER_AFTER_CLAIMS = 100;

type StreamEntry = [id: string, fields: string[] | null];

export interface AccessRecordDrainerOptions {
  /** How often the stream is drained. */
  intervalMs: number;
  /** Records another consumer read and has not acknowledged for this long are taken over (it presumably died). */
  claimIdleMs: number;
}

/**
 * Publishes the access records of the service's Redis stream (see AccessRecorder) as `audit.data-accessed.v1`
 * events. Every process runs one, as a member of the stream's consumer group: it reads new entries (XREADGROUP),
 * sends their events to Kafka in batches, and only then acknowledges and deletes them. What it read but could not
 * send stays pending to it and is retried on the next drain; what a dead process read and never acknowledged is
 * claimed (XAUTOCLAIM) after `claimIdleMs`. Records are at least once on Kafka: a record sent just before a crash
 * is sent again, with the same event id (the access id), and consumers keep it once.
 */
export class AccessRecordDrainer {
  readonly consumer = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private connection?: Redis;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private stopped = false;
  private lastClaimAt = 0;
  private failing = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly streamKey: string,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    private readonly options: AccessRecordDrainerOptions,
  ) {}

  async start(): Promise<void> {
    // A connection of its own: large reads must not hold up the requests' commands pipelined on theirs.
    this.connection = this.redis.dedicated({ maxRetriesPerRequest: 1, commandTimeout: 10_000 });
    await this.connection.connect();
    await this.ensureGroup();
    this.stopped = false;
    this.schedule();
  }

  /** Stops draining after publishing what is in the stream now (the HTTP server is closed by then). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining;
    if (!this.connection) return;
    try {
      await this.drain();
    } catch (error) {
      this.logger.warn({ err: error }, 'access records left in the stream at shutdown; another process will publish them');
    }
    await this.connection.quit().catch(() => this.connection?.disconnect());
    this.connection = undefined;
  }

  /** Publishes what this process can take now: its own unacknowledged records, long-idle ones of others, new ones. */
  async drain(): Promise<number> {
    let published = await this.publish(await this.read('0'));
    if (Date.now() - this.lastClaimAt >= this.options.claimIdleMs / 2) {
      this.lastClaimAt = Date.now();
      published += await this.claim();
    }
    for (let reads = 0; reads < READS_PER_DRAIN; reads++) {
      const entries = await this.read('>');
      published += await this.publish(entries);
      if (entries.length < ENTRIES_PER_READ) break;
    }
    return published;
  }

  /** The consumer group, from the stream's first entry (made again if Redis lost it, e.g. restarted without its data). */
  private async ensureGroup(): Promise<void> {
    try {
      await this.connection!.xgroup('CREATE', this.streamKey, ACCESS_RECORD_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.draining = this.drain()
        .then(() => {
          if (this.failing) this.logger.info('access records are published again');
          this.failing = false;
        })
        .catch(async (error: unknown) => {
          if (!this.failing) this.logger.warn({ err: error }, 'access records not published yet; retrying');
          this.failing = true;
          if (String((error as Error)?.message).includes('NOGROUP')) await this.ensureGroup().catch(() => undefined);
        })
        .finally(() => {
          this.draining = undefined;
          this.schedule();
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** '0': the entries delivered to this consumer and not acknowledged; '>': entries nobody has read yet. */
  private async read(from: '0' | '>'): Promise<StreamEntry[]> {
    const reply = (await this.connection!.xreadgroup('GROUP', ACCESS_RECORD_GROUP, this.consumer, 'COUNT', ENTRIES_PER_READ, 'STREAMS', this.streamKey, from)) as Array<[string, StreamEntry[]]> | null;
    return reply?.[0]?.[1] ?? [];
  }

  /** Takes over entries other consumers read and left unacknowledged for claimIdleMs, and publishes them. */
  private async claim(): Promise<number> {
    let published = 0;
    let cursor = '0-0';
    do {
      const [next, entries] = (await this.connection!.xautoclaim(this.streamKey, ACCESS_RECORD_GROUP, this.consumer, this.options.claimIdleMs, cursor, 'COUNT', ENTRIES_PER_READ)) as [string, StreamEntry[]];
      if (entries.length > 0) this.logger.warn({ entries: entries.length }, 'taking over access records a stopped process left unpublished');
      published += await this.publish(entries);
      cursor = next;
    } while (cursor !== '0-0');
    await this.forgetStoppedConsumers();
    return published;
  }

  private async publish(entries: StreamEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const events: OutboxEntry[] = [];
    for (const [id, fields] of entries) {
      for (let i = 0; fields && i + 1 < fields.length; i += 2) {
        if (fields[i] !== ACCESS_RECORD_FIELD) continue;
        for (const line of fields[i + 1].split('\n')) {
          try {
            events.push(JSON.parse(line) as OutboxEntry);
          } catch {
            this.logger.error({ entry: id }, 'unreadable access record dropped');
          }
        }
      }
    }
    for (const batch of bySize(events)) await this.producer.send(batch);
    const ids = entries.map(([id]) => id);
    await this.connection!.multi().xack(this.streamKey, ACCESS_RECORD_GROUP, ...ids).xdel(this.streamKey, ...ids).exec();
    return events.length;
  }

  private async forgetStoppedConsumers(): Promise<void> {
    const consumers = (await this.connection!.xinfo('CONSUMERS', this.streamKey, ACCESS_RECORD_GROUP)) as unknown[][];
    for (const info of consumers) {
      const fields = new Map<string, unknown>();
      for (let i = 0; i + 1 < info.length; i += 2) fields.set(String(info[i]), info[i + 1]);
      const name = String(fields.get('name'));
      if (name !== this.consumer && Number(fields.get('pending')) === 0 && Number(fields.get('idle')) > FORGET_CONSUMER_AFTER_CLAIMS * this.options.claimIdleMs) {
        await this.connection!.xgroup('DELCONSUMER', this.streamKey, ACCESS_RECORD_GROUP, name);
      }
    }
  }
}

function* bySize(events: OutboxEntry[]): Generator<OutboxEntry[]> {
  let batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = event.value.length + event.key.length + 200;
    if (batch.length > 0 && bytes + size > MAX_SEND_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
