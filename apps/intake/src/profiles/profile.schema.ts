import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';
import { ProfileRevision } from './profile';

/** One document per version of an enterprise's profile, holding each revision of it; `_id` is `<uscc>:<effectiveFrom>`. */
export interface ProfileVersionDocument {
  _id: string;
  uscc: string;
  effectiveFrom: string;
  revision: number;
  revisions: ProfileRevision[];
  outbox: OutboxEntry[];
}

export const profileVersionSchema = new Schema<ProfileVersionDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    effectiveFrom: { type: String, required: true },
    revision: { type: Number, required: true },
    revisions: { type: Schema.Types.Mixed, default: [] },
    outbox: outboxField,
  },
  { versionKey: false },
);
// Corrections are guarded by {_id, revision}: the database stand-in only uses an index covering both for such a filter.
profileVersionSchema.index({ _id: 1, revision: 1 }, { unique: true });

/** One small document per enterprise (`_id` its code) listing the months its profile versions start, so reads stay on `_id`. */
export interface ProfileIndexDocument {
  _id: string;
  versions: string[];
}

export const profileIndexSchema = new Schema<ProfileIndexDocument>({ _id: String, versions: { type: [String], default: [] } }, { versionKey: false });
