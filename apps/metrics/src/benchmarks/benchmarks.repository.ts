import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { isDuplicateKey, MongoConnection, Outbox, OutboxEntry, RetryableEventError } from '@gec/platform';
import { Benchmark } from './benchmark';
import { BenchmarkDocument, benchmarkSchema } from './benchmark.schema';

const MAX_ATTEMPTS = 10;

/** The next state of a benchmark and the event announcing it, or undefined when nothing changes. */
export type BenchmarkChange = (current: Benchmark | undefined) => { benchmark: Benchmark; event: OutboxEntry } | undefined;

@Injectable()
export class BenchmarksRepository {
  private readonly model: Model<BenchmarkDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Benchmark', benchmarkSchema, 'benchmarks');
  }

  /**
   * Read, change, write with the read version in the filter, so concurrent members of one industry
   * never overwrite each other; on a conflict the change is applied again to the fresh state.
   */
  async update(key: BenchmarkKey, change: BenchmarkChange): Promise<Benchmark | undefined> {
    const id = benchmarkId(key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const doc = await this.model.findById(id, { outbox: 0 }).lean();
      const current = doc ? toBenchmark(doc) : undefined;
      const next = change(current);
      if (!next) return current;
      const { benchmark, event } = next;
      const fields = { ...benchmark, updatedAt: new Date(benchmark.updatedAt) };
      const written = await this.outbox.commit({ model: this.model as never, id }, async () => {
        if (!current) {
          try {
            await this.model.collection.insertOne({ _id: id, ...fields, outbox: [event] } as never);
            return true;
          } catch (error) {
            if (isDuplicateKey(error)) return false;
            throw error;
          }
        }
        const result = await this.model.updateOne({ _id: id, version: current.version }, { $set: fields, $push: { outbox: event } });
        return result.modifiedCount === 1;
      });
      if (written) return benchmark;
    }
    throw new RetryableEventError(`benchmark ${id} kept changing under ${MAX_ATTEMPTS} attempts`);
  }

  async find(key: BenchmarkKey): Promise<Benchmark | null> {
    const doc = await this.model.findById(benchmarkId(key), { outbox: 0 }).lean();
    return doc ? toBenchmark(doc) : null;
  }
}

function benchmarkId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}

function toBenchmark(doc: Omit<BenchmarkDocument, 'outbox'>): Benchmark {
  return {
    industryDivision: doc.industryDivision,
    period: doc.period,
    version: doc.version,
    members: doc.members,
    enterpriseCount: doc.enterpriseCount,
    totalCo2Tonnes: doc.totalCo2Tonnes,
    totalValueAdded: doc.totalValueAdded,
    carbonIntensity: doc.carbonIntensity,
    updatedAt: doc.updatedAt.toISOString(),
  };
}
