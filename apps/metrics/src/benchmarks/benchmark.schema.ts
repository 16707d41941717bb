import { Schema } from 'mongoose';
import { BenchmarkMember } from '@gec/domain';
import { OutboxEntry, outboxField } from '@gec/platform';

/** One industry division's benchmark for one period; `_id` is `<division>:<period>`, `version` guards read-modify-write. */
export interface BenchmarkDocument {
  _id: string;
  industryDivision: string;
  period: string;
  version: number;
  members: Record<string, BenchmarkMember>;
  enterpriseCount: number;
  totalCo2Tonnes: number;
  totalValueAdded: number;
  carbonIntensity: number;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

export const benchmarkSchema = new Schema<BenchmarkDocument>(
  {
    _id: String,
    industryDivision: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    members: { type: Schema.Types.Mixed, required: true },
    enterpriseCount: { type: Number, required: true },
    totalCo2Tonnes: { type: Number, required: true },
    totalValueAdded: { type: Number, required: true },
    carbonIntensity: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);
