import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { upsertUnlessNewer, findByIds, MongoConnection, PipelineKeys } from '@gec/platform';
import { isWithdrawnMember, Member } from './member';
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
   * Stores members' figures, each only over an older benchmark version, and adds them to their cohorts; a withdrawn
   * member loses its figures and leaves its cohort (a re-rating no longer reaches it).
   */
  async saveMany(members: Member[]): Promise<void> {
    if (members.length === 0) return;
    await upsertUnlessNewer(this.model as never,
        members.map((m) => ({
          updateOne: {
            filter: { _id: memberId(m, m.uscc), benchmarkVersion: { $lte: m.benchmarkVersion } },
            update: isWithdrawnMember(m) ? { $set: m, $unset: { co2Tonnes: '', valueAdded: '', carbonIntensity: '' } } : { $set: m, $unset: { withdrawn: '' } },
            upsert: true,
          },
        })) as never);
    const byCohort = new Map<string, { add: string[]; remove: string[] }>();
    for (const m of members) {
      const cohort = byCohort.get(cohortId(m)) ?? { add: [], remove: [] };
      (isWithdrawnMember(m) ? cohort.remove : cohort.add).push(m.uscc);
      byCohort.set(cohortId(m), cohort);
    }
    await this.cohorts.bulkWrite(
      [...byCohort].flatMap(([id, { add, remove }]) => [
        ...(add.length > 0 ? [{ updateOne: { filter: { _id: id }, update: { $addToSet: { members: { $each: add } } }, upsert: true } }] : []),
        ...(remove.length > 0 ? [{ updateOne: { filter: { _id: id }, update: { $pull: { members: { $in: remove } } } } }] : []),
      ]),
      { ordered: true },
    );
  }

  async cohort(key: BenchmarkKey): Promise<string[]> {
    const doc = await this.cohorts.findById(cohortId(key), { members: 1 }).lean();
    return (doc?.members ?? []).sort();
  }

  async findMany(key: BenchmarkKey, scope: PipelineKeys<string>): Promise<Member[]> {
    if (scope.keys.length === 0) return [];
    const docs = await findByIds<MemberDocument>(this.model as never, scope.keys.map((u) => memberId(key, u)));
    return docs.map(({ _id, ...member }) => member as Member);
  }
}

function memberId(key: BenchmarkKey, uscc: string): string {
  return `${key.industryDivision}:${key.period}:${uscc}`;
}

function cohortId(key: BenchmarkKey): string {
  return `${key.industryDivision}:${key.period}`;
}
