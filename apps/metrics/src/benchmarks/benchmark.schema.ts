import { Schema } from 'mongoose';
import { RegionTotals } from '@gec/domain';
import { OutboxEntry, outboxField } from '@gec/platform';

/**
 * One industry division's benchmark for one period; `_id` is `<division>:<period>`. Only the consumer that owns the
 * division and period (its partition of metrics.industry-member.v1) writes it; `position` is the offset of the last
 * member event it took in, so a redelivered batch is not counted twice.
 */
export interface BenchmarkDocument {
  _id: string;
  industryDivision: string;
  period: string;
  version: number;
  enterpriseCount: number;
  co2Milli: number;
  valueAddedMilli: number;
  /** The totals split by region prefix (see `BenchmarkTotals.regions`). */
  regions?: Record<string, RegionTotals>;
  totalCo2Tonnes: number;
  totalValueAdded: number;
  carbonIntensity: number;
  updatedAt: Date;
  position: { partition: number; offset: string };
  outbox: OutboxEntry[];
}

export const benchmarkSchema = new Schema<BenchmarkDocument>(
  {
    _id: String,
    industryDivision: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    enterpriseCount: { type: Number, required: true },
    co2Milli: { type: Number, required: true },
    valueAddedMilli: { type: Number, required: true },
    regions: { type: Schema.Types.Mixed },
    totalCo2Tonnes: { type: Number, required: true },
    totalValueAdded: { type: Number, required: true },
    carbonIntensity: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    position: { type: Schema.Types.Mixed, required: true },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);

/** One member's figures as its benchmark counts them; `_id` is `<division>:<period>:<uscc>`. */
export interface BenchmarkMemberDocument {
  _id: string;
  revision: number;
  regionCode?: string;
  co2Tonnes: number;
  valueAdded: number;
  /** The member's report was withdrawn at `revision` (its figures are 0): the benchmark does not count it. */
  withdrawn?: boolean;
}

export const benchmarkMemberSchema = new Schema<BenchmarkMemberDocument>(
  { _id: String, revision: { type: Number, required: true }, regionCode: String, co2Tonnes: { type: Number, required: true }, valueAdded: { type: Number, required: true }, withdrawn: Boolean },
  { versionKey: false },
);
// Writes are guarded by {_id, version} and {_id, revision} as read: the database stand-in uses only an index covering both.
benchmarkSchema.index({ _id: 1, version: 1 }, { unique: true });
benchmarkMemberSchema.index({ _id: 1, revision: 1 }, { unique: true });
