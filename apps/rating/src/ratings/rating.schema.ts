import { Schema } from 'mongoose';
import { OutboxEntry, outboxBatchesField, outboxField } from '@gec/platform';
import { PeriodRating, RatingHistoryEntry, WithdrawnPeriod } from './rating';

/**
 * All ratings of one enterprise in one document (`_id` is its USCC): its region, the current rating per period,
 * the history of changes across periods, the events still to publish, and a version for optimistic concurrency.
 */
export interface RatingsDocument {
  _id: string;
  version: number;
  /** GB/T 2260 code of the enterprise's region, from its newest rated indicators; scopes regulators' reads. Absent on documents rated before it was kept. */
  regionCode?: string;
  periods: Record<string, PeriodRating>;
  /** Periods whose rating was withdrawn with their report (absent from `periods` until rated again). */
  withdrawn?: Record<string, WithdrawnPeriod>;
  history: RatingHistoryEntry[];
  /** Events written before outbox batches existed; new writes name batches instead (`outboxBatches`). */
  outbox: OutboxEntry[];
  /** Outbox batches holding events about this document that may not be sent yet. */
  outboxBatches?: string[];
}

export const ratingsSchema = new Schema<RatingsDocument>(
  {
    _id: String,
    version: { type: Number, required: true },
    regionCode: { type: String },
    periods: { type: Schema.Types.Mixed, default: {} },
    withdrawn: { type: Schema.Types.Mixed },
    history: { type: Schema.Types.Mixed, default: [] },
    outbox: outboxField,
    outboxBatches: outboxBatchesField,
  },
  { versionKey: false, minimize: false },
);
// The local database stand-in scans the collection for a filter it has no unique index for: a version-guarded
// update ({_id, version}) finds its document through this one (redundant on MongoDB, which uses _id).
ratingsSchema.index({ _id: 1, version: 1 }, { unique: true });
