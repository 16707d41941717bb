import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, DomainError, EnterpriseAccess, findByIds, isDuplicateKey, MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { parsePeriod, previousMonth } from '@gec/domain';
import { Report, ReportHistory, ReportRevision } from './report';
import { ReportDocument, reportSchema } from './report.schema';

const MAX_ATTEMPTS = 5;

@Injectable()
export class ReportsRepository {
  private readonly model: Model<ReportDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Report', reportSchema, 'reports');
  }

  /**
   * Stores the next revision of a report with its event, in one atomic write.
   * Concurrent submissions for the same period are serialised by the revision number.
   */
  async appendRevision(
    access: EnterpriseAccess,
    period: string,
    build: (revision: number, previousMonth: ReportRevision | undefined) => { revision: ReportRevision; event: OutboxEntry },
  ): Promise<number> {
    const uscc = access.uscc;
    const id = reportId(uscc, period);
    const before = reportId(uscc, previousMonth(parsePeriodOrThrow(period)));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // The period's current revision and the previous month's report (for plausibility), in one round trip.
      const docs = await findByIds<Pick<ReportDocument, '_id' | 'revision' | 'revisions'>>(this.model as never, [id, before], { revision: 1, revisions: 1 });
      const current = docs.find((d) => d._id === id);
      const lastMonth = docs.find((d) => d._id === before)?.revisions.at(-1);
      const next = (current?.revision ?? 0) + 1;
      const { revision, event } = build(next, lastMonth);
      const written = await this.outbox.commit({ model: this.model as never, id }, async () => {
        if (!current) {
          try {
            await this.model.collection.insertOne({ _id: id, uscc, period, revision: next, revisions: [revision], outbox: [event] } as never);
            return true;
          } catch (error) {
            if (isDuplicateKey(error)) return false;
            throw error;
          }
        }
        const result = await this.model.updateOne(
          { _id: id, revision: current.revision },
          { $set: { revision: next }, $push: { revisions: revision, outbox: event } },
        );
        return result.modifiedCount === 1;
      });
      if (written) return next;
    }
    throw DomainError.conflict(`Report ${period} of ${uscc} is being revised concurrently; try again.`);
  }

  /** The latest revision, if the access reaches it (reports keep no region, so never a regulator's). */
  async findLatest(access: EnterpriseAccess, period: string): Promise<Admitted<Report> | null> {
    const uscc = access.uscc;
    const doc = await this.model.findById(reportId(uscc, period), { outbox: 0 }).lean();
    if (!doc) return null;
    const latest = doc.revisions[doc.revisions.length - 1];
    return admit(access, undefined, { uscc, period, ...withWarnings(latest), supersededRevisions: doc.revisions.slice(0, -1).map((r) => r.revision) });
  }

  /** Every revision of a period's report, oldest first, with its reason. */
  async findHistory(access: EnterpriseAccess, period: string): Promise<Admitted<ReportHistory> | null> {
    const doc = await this.model.findById(reportId(access.uscc, period), { outbox: 0 }).lean();
    return doc && admit(access, undefined, { uscc: access.uscc, period, revisions: doc.revisions.map(withWarnings) });
  }
}

/** Revisions stored before warnings were kept have none. */
function withWarnings(revision: ReportRevision): ReportRevision {
  return { ...revision, warnings: revision.warnings ?? [] };
}

function parsePeriodOrThrow(period: string) {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

function reportId(uscc: string, period: string): string {
  return `${uscc}:${period}`;
}
