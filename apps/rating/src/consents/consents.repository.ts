import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { ConsentChanged } from '@gec/contracts';
import { MongoConnection } from '@gec/platform';
import { Freshness, keepNewest } from '../read-models/keep-newest';
import { Consent } from './consent';
import { ConsentDocument, consentSchema } from './consent.schema';

/** Read model of finance's consents: only the newest change (by its change time) per enterprise and bank is kept. */
@Injectable()
export class ConsentsRepository {
  private readonly model: Model<ConsentDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Consent', consentSchema, 'consents');
  }

  /** On a tie in change time a revocation wins: access is never restored by the order of arrival. */
  async keepNewest(change: ConsentChanged): Promise<Freshness> {
    const { changedAt, expiresAt, ...fields } = change;
    const id = consentId(change.uscc, change.bankId);
    const freshness = await keepNewest(this.model as never, id, { field: 'changedAt', value: new Date(changedAt) }, { ...fields, expiresAt: expiresAt === null ? null : new Date(expiresAt) });
    if (freshness === 'same' && !change.granted) {
      await this.model.updateOne({ _id: id, changedAt: new Date(changedAt) }, { $set: { granted: false, consentId: change.consentId } });
    }
    return freshness;
  }

  async find(uscc: string, bankId: string): Promise<Consent | null> {
    const doc = await this.model.findById(consentId(uscc, bankId)).lean();
    if (!doc) return null;
    const { _id, ...consent } = doc;
    return consent;
  }
}

function consentId(uscc: string, bankId: string): string {
  return `${uscc}:${bankId}`;
}
