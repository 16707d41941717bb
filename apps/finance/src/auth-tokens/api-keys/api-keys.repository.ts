import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection } from '@gec/platform';
import { ApiKey } from './api-key';
import { ApiKeyDocument, apiKeySchema } from './api-key.schema';

/** What the token exchange needs to check a presented key. */
export interface StoredApiKey {
  keyId: string;
  bankId: string;
  secretHash: string;
  revokedAt: Date | null;
}

@Injectable()
export class ApiKeysRepository {
  private readonly model: Model<ApiKeyDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('ApiKey', apiKeySchema, 'api_keys');
  }

  async insert(key: { keyId: string; bankId: string; secretHash: string; createdAt: Date }): Promise<void> {
    await this.model.collection.insertOne({ _id: key.keyId, bankId: key.bankId, secretHash: key.secretHash, createdAt: key.createdAt, revokedAt: null, lastUsedAt: null } as never);
  }

  /** A bank's keys, oldest first, without their hashes. */
  async listByBank(bankId: string): Promise<ApiKey[]> {
    const docs = await this.model.find({ bankId }, { secretHash: 0 }).sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map(toApiKey);
  }

  async findForVerification(keyId: string): Promise<StoredApiKey | null> {
    const doc = await this.model.findById(keyId, { bankId: 1, secretHash: 1, revokedAt: 1 }).lean();
    return doc ? { keyId: doc._id, bankId: doc.bankId, secretHash: doc.secretHash, revokedAt: doc.revokedAt ?? null } : null;
  }

  /** Revokes a bank's key (keeping the first revocation time); false when the bank has no such key. */
  async revoke(bankId: string, keyId: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: keyId, bankId, revokedAt: null }, { $set: { revokedAt: at } });
    return result.matchedCount > 0 || (await this.model.exists({ _id: keyId, bankId })) !== null;
  }

  async markUsed(keyId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: keyId }, { $set: { lastUsedAt: at } });
  }
}

function toApiKey(doc: Omit<ApiKeyDocument, 'secretHash'>): ApiKey {
  return {
    keyId: doc._id,
    bankId: doc.bankId,
    createdAt: doc.createdAt.toISOString(),
    revokedAt: doc.revokedAt ? doc.revokedAt.toISOString() : null,
    lastUsedAt: doc.lastUsedAt ? doc.lastUsedAt.toISOString() : null,
  };
}
