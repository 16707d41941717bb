import { Schema } from 'mongoose';
import { BenchmarkMemberFigures } from '@gec/contracts';

/**
 * One enterprise's figures as its industry's benchmark counts them (`_id` `<division>:<period>:<uscc>`), with the
 * benchmark version that took them in: a rating from these figures and a benchmark of that version or later agrees.
 */
export interface MemberDocument extends BenchmarkMemberFigures {
  _id: string;
  industryDivision: string;
  period: string;
  benchmarkVersion: number;
  /** Its report was withdrawn: no figures (removed), out of its cohort, its rating withdrawn. */
  withdrawn?: boolean;
}

export const memberSchema = new Schema<MemberDocument>(
  {
    _id: String,
    industryDivision: { type: String, required: true },
    period: { type: String, required: true },
    uscc: { type: String, required: true },
    revision: { type: Number, required: true },
    regionCode: { type: String, required: true },
    co2Tonnes: { type: Number },
    valueAdded: { type: Number },
    carbonIntensity: { type: Number },
    benchmarkVersion: { type: Number, required: true },
    withdrawn: { type: Boolean },
  },
  { versionKey: false },
);

/** Who is in an industry for a period (`_id` `<division>:<period>`), so a re-rating reads its members by `_id`. */
export interface CohortDocument {
  _id: string;
  members: string[];
}

export const cohortSchema = new Schema<CohortDocument>({ _id: String, members: { type: [String], default: [] } }, { versionKey: false });
// Writes are guarded by {_id, benchmarkVersion} as read: the database stand-in uses only an index covering both.
memberSchema.index({ _id: 1, benchmarkVersion: 1 }, { unique: true });
