import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkUpdated } from '@gec/contracts';
import { BenchmarkKey } from '@gec/domain';
import { findByIds, guardedUpsert, MongoConnection, RetryableEventError, writeAllOrConflict } from '@gec/platform';
import { BenchmarkDocument, benchmarkSchema } from './benchmark.schema';

export type StoredBenchmark = Omit<BenchmarkUpdated, 'changedMember' | 'changedMembers' | 'removedMembers'>;

/** Read model of metrics' industry benchmarks: only the newest version per division and period is kept. */
@Injectable()
export class BenchmarksRepository {
  private readonly model: Model<BenchmarkDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Benchmark', benchmarkSchema, 'benchmarks');
  }

  /**
   * Keeps each benchmark unless the stored version (`stored`, as read) is at least as new, in one bulk write guarded
   * by the version read (a miss: another consumer wrote meanwhile, redo the batch).
   */
  async keepNewest(benchmarks: StoredBenchmark[], stored: Map<string, StoredBenchmark>): Promise<void> {
    const operations = benchmarks
      .filter((b) => (stored.get(benchmarkId(b))?.version ?? 0) < b.version)
      .map((b) => guardedUpsert(benchmarkId(b), 'version', stored.get(benchmarkId(b))?.version, { $set: b }));
    if (!(await writeAllOrConflict(this.model as never, operations as never))) throw new RetryableEventError('a benchmark was written by another consumer meanwhile');
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
