import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection } from '@gec/platform';
import { Enterprise } from './enterprise';
import { EnterpriseDocument, enterpriseSchema } from './enterprise.schema';

@Injectable()
export class EnterprisesRepository {
  private readonly model: Model<EnterpriseDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Enterprise', enterpriseSchema, 'enterprises');
  }

  /** Upsert by code: the same registration applied twice leaves one identical document. */
  async upsert(enterprise: Enterprise, registeredAt: string): Promise<void> {
    const { uscc, industryCode, industryDivision, regionCode } = enterprise;
    await this.model.updateOne(
      { _id: uscc },
      { $set: { industryCode, industryDivision, regionCode, registeredAt: new Date(registeredAt) } },
      { upsert: true },
    );
  }

  async findByUscc(uscc: string): Promise<Enterprise | null> {
    const doc = await this.model.findById(uscc).lean();
    return doc ? { uscc: doc._id, industryCode: doc.industryCode, industryDivision: doc.industryDivision, regionCode: doc.regionCode } : null;
  }
}
