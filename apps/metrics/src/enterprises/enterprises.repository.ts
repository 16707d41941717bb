import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { findByIds, MongoConnection, PipelineKeys } from '@gec/platform';
import { Enterprise } from './enterprise';
import { EnterpriseDocument, enterpriseSchema } from './enterprise.schema';

@Injectable()
export class EnterprisesRepository {
  private readonly model: Model<EnterpriseDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Enterprise', enterpriseSchema, 'enterprises');
  }

  /** Upserts by code, in one bulk write: the same registration applied twice leaves one identical document. */
  async upsertMany(enterprises: Array<Enterprise & { registeredAt: string }>): Promise<void> {
    if (enterprises.length === 0) return;
    await this.model.bulkWrite(
      enterprises.map(({ uscc, industryCode, industryDivision, regionCode, registeredAt }) => ({
        updateOne: { filter: { _id: uscc }, update: { $set: { industryCode, industryDivision, regionCode, registeredAt: new Date(registeredAt) } }, upsert: true },
      })),
      { ordered: false },
    );
  }

  async findMany(scope: PipelineKeys<string>): Promise<Map<string, Enterprise>> {
    const docs = await findByIds<EnterpriseDocument>(this.model as never, [...scope.keys]);
    return new Map(docs.map((d) => [d._id, { uscc: d._id, industryCode: d.industryCode, industryDivision: d.industryDivision, regionCode: d.regionCode }]));
  }
}
