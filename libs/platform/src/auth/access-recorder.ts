import { Model, Schema } from 'mongoose';
import { DataAccessed, TOPICS } from '@gec/contracts';
import { EventFactory } from '../kafka/event-factory';
import { MongoConnection } from '../mongo/mongo-connection';
import { newId } from '../ids/event-ids';
import { Outbox } from '../outbox/outbox';
import { OutboxEntry } from '../outbox/outbox-entry';
import { outboxField } from '../outbox/outbox-field';
import { EnterpriseAccess } from './enterprise-access';

interface AccessRecordDocument extends Omit<DataAccessed, 'accessId' | 'accessedAt'> {
  _id: string;
  accessedAt: Date;
  outbox: OutboxEntry[];
}

const accessRecordSchema = new Schema<AccessRecordDocument>(
  {
    _id: String,
    uscc: String,
    service: String,
    resource: String,
    subject: String,
    role: String,
    bankId: String,
    regionPrefix: String,
    basis: String,
    consentId: String,
    accessedAt: Date,
    outbox: outboxField,
  },
  { versionKey: false },
);

/**
 * Records every read of an enterprise's data by a bank, regulator or administrator, and publishes it so the
 * enterprise can see who looked, when, and under which consent. The record is written before the data is returned.
 */
export class AccessRecorder {
  private readonly model: Model<AccessRecordDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {
    this.model = mongo.model('AccessRecord', accessRecordSchema, 'access_records');
  }

  async record(access: EnterpriseAccess, resource: string): Promise<void> {
    if (access.basis === 'self') return;
    const { caller } = access;
    const accessed: DataAccessed = {
      accessId: newId(),
      uscc: access.uscc,
      service: this.events.producer,
      resource,
      subject: caller.subject,
      role: caller.role as DataAccessed['role'],
      bankId: caller.bankId ?? null,
      regionPrefix: caller.regionPrefix ?? null,
      basis: access.basis,
      consentId: access.consentId ?? null,
      accessedAt: new Date().toISOString(),
    };
    const event = this.events.create(TOPICS.dataAccessed, accessed);
    const { accessId, accessedAt, ...rest } = accessed;
    await this.outbox.commit({ model: this.model as never, id: accessId }, () =>
      this.model.collection.insertOne({ _id: accessId, ...rest, accessedAt: new Date(accessedAt), outbox: [event] } as never),
    );
  }
}
