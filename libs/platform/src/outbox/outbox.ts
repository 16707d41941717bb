import { findByIds } from '../mongo/find-by-ids';
import { Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { MongoConnection } from '../mongo/mongo-connection';
import { EventProducer } from '../kafka/event-producer';
import { newId } from '../ids/event-ids';
import { OutboxEntry } from './outbox-entry';
import { OUTBOX_BATCHES_COLLECTION, OutboxBatch, splitIntoBatches, StagedBatches } from './outbox-batch';

interface OutboxPointer {
  _id: string;
  collectionName: string;
  docId: string;
  touchedAt: Date;
}

const pointerSchema = new Schema<OutboxPointer>({ _id: String, collectionName: String, docId: String, touchedAt: Date }, { versionKey: false });
const batchSchema = new Schema<OutboxBatch>({ _id: String, collectionName: String, createdAt: Date, events: { type: Schema.Types.Mixed } }, { versionKey: false });

export interface OutboxTarget {
  model: Model<never>;
  id: string;
}

/**
 * Events waiting for one document: those in its `outbox` field (written there with the state, sent, then pulled),
 * and the batches it names in `outboxBatches` (see `OutboxBatch`), whose events for it are sent while the batch exists.
 */
export interface DocumentEvents {
  model: Model<never>;
  id: string;
  events: OutboxEntry[];
  batches?: string[];
}

/** A unit of work's own batches (all of whose documents it wrote), and the batches it already loaded for what it read. */
export interface PublishOptions {
  staged?: StagedBatches;
  loaded?: Map<string, OutboxBatch>;
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
  private readonly batches: Model<OutboxBatch>;
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
    this.batches = mongo.model('OutboxBatch', batchSchema, OUTBOX_BATCHES_COLLECTION);
  }

  /** Documents the relay of this process still has to send events from (the outbox backlog metric). */
  get pending(): number {
    return this.queued.size;
  }

  /**
   * Writes the events of a unit of work that writes many documents as a few batch documents (one insert), before
   * the state: each document then names its batch (`batchOf`) in its own write. Cheaper than an event inside each
   * document, which must be rewritten to pull it once sent.
   */
  async stage(written: DocumentEvents[]): Promise<StagedBatches> {
    const collections = new Set(written.filter((w) => w.events.length > 0).map((w) => w.model.collection.collectionName));
    if (collections.size === 0) return { batches: [], batchOf: new Map() };
    if (collections.size > 1) throw new Error(`one outbox batch announces documents of one collection, not ${[...collections].join(', ')}`);
    const staged = splitIntoBatches([...collections][0], written.map((w) => ({ docId: w.id, events: w.events })), newId);
    if (staged.batches.length > 0) await this.batches.collection.insertMany(staged.batches as never[], { ordered: true });
    return staged;
  }

  /** The batches these documents name that still exist (one read): their events for the documents naming them are still to send. */
  async loadBatches(pending: DocumentEvents[]): Promise<Map<string, OutboxBatch>> {
    const ids = [...new Set(pending.flatMap((p) => p.batches ?? []))];
    if (ids.length === 0) return new Map();
    return new Map((await findByIds<OutboxBatch>(this.batches as never, ids)).map((b) => [b._id, b]));
  }

  /**
   * Sends, in order, the events waiting for the documents read (in their `outbox`, then in the batches they name),
   * then the unit of work's own staged batches; then pulls the sent events from the documents (one update per
   * slice) and deletes the batches it sent whole: its own, and any whose every document it read. `pending` may list
   * documents read that wait for nothing (a document read but not found, too): batches are deleted only once seen whole.
   */
  async publish(pending: DocumentEvents[], options: PublishOptions = {}): Promise<void> {
    const staged = options.staged?.batches ?? [];
    const loaded = options.loaded ?? (pending.some((p) => p.batches?.length) ? await this.loadBatches(pending) : new Map<string, OutboxBatch>());
    const byDoc = new Map<string, Map<string, OutboxEntry[]>>();
    for (const batch of loaded.values()) {
      const perDoc = new Map<string, OutboxEntry[]>();
      for (const { docId, ...event } of batch.events) {
        const list = perDoc.get(docId);
        if (list) list.push(event);
        else perDoc.set(docId, [event]);
      }
      byDoc.set(batch._id, perDoc);
    }
    const entries: OutboxEntry[] = [];
    for (const p of pending) {
      entries.push(...p.events);
      for (const ref of p.batches ?? []) entries.push(...(byDoc.get(ref)?.get(p.id) ?? []));
    }
    for (const batch of staged) for (const { docId: _docId, ...event } of batch.events) entries.push(event);
    if (entries.length === 0) return;
    await this.producer.send(entries);
    // A batch no document of it can still come to name (only its writer names it, in the write it staged it for).
    const read = new Set(pending.map((p) => `${p.model.collection.collectionName}/${p.id}`));
    const readWhole = (b: OutboxBatch) => b.events.every((e) => read.has(`${b.collectionName}/${e.docId}`));
    const sentWhole = [...staged.map((b) => b._id), ...[...loaded.values()].filter(readWhole).map((b) => b._id)];
    await Promise.all([this.pull(pending.filter((p) => p.events.length > 0)), sentWhole.length > 0 ? this.batches.collection.deleteMany({ _id: { $in: sentWhole } } as never) : undefined]);
  }

  private async pull(withEvents: DocumentEvents[]): Promise<void> {
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
      const docs = await findByIds<{ _id: string; outbox?: OutboxEntry[]; outboxBatches?: string[] }>(model, [...ids], { outbox: 1, outboxBatches: 1 });
      pending.push(...pendingEvents(model, docs));
    }
    await this.publish(pending);
    await this.pointers.deleteMany({ _id: { $in: batch.map(([pointerId]) => pointerId) } });
  }
}

/** What documents read for a unit of work still hold in their outbox: sent again with that work's own events. */
export function pendingEvents(model: Model<never>, docs: Iterable<{ _id: string; outbox?: OutboxEntry[]; outboxBatches?: string[] }>): DocumentEvents[] {
  const pending: DocumentEvents[] = [];
  for (const doc of docs) {
    if (doc.outbox?.length || doc.outboxBatches?.length) pending.push({ model, id: doc._id, events: doc.outbox ?? [], ...(doc.outboxBatches?.length ? { batches: doc.outboxBatches } : {}) });
  }
  return pending;
}
