import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection } from '@gec/platform';
import { ApiKey, ApiKeyOwner } from './api-key';
import { ApiKeyDocument, apiKeySchema } from './api-key.schema';

/** What the token exchange needs to check a presented key. */
export interface StoredApiKey {
  keyId: string;
  owner: ApiKeyOwner;
  secretHash: string;
  revokedAt: Date | null;
}

@Injectable()
export class ApiKeysRepository {
  private readonly model: Model<ApiKeyDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('ApiKey', apiKeySchema, 'api_keys');
  }

  async insert(key: { keyId: string; owner: ApiKeyOwner; secretHash: string; createdAt: Date }): Promise<void> {
    await this.model.collection.insertOne({ _id: key.keyId, ...ownerField(key.owner), secretHash: key.secretHash, createdAt: key.createdAt, revokedAt: null, lastUsedAt: null } as never);
  }

  /** A bank's or provider's keys, oldest first, without their hashes. */
  async listByOwner(owner: ApiKeyOwner): Promise<ApiKey[]> {
    const docs = await this.model.find(ownerField(owner), { secretHash: 0 }).sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map(toApiKey);
  }

  async findForVerification(keyId: string): Promise<StoredApiKey | null> {
    const doc = await this.model.findById(keyId, { bankId: 1, providerId: 1, secretHash: 1, revokedAt: 1 }).lean();
    if (!doc) return null;
    const owner: ApiKeyOwner = doc.providerId ? { kind: 'provider', id: doc.providerId } : { kind: 'bank', id: doc.bankId! };
    return { keyId: doc._id, owner, secretHash: doc.secretHash, revokedAt: doc.revokedAt ?? null };
  }

  /** Revokes a bank's or provider's key (keeping the first revocation time); false when it has no such key. */
  async revoke(owner: ApiKeyOwner, keyId: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: keyId, ...ownerField(owner), revokedAt: null }, { $set: { revokedAt: at } });
    return result.matchedCount > 0 || (await this.model.exists({ _id: keyId, ...ownerField(owner) })) !== null;
  }

  async markUsed(keyId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: keyId }, { $set: { lastUsedAt: at } });
  }
}

function toApiKey(doc: Omit<ApiKeyDocument, 'secretHash'>): ApiKey {
  return {
    keyId: doc._id,
    ...(doc.providerId ? { providerId: doc.providerId } : { bankId: doc.bankId }),
    createdAt: doc.createdAt.toISOString(),
    revokedAt: doc.revokedAt ? doc.revokedAt.toISOString() : null,
    lastUsedAt: doc.lastUsedAt ? doc.lastUsedAt.toISOString() : null,
  };
}

function ownerField(owner: ApiKeyOwner): { bankId: string } | { providerId: string } {
  return owner.kind === 'bank' ? { bankId: owner.id } : { providerId: owner.id };
}
