import { Schema } from 'mongoose';

/** The enterprises with indicators in one industry division and period; `_id` is `<division>:<period>`. */
export interface CohortDocument {
  _id: string;
  industryDivision: string;
  period: string;
  members: string[];
}

export const cohortSchema = new Schema<CohortDocument>(
  {
    _id: String,
    industryDivision: { type: String, required: true },
    period: { type: String, required: true },
    members: { type: [String], default: [] },
  },
  { versionKey: false },
);
