import { Model, Schema } from 'mongoose';
import { MongoConnection } from '../mongo/mongo-connection';

interface ProcessedEvent {
  _id: string;
  processedAt: Date;
}

const processedEventSchema = new Schema<ProcessedEvent>({ _id: String, processedAt: Date }, { versionKey: false });

/** Event ids a consumer group has already handled, so a redelivered event changes nothing. */
export class ProcessedEventsRepository {
  private readonly model: Model<ProcessedEvent>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('ProcessedEvent', processedEventSchema, 'processed_events');
  }

  async has(group: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ _id: `${group}:${eventId}` })) !== null;
  }

  async remember(group: string, eventId: string): Promise<void> {
    await this.model.updateOne({ _id: `${group}:${eventId}` }, { $setOnInsert: { processedAt: new Date() } }, { upsert: true });
  }
}
