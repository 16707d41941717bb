import { findByIds } from '../mongo/find-by-ids';
import { Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { MongoConnection } from '../mongo/mongo-connection';
import { EventProducer } from '../kafka/event-producer';
import { newId } from '../ids/event-ids';
import { OutboxEntry } from './outbox-entry';

interface OutboxPointer {
  _id: string;
  collectionName: string;
  docId: string;
  touchedAt: Date;
}

const pointerSchema = new Schema<OutboxPointer>({ _id: String, collectionName: String, docId: String, touchedAt: Date }, { versionKey: false });

export interface OutboxTarget {
  model: Model<never>;
  id: string;
}

/** Events that sit in one document's `outbox` field: written there with the state, sent, then pulled. */
export interface DocumentEvents {
  model: Model<never>;
  id: string;
  events: OutboxEntry[];
}

const RELAY_BATCH = 500;
const PULL_SLICE = 100;

/**
 * Transactional outbox without multi-document transactions: events travel inside the aggregate's own document,
 * written atomically with its state, and leave it only after Kafka acknowledged them.
 *
 * Two ways in:
 * - `publish` is for work that Kafka or BullMQ redelivers until it is done (a consumer's batch, a job's chunk):
 *   the caller sends what it wrote, and what it found waiting in the documents it read, before it commits its
 *   offset or progress. A crash before that redelivers the work, which reads the same documents and sends again.
 * - `commit` is for HTTP requests, which nobody redelivers: a pointer naming the document is written first and
 *   removed only by the relay after it has found the document's outbox empty or sent it. A failed, timed-out or
 *   no-op write keeps its pointer, so whatever the server did apply is still published. The request returns as soon
 *   as its write is durable; the relay sends in the background, in batches, and retries while Kafka is down.
 * Events may be sent twice; consumers dedupe by event id.
 */
export class Outbox {
  private readonly pointers: Model<OutboxPointer>;
  private readonly queued = new Map<string, { collectionName: string; docId: string }>();
  private relaying?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly mongo: MongoConnection,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
  ) {
    this.pointers = mongo.model('OutboxPointer', pointerSchema, 'outbox_pointers');
  }

  /** Sends the documents' events in order, then removes them from their documents (one update per collection). */
  async publish(pending: DocumentEvents[]): Promise<void> {
    const withEvents = pending.filter((p) => p.events.length > 0);
    if (withEvents.length === 0) return;
    await this.producer.send(withEvents.flatMap((p) => p.events));
    const byModel = new Map<Model<never>, DocumentEvents[]>();
    for (const p of withEvents) byModel.set(p.model, [...(byModel.get(p.model) ?? []), p]);
    // One statement per slice of documents: pulling the sent ids leaves any event another writer added meanwhile.
    const slices: Array<[Model<never>, DocumentEvents[]]> = [];
    for (const [model, docs] of byModel) for (let i = 0; i < docs.length; i += PULL_SLICE) slices.push([model, docs.slice(i, i + PULL_SLICE)]);
    await Promise.all(
      slices.map(([model, docs]) =>
        model.updateMany({ _id: { $in: docs.map((d) => d.id) } } as never, { $pull: { outbox: { eventId: { $in: docs.flatMap((d) => d.events.map((e) => e.eventId)) } } } } as never),
      ),
    );
  }

  /**
   * Runs `write` (which puts its events in the document's `outbox` field in the same update) behind a pointer,
   * and hands the document to the relay. Returns `write`'s result once it is durable, without waiting on Kafka.
   */
  async commit<T>(target: OutboxTarget, write: () => Promise<T>): Promise<T> {
    const collectionName = target.model.collection.collectionName;
    const pointerId = newId();
    await this.pointers.collection.insertOne({ _id: pointerId, collectionName, docId: target.id, touchedAt: new Date() } as never);
    try {
      return await write();
    } finally {
      // Whatever the write did (applied, refused, failed after the server applied it), the relay looks.
      this.enqueue(pointerId, collectionName, target.id);
    }
  }

  startRelay(sweepMs: number): void {
    this.stopped = false;
    this.sweepTimer = setInterval(() => void this.sweep(sweepMs), sweepMs);
    this.sweepTimer.unref();
    void this.sweep(0);
  }

  /** Stops taking new work and waits for a relay pass under way; pointers left are picked up at the next start. */
  async stopRelay(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.retryTimer);
    await this.relaying?.catch(() => undefined);
  }

  /** Resolves once everything handed to the relay so far is published (tests and shutdown use it). */
  async drain(timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queued.size > 0 || this.relaying) {
      if (Date.now() > deadline) throw new Error(`outbox relay still has ${this.queued.size} documents after ${timeoutMs} ms`);
      await (this.relaying ?? new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }

  /** Hands the relay the pointers older than `graceMs`: left behind by a crash, or by a replica that stopped. */
  async sweep(graceMs: number): Promise<number> {
    try {
      const stale = await this.pointers.find({ touchedAt: { $lt: new Date(Date.now() - graceMs) } }).limit(10000).lean();
      for (const p of stale) this.enqueue(p._id, p.collectionName, p.docId);
      return stale.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox sweep failed; will retry');
      return 0;
    }
  }

  private enqueue(pointerId: string, collectionName: string, docId: string): void {
    this.queued.set(pointerId, { collectionName, docId });
    this.kick();
  }

  private kick(): void {
    if (this.relaying || this.stopped) return;
    this.relaying = this.relayLoop().finally(() => {
      this.relaying = undefined;
    });
  }

  private async relayLoop(): Promise<void> {
    let failures = 0;
    while (this.queued.size > 0 && !this.stopped) {
      const batch = [...this.queued].slice(0, RELAY_BATCH);
      try {
        await this.relay(batch);
        for (const [pointerId] of batch) this.queued.delete(pointerId);
        failures = 0;
      } catch (error) {
        failures++;
        const waitMs = Math.min(100 * 2 ** failures, 5000);
        this.logger.warn({ err: error, documents: batch.length, retryInMs: waitMs }, 'outbox relay failed; will retry');
        await new Promise<void>((resolve) => {
          this.retryTimer = setTimeout(resolve, waitMs);
        });
      }
    }
  }

  private async relay(batch: Array<[string, { collectionName: string; docId: string }]>): Promise<void> {
    const byCollection = new Map<string, Set<string>>();
    for (const [, { collectionName, docId }] of batch) byCollection.set(collectionName, (byCollection.get(collectionName) ?? new Set()).add(docId));
    const pending: DocumentEvents[] = [];
    for (const [collectionName, ids] of byCollection) {
      const model = this.mongo.modelForCollection(collectionName) as Model<never> | undefined;
      if (!model) continue;
      const docs = await findByIds<{ _id: string; outbox?: OutboxEntry[] }>(model, [...ids], { outbox: 1 });
      pending.push(...pendingEvents(model, docs));
    }
    await this.publish(pending);
    await this.pointers.deleteMany({ _id: { $in: batch.map(([pointerId]) => pointerId) } });
  }
}

/** What documents read for a unit of work still hold in their outbox: sent again with that work's own events. */
export function pendingEvents(model: Model<never>, docs: Iterable<{ _id: string; outbox?: OutboxEntry[] }>): DocumentEvents[] {
  const pending: DocumentEvents[] = [];
  for (const doc of docs) if (doc.outbox?.length) pending.push({ model, id: doc._id, events: doc.outbox });
  return pending;
}
