import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkUpdated } from '@gec/contracts';
import { MongoConnection } from '@gec/platform';
import { Freshness, keepNewest } from '../read-models/keep-newest';
import { BenchmarkDocument, benchmarkSchema } from './benchmark.schema';

/** Read model of metrics' industry benchmarks: only the newest version per division and period is kept. */
@Injectable()
export class BenchmarksRepository {
  private readonly model: Model<BenchmarkDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Benchmark', benchmarkSchema, 'benchmarks');
  }

  keepNewest(benchmark: BenchmarkUpdated): Promise<Freshness> {
    const { version, changedMember: _changedMember, ...fields } = benchmark;
    return keepNewest(this.model as never, benchmarkId(benchmark.industryDivision, benchmark.period), { field: 'version', value: version }, fields);
  }

  async find(industryDivision: string, period: string): Promise<BenchmarkUpdated | null> {
    const doc = await this.model.findById(benchmarkId(industryDivision, period)).lean();
    if (!doc) return null;
    const { _id, ...benchmark } = doc;
    return benchmark;
  }
}

function benchmarkId(industryDivision: string, period: string): string {
  return `${industryDivision}:${period}`;
}
