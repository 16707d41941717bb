import { Schema } from 'mongoose';

/** One document per API key; `_id` is the key id. The secret itself is never stored, only its SHA-256. A key belongs to a bank or to a data provider. */
export interface ApiKeyDocument {
  _id: string;
  bankId?: string;
  providerId?: string;
  secretHash: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export const apiKeySchema = new Schema<ApiKeyDocument>(
  {
    _id: String,
    bankId: { type: String },
    providerId: { type: String },
    secretHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

apiKeySchema.index({ bankId: 1, createdAt: 1 });
apiKeySchema.index({ providerId: 1, createdAt: 1 });
