import { Schema } from 'mongoose';
import { AccessLogEntry } from './access-log-entry';

/**
 * One recorded read per document, `_id` its access id (so a record delivered twice is kept once), deleted once older
 * than the retention period. Bounded: a month of heavy reads is many small documents, never one growing one.
 */
export interface AccessRecordDocument extends Omit<AccessLogEntry, 'accessedAt' | 'accessId'> {
  _id: string;
  uscc: string;
  accessedAt: Date;
}

export const accessRecordSchema = new Schema<AccessRecordDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    service: { type: String, required: true },
    resource: { type: String, required: true },
    subject: { type: String, required: true },
    role: { type: String, required: true },
    bankId: { type: String, default: null },
    regionPrefix: { type: String, default: null },
    basis: { type: String, required: true },
    consentId: { type: String, default: null },
    accessedAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);
// An enterprise's log, newest first, is one index range on MongoDB (the stand-in scans).
accessRecordSchema.index({ uscc: 1, accessedAt: -1, _id: -1 });
