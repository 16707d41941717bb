import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey, BenchmarkMember, BenchmarkWithdrawal } from '@gec/domain';
import { findByIds, DocumentEvents, guardedUpsert, MongoConnection, OutboxEntry, pendingEvents, PipelineKeys, RetryableEventError, writeAllOrConflict } from '@gec/platform';
import { Benchmark } from './benchmark';
import { BenchmarkDocument, BenchmarkMemberDocument, benchmarkMemberSchema, benchmarkSchema } from './benchmark.schema';

export interface StoredBenchmark {
  benchmark: Benchmark;
  position: { partition: number; offset: string };
  outbox: OutboxEntry[];
}

export interface BenchmarkWrite {
  benchmark: Benchmark;
  /** The version it was computed from, as read (absent: the benchmark's first). */
  stored?: number;
  position: { partition: number; offset: string };
  event: OutboxEntry;
}

@Injectable()
export class BenchmarksRepository {
  private readonly model: Model<BenchmarkDocument>;
  private readonly members: Model<BenchmarkMemberDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Benchmark', benchmarkSchema, 'benchmarks');
    this.members = mongo.model('BenchmarkMember', benchmarkMemberSchema, 'benchmark_members');
  }

  async find(key: BenchmarkKey): Promise<Benchmark | null> {
    const doc = await this.model.findById(benchmarkId(key), { outbox: 0 }).lean();
    return doc ? toBenchmark(doc) : null;
  }

  async findMany(keys: BenchmarkKey[]): Promise<Map<string, StoredBenchmark>> {
    const docs = await findByIds<BenchmarkDocument>(this.model as never, keys.map(benchmarkId));
    return new Map(docs.map((d) => [d._id, { benchmark: toBenchmark(d), position: d.position, outbox: d.outbox ?? [] }]));
  }

  /** The stored figures of these members, keyed `<division>:<period>:<uscc>`. */
  async findMembers(scope: PipelineKeys<BenchmarkKey & { uscc: string }>): Promise<Map<string, BenchmarkMember>> {
    if (scope.keys.length === 0) return new Map();
    const docs = await findByIds<BenchmarkMemberDocument>(this.members as never, scope.keys.map(memberId));
    return new Map(docs.map((d) => [d._id, { revision: d.revision, regionCode: d.regionCode, co2Tonnes: d.co2Tonnes, valueAdded: d.valueAdded, ...(d.withdrawn ? { withdrawn: true } : {}) }]));
  }

  /**
   * Writes new benchmark versions with their events, each over the version it was computed from. A miss means
   * another consumer wrote meanwhile (a zombie after a rebalance): the batch is redone on fresh state.
   */
  async saveVersions(writes: BenchmarkWrite[]): Promise<void> {
    const operations = writes.map(({ benchmark, stored, position, event }) =>
      guardedUpsert(benchmarkId(benchmark), 'version', stored, { $set: { ...benchmark, updatedAt: new Date(benchmark.updatedAt), position }, $push: { outbox: event } }),
    );
    if (!(await writeAllOrConflict(this.model as never, operations as never))) throw new RetryableEventError('a benchmark was written by another consumer meanwhile');
  }

  /**
   * Stores members' figures, each over the revision read (`stored`, absent when there was none). The caller leaves out
   * members whose stored figures are as new and the same. A withdrawal is kept as the member's revision with no
   * figures, so an older revision arriving late is not counted. A miss means another consumer wrote meanwhile: redo.
   */
  async saveMembers(members: Array<BenchmarkKey & ((BenchmarkMember & { uscc: string }) | BenchmarkWithdrawal) & { stored?: number }>): Promise<void> {
    const operations = members.map((m) =>
      guardedUpsert(memberId(m), 'revision', m.stored,
        'co2Tonnes' in m && !m.withdrawn
          ? { $set: { revision: m.revision, regionCode: m.regionCode, co2Tonnes: m.co2Tonnes, valueAdded: m.valueAdded }, $unset: { withdrawn: '' } }
          : { $set: { revision: m.revision, regionCode: m.regionCode, co2Tonnes: 0, valueAdded: 0, withdrawn: true } }),
    );
    if (!(await writeAllOrConflict(this.members as never, operations as never))) throw new RetryableEventError("a benchmark member's figures were written by another consumer meanwhile");
  }

  pending(stored: Map<string, StoredBenchmark>): DocumentEvents[] {
    return pendingEvents(this.model as never, [...stored].map(([_id, s]) => ({ _id, outbox: s.outbox })));
  }

  documentEvents(write: BenchmarkWrite): DocumentEvents {
    return { model: this.model as never, id: benchmarkId(write.benchmark), events: [write.event] };
  }
}

export function benchmarkId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}

export function memberId(key: BenchmarkKey & { uscc: string }): string {
  return `${key.industryDivision}:${key.period}:${key.uscc}`;
}

function toBenchmark(doc: BenchmarkDocument): Benchmark {
  return {
    industryDivision: doc.industryDivision,
    period: doc.period,
    version: doc.version,
    enterpriseCount: doc.enterpriseCount,
    co2Milli: doc.co2Milli,
    valueAddedMilli: doc.valueAddedMilli,
    regions: doc.regions,
    totalCo2Tonnes: doc.totalCo2Tonnes,
    totalValueAdded: doc.totalValueAdded,
    carbonIntensity: doc.carbonIntensity,
    updatedAt: doc.updatedAt.toISOString(),
  };
}
