import { Schema } from 'mongoose';
import { CONSENT_SCOPES } from '@gec/contracts';
import { Consent } from './consent';

/** The newest consent of one enterprise for one bank; `_id` is `<uscc>:<bankId>`. */
export type ConsentDocument = Consent & { _id: string };

export const consentSchema = new Schema<ConsentDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    bankId: { type: String, required: true },
    consentId: { type: String, required: true },
    granted: { type: Boolean, required: true },
    scopes: { type: [String], enum: CONSENT_SCOPES, default: [] },
    expiresAt: { type: Date, default: null },
    changedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
