import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, DomainError, EnterpriseAccess, findByIds, isDuplicateKey, MongoConnection, onlyDuplicateKeys, Outbox, OutboxEntry } from '@gec/platform';
import { parsePeriod, previousMonth } from '@gec/domain';
import { Report, ReportHistory, ReportRevision } from './report';
import { ReportDocument, reportSchema } from './report.schema';

const MAX_ATTEMPTS = 5;

/** One row of a bulk import to store as the next revision of its period. */
export interface ImportedRevision {
  access: EnterpriseAccess;
  period: string;
  source: { importId: string; row: number };
  /** Whether `build` needs the year's earlier months (a pollutant permit is in force). */
  yearToDate?: boolean;
  build: (revision: number, previousMonth: ReportRevision | undefined, earlierThisYear: ReportRevision[]) => ReportRevision;
}

type StoredReport = Pick<ReportDocument, '_id' | 'revision' | 'revisions'>;

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
    build: (revision: number, previousMonth: ReportRevision | undefined, earlierThisYear: ReportRevision[]) => { revision: ReportRevision; event: OutboxEntry },
    options: { yearToDate?: boolean } = {},
  ): Promise<number> {
    const uscc = access.uscc;
    const id = reportId(uscc, period);
    const parsed = parsePeriodOrThrow(period);
    const before = reportId(uscc, previousMonth(parsed));
    // With a pollutant permit in force, the year's earlier months too (their sum is checked against it).
    const earlier = options.yearToDate ? earlierMonthsOfYear(parsed).map((m) => reportId(uscc, m)) : [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // The period's current revision and the previous month's report (for plausibility), in one round trip.
      const docs = await findByIds<Pick<ReportDocument, '_id' | 'revision' | 'revisions'>>(this.model as never, [id, before, ...earlier], { revision: 1, revisions: 1 });
      const current = docs.find((d) => d._id === id);
      const lastMonth = docs.find((d) => d._id === before)?.revisions.at(-1);
      const earlierThisYear = docs.filter((d) => earlier.includes(d._id)).map((d) => d.revisions[d.revisions.length - 1]);
      const next = (current?.revision ?? 0) + 1;
      const { revision, event } = build(next, lastMonth, earlierThisYear);
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

  /**
   * Stores a bulk import chunk's rows as revisions: one bulk read of the periods' documents and their previous months,
   * one `bulkWrite` (a document's rows in one update, guarded by its revision). A row already stored (a chunk redone
   * after a crash) is found by its source and never written again. Returns each row's stored revision, new or found:
   * the job derives the rows' events from them and sends them before it moves on (the chunk is its own outbox).
   */
  async appendImported(rows: readonly ImportedRevision[]): Promise<ReportRevision[]> {
    const ids = [...new Set(rows.map((r) => reportId(r.access.uscc, r.period)))];
    const before = rows.map((r) => reportId(r.access.uscc, previousMonth(parsePeriodOrThrow(r.period))));
    const earlier = rows.map((r) => (r.yearToDate ? earlierMonthsOfYear(parsePeriodOrThrow(r.period)).map((m) => reportId(r.access.uscc, m)) : []));
    const read = [...new Set([...ids, ...before, ...earlier.flat()])];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const docs = new Map((await findByIds<StoredReport>(this.model as never, read, { revision: 1, revisions: 1 })).map((d) => [d._id, d]));
      const added = new Map<string, { uscc: string; period: string; revisions: ReportRevision[] }>();
      const latest = (id: string) => added.get(id)?.revisions.at(-1) ?? docs.get(id)?.revisions.at(-1);
      const stored = rows.map((row, i) => {
        const id = reportId(row.access.uscc, row.period);
        const done = docs.get(id)?.revisions.find((r) => r.source?.importId === row.source.importId && r.source.row === row.source.row);
        if (done) return done;
        const earlierThisYear = earlier[i].map(latest).filter((r): r is ReportRevision => r !== undefined);
        const revision = { ...row.build((latest(id)?.revision ?? 0) + 1, latest(before[i]), earlierThisYear), source: row.source };
        const entry = added.get(id) ?? { uscc: row.access.uscc, period: row.period, revisions: [] };
        entry.revisions.push(revision);
        added.set(id, entry);
        return revision;
      });
      if (added.size === 0) return stored;
      const ops = [...added].map(([id, entry]) => {
        const current = docs.get(id);
        const last = entry.revisions[entry.revisions.length - 1].revision;
        return current
          ? { updateOne: { filter: { _id: id, revision: current.revision }, update: { $set: { revision: last }, $push: { revisions: { $each: entry.revisions } } } } }
          : { insertOne: { document: { _id: id, uscc: entry.uscc, period: entry.period, revision: last, revisions: entry.revisions, outbox: [] } } };
      });
      let applied: number;
      try {
        const result = await this.model.bulkWrite(ops as never, { ordered: false });
        applied = result.insertedCount + result.modifiedCount;
      } catch (error) {
        // Another writer made a document first: read again and put these rows after its revision.
        const result = (error as { result?: { insertedCount: number; modifiedCount: number } }).result;
        if (!result || !onlyDuplicateKeys(error)) throw error;
        applied = result.insertedCount + result.modifiedCount;
      }
      if (applied === ops.length) return stored;
      // A document moved under us (a report submitted meanwhile): the rows written are found by their source next time.
    }
    throw DomainError.conflict('Reports of this chunk are being revised concurrently; the job retries.');
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

/** The months of the period's year before it, as `YYYY-MM`. */
function earlierMonthsOfYear(period: { year: number; month: number }): string[] {
  return Array.from({ length: period.month - 1 }, (_, i) => `${period.year}-${String(i + 1).padStart(2, '0')}`);
}

function reportId(uscc: string, period: string): string {
  return `${uscc}:${period}`;
}
