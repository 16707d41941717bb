import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { EnterpriseIndicators } from './enterprise-indicators';
import { IndicatorsDocument, indicatorsSchema } from './indicators.schema';

const DUPLICATE_KEY = 11000;

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
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        // Someone stored this period in between; it may still be an older revision.
        return (await replaceOlder()).modifiedCount === 1;
      }
    });
  }

  async find(uscc: string, period: string): Promise<EnterpriseIndicators | null> {
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
