import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { IndicatorsComputed } from '@gec/contracts';
import { MongoConnection } from '@gec/platform';
import { Freshness, keepNewest } from '../read-models/keep-newest';
import { IndicatorsDocument, indicatorsSchema } from './indicators.schema';

/** Read model of metrics' indicators: only the newest revision per enterprise and period is kept. */
@Injectable()
export class IndicatorsRepository {
  private readonly model: Model<IndicatorsDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Indicators', indicatorsSchema, 'indicators');
  }

  keepNewest(indicators: IndicatorsComputed): Promise<Freshness> {
    const { revision, ...fields } = indicators;
    return keepNewest(this.model as never, indicatorsId(indicators.uscc, indicators.period), { field: 'revision', value: revision }, fields);
  }

  async find(uscc: string, period: string): Promise<IndicatorsComputed | null> {
    const doc = await this.model.findById(indicatorsId(uscc, period)).lean();
    if (!doc) return null;
    const { _id, ...indicators } = doc;
    return indicators;
  }
}

function indicatorsId(uscc: string, period: string): string {
  return `${uscc}:${period}`;
}
