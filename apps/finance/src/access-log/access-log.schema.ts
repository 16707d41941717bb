import { Schema } from 'mongoose';
import { AccessLogEntry } from './access-log-entry';

export interface StoredAccessLogEntry extends Omit<AccessLogEntry, 'accessedAt'> {
  accessedAt: Date;
}

/** One document per enterprise and month (UTC), `_id` `<uscc>:<YYYY-MM>`: every recorded read of its data in that month. */
export interface AccessLogDocument {
  _id: string;
  uscc: string;
  month: string;
  entries: StoredAccessLogEntry[];
}

export const accessLogSchema = new Schema<AccessLogDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    month: { type: String, required: true },
    entries: { type: Schema.Types.Mixed, default: [] },
  },
  { versionKey: false },
);
