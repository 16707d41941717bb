import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, EnterpriseAccess, findByIds, isDuplicateKey, LruMap, MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { Enterprise } from './enterprise';
import { EnterpriseDocument, enterpriseSchema } from './enterprise.schema';


@Injectable()
export class EnterprisesRepository {
  private readonly model: Model<EnterpriseDocument>;
  /** Registrations never change once made, so every report after the first skips a database read. */
  private readonly registered = new LruMap<string, Enterprise>(100_000);

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Enterprise', enterpriseSchema, 'enterprises');
  }

  /** Inserts the enterprise with its event; false when the code is already registered. */
  async insert(enterprise: Enterprise, event: OutboxEntry): Promise<boolean> {
    const { uscc, registeredAt, ...rest } = enterprise;
    try {
      await this.outbox.commit({ model: this.model as never, id: uscc }, () =>
        this.model.collection.insertOne({ _id: uscc, ...rest, registeredAt: new Date(registeredAt), outbox: [event] } as never),
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The enterprise, if the access reaches it (a regulator's only within its region). */
  async find(access: EnterpriseAccess): Promise<Admitted<Enterprise> | null> {
    let enterprise = this.registered.get(access.uscc);
    if (!enterprise) {
      const doc = await this.model.findById(access.uscc, { outbox: 0 }).lean();
      if (!doc) return null;
      enterprise = toEnterprise(doc);
      this.registered.set(access.uscc, enterprise);
    }
    return admit(access, enterprise.regionCode, enterprise);
  }

  /** The enterprises the accesses reach, by code, in one bulk read of those not remembered (a bulk import's chunk). */
  async findMany(accesses: readonly EnterpriseAccess[]): Promise<Map<string, Admitted<Enterprise>>> {
    const missing = [...new Set(accesses.map((a) => a.uscc).filter((uscc) => !this.registered.get(uscc)))];
    if (missing.length > 0) {
      for (const doc of await findByIds<EnterpriseDocument>(this.model as never, missing, { outbox: 0 })) this.registered.set(doc._id, toEnterprise(doc));
    }
    const found = new Map<string, Admitted<Enterprise>>();
    for (const access of accesses) {
      const enterprise = this.registered.get(access.uscc);
      const admitted = enterprise && admit(access, enterprise.regionCode, enterprise);
      if (admitted) found.set(access.uscc, admitted);
    }
    return found;
  }
}

function toEnterprise(doc: EnterpriseDocument): Enterprise {
  return {
    uscc: doc._id,
    name: doc.name,
    industryCode: doc.industryCode,
    industryDivision: doc.industryDivision,
    regionCode: doc.regionCode,
    registeredAt: doc.registeredAt.toISOString(),
  };
}

