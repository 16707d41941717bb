import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { EnterpriseAccess, isDuplicateKey, MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { ConsentGrant, Consents, RevokedConsent } from './consent';
import { ConsentsDocument, consentsSchema, StoredGrant, StoredRevokedGrant } from './consents.schema';

/** Revoked consents kept per enterprise; older ones stay in the published consent-changed events. */
export const REVOKED_HISTORY_LIMIT = 200;

export interface StoredConsents {
  consents: Consents;
  version: number;
}

@Injectable()
export class ConsentsRepository {
  private readonly model: Model<ConsentsDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Consents', consentsSchema, 'consents');
  }

  /** The enterprise's consents with their version, for the enterprise itself or an administrator. */
  async find(access: EnterpriseAccess): Promise<StoredConsents | null> {
    const doc = await this.model.findById(access.uscc, { outbox: 0 }).lean();
    return doc ? { consents: toConsents(doc), version: doc.version } : null;
  }

  /** The collection the consents live in, whose changes the read model listens for. */
  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /**
   * The grants in force of an enterprise, by bank, whoever asks: for ConsentsReadModel, which answers a bank caller
   * only about its own bank's grant. The document id is the enterprise's code.
   */
  async grantsOf(uscc: string): Promise<ConsentGrant[]> {
    const doc = await this.model.findById(uscc, { grants: 1 }).lean();
    return Object.entries(doc?.grants ?? {}).map(([bankId, grant]) => fromStored(bankId, grant));
  }

  /**
   * Stores a grant (moving the one it replaces to the revoked history) with its event, in one atomic write,
   * if the consents are still at `expectedVersion` (null: none yet); false when another write came first.
   */
  grant(access: EnterpriseAccess, grant: ConsentGrant, replaced: RevokedConsent | null, event: OutboxEntry, expectedVersion: number | null): Promise<boolean> {
    return this.outbox.commit({ model: this.model as never, id: access.uscc }, async () => {
      if (expectedVersion === null) {
        const doc = { _id: access.uscc, grants: { [grant.bankId]: toStored(grant) }, revoked: [], version: 1, outbox: [event] };
        try {
          await this.model.collection.insertOne(doc as never);
          return true;
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
      }
      const result = await this.model.updateOne(
        { _id: access.uscc, version: expectedVersion },
        {
          $set: { [`grants.${grant.bankId}`]: toStored(grant), version: expectedVersion + 1 },
          $push: { revoked: { $each: replaced ? [toStoredRevoked(replaced)] : [], $slice: -REVOKED_HISTORY_LIMIT }, outbox: { $each: [event] } },
        },
      );
      return result.modifiedCount === 1;
    });
  }

  /** Moves a bank's grant to the revoked history with its event, in one atomic write, if still at `expectedVersion`. */
  revoke(access: EnterpriseAccess, revoked: RevokedConsent, event: OutboxEntry, expectedVersion: number): Promise<boolean> {
    return this.outbox.commit({ model: this.model as never, id: access.uscc }, async () => {
      const result = await this.model.updateOne(
        { _id: access.uscc, version: expectedVersion },
        {
          $unset: { [`grants.${revoked.bankId}`]: '' },
          $set: { version: expectedVersion + 1 },
          $push: { revoked: { $each: [toStoredRevoked(revoked)], $slice: -REVOKED_HISTORY_LIMIT }, outbox: { $each: [event] } },
        },
      );
      return result.modifiedCount === 1;
    });
  }
}

function toConsents(doc: ConsentsDocument): Consents {
  return {
    uscc: doc._id,
    grants: Object.entries(doc.grants ?? {}).map(([bankId, grant]) => fromStored(bankId, grant)),
    revoked: (doc.revoked ?? []).map((r) => ({ ...fromStored(r.bankId, r), revokedAt: r.revokedAt.toISOString(), replacedBy: r.replacedBy })),
  };
}

function fromStored(bankId: string, grant: StoredGrant): ConsentGrant {
  return {
    bankId,
    consentId: grant.consentId,
    scopes: grant.scopes,
    grantedAt: grant.grantedAt.toISOString(),
    expiresAt: grant.expiresAt ? grant.expiresAt.toISOString() : null,
  };
}

function toStored(grant: ConsentGrant): StoredGrant {
  return { consentId: grant.consentId, scopes: grant.scopes, grantedAt: new Date(grant.grantedAt), expiresAt: grant.expiresAt ? new Date(grant.expiresAt) : null };
}

function toStoredRevoked(revoked: RevokedConsent): StoredRevokedGrant {
  return { bankId: revoked.bankId, ...toStored(revoked), revokedAt: new Date(revoked.revokedAt), replacedBy: revoked.replacedBy };
}
