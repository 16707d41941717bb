import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';
import { ConsentScope } from './consent';

export interface StoredGrant {
  consentId: string;
  scopes: ConsentScope[];
  grantedAt: Date;
  expiresAt: Date | null;
}

export interface StoredRevokedGrant extends StoredGrant {
  bankId: string;
  revokedAt: Date;
  replacedBy: string | null;
}

/**
 * One document per enterprise, `_id` its USCC: the grant in force per bank (keyed by bank id, which is a
 * plain slug), the revoked ones for audit, a version for optimistic concurrency, and the events to publish.
 */
export interface ConsentsDocument {
  _id: string;
  grants: Record<string, StoredGrant>;
  revoked: StoredRevokedGrant[];
  version: number;
  outbox: OutboxEntry[];
}

export const consentsSchema = new Schema<ConsentsDocument>(
  {
    _id: String,
    grants: { type: Schema.Types.Mixed, default: {} },
    revoked: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);
// Writes are guarded by {_id, version}: the database stand-in only uses an index covering both for such a filter (without it,
// each guarded update scans the collection).
consentsSchema.index({ _id: 1, version: 1 }, { unique: true });
