import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';
import { DecisionHistoryEntry, DecisionRating } from './decision';

/** One document per enterprise and product, `_id` `<uscc>:<product>`: the current decision and its recent history. */
export interface EligibilityDocument {
  _id: string;
  uscc: string;
  product: string;
  regionCode?: string;
  eligible: boolean;
  reasons: string[];
  conditionsMet: boolean[];
  rating: DecisionRating | null;
  decidedAt: Date;
  causingEventId: string;
  version: number;
  history: DecisionHistoryEntry[];
  outbox: OutboxEntry[];
}

export const eligibilitySchema = new Schema<EligibilityDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    product: { type: String, required: true },
    regionCode: { type: String },
    eligible: { type: Boolean, required: true },
    reasons: { type: [String], default: [] },
    conditionsMet: { type: [Boolean], default: [] },
    rating: { type: Schema.Types.Mixed },
    decidedAt: { type: Date, required: true },
    causingEventId: { type: String, required: true },
    version: { type: Number, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
    outbox: outboxField,
  },
  { versionKey: false },
);
// Writes are guarded by {_id, version}: the database stand-in only uses an index covering both for such a filter (without it,
// each guarded update scans the collection).
eligibilitySchema.index({ _id: 1, version: 1 }, { unique: true });
