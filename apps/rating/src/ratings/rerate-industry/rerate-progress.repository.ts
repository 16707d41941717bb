import { Injectable } from '@nestjs/common';
import { Model, Schema } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { MongoConnection } from '@gec/platform';

/** How far an industry's latest re-rating got; `_id` is `<division>:<period>`. */
export interface RerateProgress {
  industryDivision: string;
  period: string;
  jobId: string;
  benchmarkVersion: number;
  state: 'running' | 'done';
  total: number;
  done: number;
  /** Enterprises per second since this run of the job started. */
  ratePerSecond: number;
  etaSeconds: number | null;
  startedAt: string;
  updatedAt: string;
}

type ProgressDocument = Omit<RerateProgress, 'startedAt' | 'updatedAt'> & { _id: string; startedAt: Date; updatedAt: Date };

const progressSchema = new Schema<ProgressDocument>(
  {
    _id: String,
    industryDivision: String,
    period: String,
    jobId: String,
    benchmarkVersion: Number,
    state: String,
    total: Number,
    done: Number,
    ratePerSecond: Number,
    etaSeconds: Number,
    startedAt: Date,
    updatedAt: Date,
  },
  { versionKey: false },
);

@Injectable()
export class RerateProgressRepository {
  private readonly model: Model<ProgressDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('RerateProgress', progressSchema, 'rerate_progress');
  }

  async save(progress: RerateProgress): Promise<void> {
    const { startedAt, updatedAt, ...rest } = progress;
    await this.model.updateOne({ _id: progressId(progress) }, { $set: { ...rest, startedAt: new Date(startedAt), updatedAt: new Date(updatedAt) } }, { upsert: true });
  }

  async find(key: BenchmarkKey): Promise<RerateProgress | null> {
    const doc = await this.model.findById(progressId(key)).lean();
    if (!doc) return null;
    const { _id, startedAt, updatedAt, ...rest } = doc;
    return { ...rest, startedAt: startedAt.toISOString(), updatedAt: updatedAt.toISOString() };
  }
}

function progressId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}
