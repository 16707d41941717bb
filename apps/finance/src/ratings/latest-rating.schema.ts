import { Schema } from 'mongoose';
import { RatedLatest } from './latest-rating';

/** Read model fed by rating-changed events; one document per enterprise, `_id` is its USCC. */
export interface LatestRatingDocument {
  _id: string;
  period: string;
  /** The latest period's rating was withdrawn: no grade, level or methodology. */
  withdrawn?: boolean;
  grade?: number;
  level?: RatedLatest['level'];
  regionCode?: string;
  methodologyId?: string;
  methodologyVersion?: string;
  ratedAt: Date;
  eventId: string;
  version: number;
}

export const latestRatingSchema = new Schema<LatestRatingDocument>(
  {
    _id: String,
    period: { type: String, required: true },
    withdrawn: { type: Boolean },
    grade: { type: Number },
    level: { type: String },
    regionCode: { type: String },
    methodologyId: { type: String },
    methodologyVersion: { type: String },
    ratedAt: { type: Date, required: true },
    eventId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);
// Writes are guarded by {_id, version}: the database stand-in only uses an index covering both for such a filter (without it,
// each guarded update scans the collection).
latestRatingSchema.index({ _id: 1, version: 1 }, { unique: true });
