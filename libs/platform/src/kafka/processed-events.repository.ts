import { findByIds } from '../mongo/find-by-ids';
import { Model, Schema } from 'mongoose';
import { MongoConnection } from '../mongo/mongo-connection';
import { onlyDuplicateKeys } from '../mongo/is-duplicate-key';
import { Retention } from '../mongo/retention';

interface ProcessedEvent {
  _id: string;
  processedAt: Date;
}

const processedEventSchema = new Schema<ProcessedEvent>({ _id: String, processedAt: { type: Date, index: true } }, { versionKey: false });

/** Event ids a consumer group has already handled, so a redelivered event changes nothing. One round trip per batch each way. */
export class ProcessedEventsRepository {
  private readonly model: Model<ProcessedEvent>;

  constructor(mongo: MongoConnection, retention?: Retention, retentionHours = 14 * 24) {
    this.model = mongo.model('ProcessedEvent', processedEventSchema, 'processed_events');
    // Beyond the redelivery horizon an id can no longer come back, so it need not be remembered.
    retention?.register({ name: 'processed_events', model: this.model as never, field: 'processedAt', maxAgeMs: retentionHours * 3_600_000 });
  }

  /** The ids among `eventIds` this group has already processed. */
  async seen(group: string, eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const docs = await findByIds<{ _id: string }>(this.model as never, eventIds.map((id) => `${group}:${id}`), { _id: 1 });
    return new Set(docs.map((d) => d._id.slice(group.length + 1)));
  }

  async remember(group: string, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const processedAt = new Date();
    try {
      await this.model.collection.insertMany(eventIds.map((id) => ({ _id: `${group}:${id}`, processedAt })) as never, { ordered: false });
    } catch (error) {
      // Some were remembered before (a redelivered batch): the rest went in, since the insert is unordered.
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }
}
