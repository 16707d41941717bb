import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkUpdated } from '@gec/contracts';
import { BenchmarkKey } from '@gec/domain';
import { upsertUnlessNewer, findByIds, MongoConnection } from '@gec/platform';
import { BenchmarkDocument, benchmarkSchema } from './benchmark.schema';

export type StoredBenchmark = Omit<BenchmarkUpdated, 'changedMember' | 'changedMembers' | 'removedMembers'>;

/** Read model of metrics' industry benchmarks: only the newest version per division and period is kept. */
@Injectable()
export class BenchmarksRepository {
  private readonly model: Model<BenchmarkDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Benchmark', benchmarkSchema, 'benchmarks');
  }

  /** Keeps each benchmark unless the stored version is at least as new, in one bulk write. */
  async keepNewest(benchmarks: StoredBenchmark[]): Promise<void> {
    if (benchmarks.length === 0) return;
    await upsertUnlessNewer(this.model as never,
        benchmarks.map((b) => ({ updateOne: { filter: { _id: benchmarkId(b), version: { $lt: b.version } }, update: { $set: b }, upsert: true } })) as never);
  }

  async findMany(keys: BenchmarkKey[]): Promise<Map<string, StoredBenchmark>> {
    const docs = keys.length === 0 ? [] : await findByIds<BenchmarkDocument>(this.model as never, keys.map(benchmarkId));
    return new Map(docs.map(({ _id, ...benchmark }) => [_id, benchmark]));
  }

  async find(key: BenchmarkKey): Promise<StoredBenchmark | null> {
    return (await this.findMany([key])).get(benchmarkId(key)) ?? null;
  }
}

export function benchmarkId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}
