import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { BenchmarkKey } from '@gec/domain';
import { findByIds, guardedUpsert, MongoConnection, PipelineKeys, RetryableEventError, writeAllOrConflict } from '@gec/platform';
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
   * member loses its figures and leaves its cohort (a re-rating no longer reaches it). One read of the stored versions,
   * then writes guarded by the version read (a miss: another consumer wrote meanwhile, redo).
   */
  async saveMany(members: Member[]): Promise<void> {
    if (members.length === 0) return;
    const stored = new Map(
      (await findByIds<{ _id: string; benchmarkVersion: number }>(this.model as never, members.map((m) => memberId(m, m.uscc)), { benchmarkVersion: 1 })).map((d) => [d._id, d.benchmarkVersion]),
    );
    const version = (m: Member) => stored.get(memberId(m, m.uscc)) ?? 0;
    const operations = members
      .filter((m) => version(m) < m.benchmarkVersion)
      .map((m) =>
        guardedUpsert(memberId(m, m.uscc), 'benchmarkVersion', stored.get(memberId(m, m.uscc)),
          isWithdrawnMember(m) ? { $set: m, $unset: { co2Tonnes: '', valueAdded: '', carbonIntensity: '' } } : { $set: m, $unset: { withdrawn: '' } }),
      );
    if (!(await writeAllOrConflict(this.model as never, operations as never))) throw new RetryableEventError("a member's figures were written by another consumer meanwhile");
    // Cohorts follow the newest version of each member (the same one again after a crash between the two writes).
    const byCohort = new Map<string, { add: string[]; remove: string[] }>();
    for (const m of members.filter((m) => version(m) <= m.benchmarkVersion)) {
      const cohort = byCohort.get(cohortId(m)) ?? { add: [], remove: [] };
      (isWithdrawnMember(m) ? cohort.remove : cohort.add).push(m.uscc);
      byCohort.set(cohortId(m), cohort);
    }
    if (byCohort.size === 0) return;
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
