import { Schema } from 'mongoose';
import { BenchmarkUpdated } from '@gec/contracts';

/** The newest benchmark of one industry division and period; `_id` is `<division>:<period>`. */
export type BenchmarkDocument = BenchmarkUpdated & { _id: string };

export const benchmarkSchema = new Schema<BenchmarkDocument>(
  {
    _id: String,
    industryDivision: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    enterpriseCount: { type: Number, required: true },
    totalCo2Tonnes: { type: Number, required: true },
    totalValueAdded: { type: Number, required: true },
    carbonIntensity: { type: Number, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false },
);
// Writes are guarded by {_id, version} as read: the database stand-in uses only an index covering both.
benchmarkSchema.index({ _id: 1, version: 1 }, { unique: true });
