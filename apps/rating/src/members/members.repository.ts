import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { findByIds, guardedUpsert, MongoConnection, PipelineKeys, RetryableEventError, writeAllOrConflict } from '@gec/platform';
import { Member } from './member';
import { CohortDocument, cohortSchema, MemberDocument, memberSchema } from './member.schema';

/** Members' figures per industry and period, fed by benchmark versions, and the list of members per cohort. */
@Injectable()
export class MembersRepository {
  private readonly model: Model<MemberDocument>;
  private readonly cohorts: Model<CohortDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Member', memberSchema, 'members');
    this.cohorts = mongo.model('Cohort', cohortSchema, 'cohorts');
  }

  /**
   * Stores members' figures, each only over an older benchmark version, and adds them to their cohorts. One read of
   * the stored versions, then writes guarded by the version read (a miss: another consumer wrote meanwhile, redo).
   */
  async saveMany(members: Member[]): Promise<void> {
    if (members.length === 0) return;
    const stored = new Map(
      (await findByIds<{ _id: string; benchmarkVersion: number }>(this.model as never, members.map((m) => memberId(m, m.uscc)), { benchmarkVersion: 1 })).map((d) => [d._id, d.benchmarkVersion]),
    );
    const operations = members
      .filter((m) => (stored.get(memberId(m, m.uscc)) ?? 0) < m.benchmarkVersion)
      .map((m) => guardedUpsert(memberId(m, m.uscc), 'benchmarkVersion', stored.get(memberId(m, m.uscc)), { $set: m }));
    if (!(await writeAllOrConflict(this.model as never, operations as never))) throw new RetryableEventError("a member's figures were written by another consumer meanwhile");
    const byCohort = new Map<string, string[]>();
    for (const m of members) byCohort.set(cohortId(m), [...(byCohort.get(cohortId(m)) ?? []), m.uscc]);
    await this.cohorts.bulkWrite(
      [...byCohort].map(([id, usccs]) => ({ updateOne: { filter: { _id: id }, update: { $addToSet: { members: { $each: usccs } } }, upsert: true } })),
      { ordered: false },
    );
  }

  async cohort(key: BenchmarkKey): Promise<string[]> {
    const doc = await this.cohorts.findById(cohortId(key), { members: 1 }).lean();
    return (doc?.members ?? []).sort();
  }

  async findMany(key: BenchmarkKey, scope: PipelineKeys<string>): Promise<Member[]> {
    if (scope.keys.length === 0) return [];
    const docs = await findByIds<MemberDocument>(this.model as never, scope.keys.map((u) => memberId(key, u)));
    return docs.map(({ _id, ...member }) => member);
  }
}

function memberId(key: BenchmarkKey, uscc: string): string {
  return `${key.industryDivision}:${key.period}:${uscc}`;
}

function cohortId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}
