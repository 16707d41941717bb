import { Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { MongoConnection } from '../mongo/mongo-connection';
import { EventProducer } from '../kafka/event-producer';
import { OutboxEntry } from './outbox-entry';

interface OutboxPointer {
  _id: string;
  collectionName: string;
  docId: string;
  v: number;
  touchedAt: Date;
}

const pointerSchema = new Schema<OutboxPointer>(
  { _id: String, collectionName: String, docId: String, v: Number, touchedAt: Date },
  { versionKey: false },
);

export interface OutboxTarget {
  model: Model<never>;
  id: string;
}

/**
 * Transactional outbox without multi-document transactions. Events travel inside the aggregate's own
 * document (written atomically with its state); a pointer written just before marks the document for the
 * relay. After the write the relay publishes the document's events in order, removes them, and drops its
 * pointer; if the process dies in between, the sweep finds the pointer and publishes later. At worst an
 * event is sent twice, and consumers dedupe by event id.
 */
export class Outbox {
  private readonly pointers: Model<OutboxPointer>;
  private readonly flushing = new Map<string, Promise<void>>();
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly mongo: MongoConnection,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
  ) {
    this.pointers = mongo.model('OutboxPointer', pointerSchema, 'outbox_pointers');
  }

  /**
   * Runs `write` (which pushes its events onto the document's `outbox` field in the same update) and publishes them.
   * A write that returns false wrote nothing (a conflict or a no-op), so there is nothing to publish.
   */
  async commit<T>(target: OutboxTarget, write: () => Promise<T>): Promise<T> {
    const collectionName = target.model.collection.collectionName;
    const pointerId = `${collectionName}/${target.id}`;
    const pointer = await this.pointers
      .findOneAndUpdate(
        { _id: pointerId },
        { $inc: { v: 1 }, $set: { collectionName, docId: target.id, touchedAt: new Date() } },
        { upsert: true, new: true },
      )
      .lean();
    let result: T;
    try {
      result = await write();
    } catch (error) {
      await this.pointers.deleteOne({ _id: pointerId, v: pointer!.v }).catch(() => undefined);
      throw error;
    }
    try {
      if (result !== false) await this.flush(target.model, target.id);
      await this.pointers.deleteOne({ _id: pointerId, v: pointer!.v });
    } catch (error) {
      this.logger.warn({ err: error, pointerId }, 'outbox publish failed; the sweep will retry');
    }
    return result;
  }

  /** Publishes what is pending in one document; one flush per document at a time in this process. */
  flush(model: Model<never>, id: string): Promise<void> {
    const key = `${model.collection.collectionName}/${id}`;
    const previous = this.flushing.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.publishPending(model, id));
    this.flushing.set(key, next);
    return next.finally(() => {
      if (this.flushing.get(key) === next) this.flushing.delete(key);
    });
  }

  startSweep(intervalMs: number, graceMs = intervalMs): void {
    this.sweepTimer = setInterval(() => void this.sweep(graceMs), intervalMs);
    this.sweepTimer.unref();
  }

  stopSweep(): void {
    clearInterval(this.sweepTimer);
  }

  /** Publishes for pointers left behind by a crash or a failed send. */
  async sweep(graceMs: number): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const stale = await this.pointers.find({ touchedAt: { $lt: new Date(Date.now() - graceMs) } }).lean();
      for (const pointer of stale) {
        const model = this.mongo.modelForCollection(pointer.collectionName) as Model<never> | undefined;
        if (!model) continue;
        await this.flush(model, pointer.docId);
        await this.pointers.deleteOne({ _id: pointer._id, v: pointer.v });
      }
      return stale.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox sweep failed; will retry');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async publishPending(model: Model<never>, id: string): Promise<void> {
    const doc = (await model.findById(id, { outbox: 1 }).lean()) as { outbox?: OutboxEntry[] } | null;
    const pending = doc?.outbox ?? [];
    if (pending.length === 0) return;
    await this.producer.send(pending);
    await model.updateOne({ _id: id } as never, { $pull: { outbox: { eventId: { $in: pending.map((e) => e.eventId) } } } } as never);
  }
}
