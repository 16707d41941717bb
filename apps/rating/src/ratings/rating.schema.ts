import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';
import { PeriodRating, RatingHistoryEntry } from './rating';

/**
 * All ratings of one enterprise in one document (`_id` is its USCC): the current rating per period,
 * the history of changes across periods, the events still to publish, and a version for optimistic concurrency.
 */
export interface RatingsDocument {
  _id: string;
  version: number;
  periods: Record<string, PeriodRating>;
  history: RatingHistoryEntry[];
  outbox: OutboxEntry[];
}

export const ratingsSchema = new Schema<RatingsDocument>(
  {
    _id: String,
    version: { type: Number, required: true },
    periods: { type: Schema.Types.Mixed, default: {} },
    history: { type: Schema.Types.Mixed, default: [] },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);
