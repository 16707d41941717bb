import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { EnterpriseAccess, isDuplicateKey, MongoConnection, Outbox, OutboxEntry, withinScope } from '@gec/platform';
import { EnterpriseIndicators } from './enterprise-indicators';
import { IndicatorsDocument, indicatorsSchema } from './indicators.schema';


@Injectable()
export class IndicatorsRepository {
  private readonly model: Model<IndicatorsDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Indicators', indicatorsSchema, 'indicators');
  }

  /**
   * Stores the indicators with their event in one atomic write, but only over an older revision:
   * false (and nothing written) when the stored revision is the same or newer.
   */
  async saveIfNewer(indicators: EnterpriseIndicators, event: OutboxEntry): Promise<boolean> {
    const id = indicatorsId(indicators.uscc, indicators.period);
    const fields = { ...indicators, computedAt: new Date(indicators.computedAt) };
    return this.outbox.commit({ model: this.model as never, id }, async () => {
      const replaceOlder = () =>
        this.model.updateOne({ _id: id, revision: { $lt: indicators.revision } }, { $set: fields, $push: { outbox: event } });
      if ((await replaceOlder()).modifiedCount === 1) return true;
      try {
        await this.model.collection.insertOne({ _id: id, ...fields, outbox: [event] } as never);
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Someone stored this period in between; it may still be an older revision.
        return (await replaceOlder()).modifiedCount === 1;
      }
    });
  }

  /** The indicators of a period, if the access reaches them (a regulator's only within its region). */
  async find(access: EnterpriseAccess, period: string): Promise<EnterpriseIndicators | null> {
    const doc = await this.model.findById(indicatorsId(access.uscc, period), { outbox: 0 }).lean();
    return doc && withinScope(access, doc.regionCode) ? toIndicators(doc) : null;
  }

  /**
   * The stored indicators, for the event-processing path only (no caller, no scope): never serve this to a
   * request; requests go through `find` with an access.
   */
  async findForProcessing(uscc: string, period: string): Promise<EnterpriseIndicators | null> {
    const doc = await this.model.findById(indicatorsId(uscc, period), { outbox: 0 }).lean();
    return doc ? toIndicators(doc) : null;
  }
}

function indicatorsId(uscc: string, period: string): string {
  return `${uscc}:${period}`;
}

function toIndicators(doc: Omit<IndicatorsDocument, 'outbox'>): EnterpriseIndicators {
  const { _id, computedAt, ...rest } = doc;
  return { ...rest, computedAt: computedAt.toISOString() };
}
