import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { upsertUnlessNewer, findByIds, MongoConnection, PipelineKeys } from '@gec/platform';
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

  /** Stores members' figures, each only over an older revision or benchmark version, and adds them to their cohorts. */
  async saveMany(members: Member[]): Promise<void> {
    if (members.length === 0) return;
    await upsertUnlessNewer(this.model as never,
        members.map((m) => ({
          updateOne: { filter: { _id: memberId(m, m.uscc), benchmarkVersion: { $lte: m.benchmarkVersion } }, update: { $set: m }, upsert: true },
        })) as never);
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
