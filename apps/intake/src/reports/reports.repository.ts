import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, DomainError, EnterpriseAccess, findByIds, isDuplicateKey, MongoConnection, onlyDuplicateKeys, Outbox, OutboxEntry } from '@gec/platform';
import { parsePeriod, previousMonth } from '@gec/domain';
import { isWithdrawn, Report, ReportHistory, ReportRevision, SubmittedRevision } from './report';
import { ReportDocument, reportSchema } from './report.schema';
import { CurrentReport, ReportSources, SelfSource, SourceWrite } from './sources/report-sources';

const MAX_ATTEMPTS = 5;

/** One row of a bulk import to store as the next revision of its period. */
export interface ImportedRevision {
  access: EnterpriseAccess;
  period: string;
  source: { importId: string; row: number };
  /** Whether `build` needs the year's earlier months (a pollutant permit is in force). */
  yearToDate?: boolean;
  /** The row's revision, and the enterprise's own figures to keep when the revision combines data providers' with them. */
  build: (revision: number, previousMonth: ReportRevision | undefined, current: CurrentReport, earlierThisYear: ReportRevision[]) => { revision: SubmittedRevision; self?: SelfSource };
}

type StoredReport = Pick<ReportDocument, '_id' | 'revision' | 'revisions' | 'sources'>;

/** What a write makes of a report: its next revision with its event, a source's figures, or both. */
export interface ReportWrite {
  revision?: ReportRevision;
  event?: OutboxEntry;
  source?: SourceWrite;
}

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
   * Stores the next revision of a report (a submission or a withdrawal) with its event, in one atomic write; `build`
   * sees the period's latest revision so far (if any) and may refuse. Concurrent revisions for the same period are
   * serialised by the revision number.
   */
  async appendRevision(
    access: EnterpriseAccess,
    period: string,
    build: (revision: number, previousMonth: ReportRevision | undefined, current: CurrentReport, earlierThisYear: ReportRevision[]) => { revision: ReportRevision; event: OutboxEntry; source?: SourceWrite },
    options: { yearToDate?: boolean } = {},
  ): Promise<number> {
    return (await this.write(access, period, build, options))!;
  }

  /**
   * Stores a source's figures for a period, and the next revision with its event when `build` makes one (the report's
   * figures changed); the revision number, or null when there is none.
   */
  putSource(access: EnterpriseAccess, period: string, build: (revision: number, previousMonth: ReportRevision | undefined, current: CurrentReport) => ReportWrite): Promise<number | null> {
    return this.write(access, period, build);
  }

  private async write(
    access: EnterpriseAccess,
    period: string,
    build: (revision: number, previousMonth: ReportRevision | undefined, current: CurrentReport, earlierThisYear: ReportRevision[]) => ReportWrite,
    options: { yearToDate?: boolean } = {},
  ): Promise<number | null> {
    const uscc = access.uscc;
    const id = reportId(uscc, period);
    const parsed = parsePeriodOrThrow(period);
    const before = reportId(uscc, previousMonth(parsed));
    // With a pollutant permit in force, the year's earlier months too (their sum is checked against it).
    const earlier = options.yearToDate ? earlierMonthsOfYear(parsed).map((m) => reportId(uscc, m)) : [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // The period's current revision and the previous month's report (for plausibility), in one round trip.
      const docs = await findByIds<Pick<ReportDocument, '_id' | 'revision' | 'revisions' | 'sources'>>(this.model as never, [id, before, ...earlier], { revision: 1, revisions: 1, sources: 1 });
      const current = docs.find((d) => d._id === id);
      const lastMonth = docs.find((d) => d._id === before)?.revisions.at(-1);
      const earlierThisYear = docs.filter((d) => earlier.includes(d._id)).map((d) => d.revisions[d.revisions.length - 1]);
      const next = (current?.revision ?? 0) + 1;
      const { revision, event, source } = build(next, lastMonth, { latest: current?.revisions.at(-1), sources: current?.sources ?? {} }, earlierThisYear);
      const sources: ReportSources = source ? { ...current?.sources, ...(source.self ? { self: source.self } : {}), providers: { ...current?.sources?.providers, ...source.providers } } : {};
      const written = await this.outbox.commit({ model: this.model as never, id }, async () => {
        if (!current) {
          try {
            const made = revision ? { revision: next, revisions: [revision], outbox: event ? [event] : [] } : { revision: 0, revisions: [], outbox: [] };
            await this.model.collection.insertOne({ _id: id, uscc, period, ...made, ...(source ? { sources } : {}) } as never);
            return true;
          } catch (error) {
            if (isDuplicateKey(error)) return false;
            throw error;
          }
        }
        // A source's own path only, so sources written concurrently without a revision do not undo each other.
        const set: Record<string, unknown> = { ...(revision ? { revision: next } : {}) };
        if (source?.self) set['sources.self'] = source.self;
        for (const [providerId, figures] of Object.entries(source?.providers ?? {})) set[`sources.providers.${providerId}`] = figures;
        const result = await this.model.updateOne(
          { _id: id, revision: current.revision },
          { $set: set, ...(revision ? { $push: { revisions: revision, outbox: event } } : {}) },
        );
        return result.matchedCount === 1;
      });
      if (written) return revision ? next : null;
    }
    throw DomainError.conflict(`Report ${period} of ${uscc} is being revised concurrently; try again.`);
  }

  /**
   * Stores a bulk import chunk's rows as revisions: one bulk read of the periods' documents and their previous months,
   * one `bulkWrite` (a document's rows in one update, guarded by its revision). A row already stored (a chunk redone
   * after a crash) is found by its source and never written again. Returns each row's stored revision, new or found:
   * the job derives the rows' events from them and sends them before it moves on (the chunk is its own outbox).
   */
  async appendImported(rows: readonly ImportedRevision[]): Promise<SubmittedRevision[]> {
    const ids = [...new Set(rows.map((r) => reportId(r.access.uscc, r.period)))];
    const before = rows.map((r) => reportId(r.access.uscc, previousMonth(parsePeriodOrThrow(r.period))));
    const earlier = rows.map((r) => (r.yearToDate ? earlierMonthsOfYear(parsePeriodOrThrow(r.period)).map((m) => reportId(r.access.uscc, m)) : []));
    const read = [...new Set([...ids, ...before, ...earlier.flat()])];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const docs = new Map((await findByIds<StoredReport>(this.model as never, read, { revision: 1, revisions: 1, sources: 1 })).map((d) => [d._id, d]));
      const added = new Map<string, { uscc: string; period: string; revisions: ReportRevision[]; self?: SelfSource }>();
      const latest = (id: string) => added.get(id)?.revisions.at(-1) ?? docs.get(id)?.revisions.at(-1);
      const stored = rows.map((row, i) => {
        const id = reportId(row.access.uscc, row.period);
        const done = docs.get(id)?.revisions.find((r): r is SubmittedRevision => !isWithdrawn(r) && r.source?.importId === row.source.importId && r.source.row === row.source.row);
        if (done) return done;
        const earlierThisYear = earlier[i].map(latest).filter((r): r is ReportRevision => r !== undefined);
        const entry = added.get(id) ?? { uscc: row.access.uscc, period: row.period, revisions: [] };
        const sources = { ...docs.get(id)?.sources, ...(entry.self ? { self: entry.self } : {}) };
        const built = row.build((latest(id)?.revision ?? 0) + 1, latest(before[i]), { latest: latest(id), sources }, earlierThisYear);
        const revision = { ...built.revision, source: row.source };
        if (built.self) entry.self = built.self;
        entry.revisions.push(revision);
        added.set(id, entry);
        return revision;
      });
      if (added.size === 0) return stored;
      const ops = [...added].map(([id, entry]) => {
        const current = docs.get(id);
        const last = entry.revisions[entry.revisions.length - 1].revision;
        return current
          ? { updateOne: { filter: { _id: id, revision: current.revision }, update: { $set: { revision: last, ...(entry.self ? { 'sources.self': entry.self } : {}) }, $push: { revisions: { $each: entry.revisions } } } } }
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

  /** The period's sources and latest revision, within the access's scope as the enterprise's own region decides it. */
  async findSources(access: EnterpriseAccess, regionCode: string, period: string): Promise<Admitted<CurrentReport & { revision: number }> | null> {
    const doc = await this.model.findById(reportId(access.uscc, period), { revision: 1, revisions: 1, sources: 1 }).lean();
    return doc && admit(access, regionCode, { revision: doc.revision, latest: doc.revisions.at(-1), sources: doc.sources ?? {} });
  }

  /** The latest revision, if the access reaches it (reports keep no region, so never a regulator's). */
  async findLatest(access: EnterpriseAccess, period: string): Promise<Admitted<Report> | null> {
    const uscc = access.uscc;
    const doc = await this.model.findById(reportId(uscc, period), { outbox: 0 }).lean();
    // A period only data providers have given figures for has no revision yet.
    if (!doc || doc.revisions.length === 0) return null;
    const latest = doc.revisions[doc.revisions.length - 1];
    return admit(access, undefined, { uscc, period, ...withWarnings(latest), supersededRevisions: doc.revisions.slice(0, -1).map((r) => r.revision) });
  }

  /** Every revision of a period's report, oldest first, with its reason. */
  async findHistory(access: EnterpriseAccess, period: string): Promise<Admitted<ReportHistory> | null> {
    const doc = await this.model.findById(reportId(access.uscc, period), { outbox: 0 }).lean();
    if (!doc || doc.revisions.length === 0) return null;
    return admit(access, undefined, { uscc: access.uscc, period, revisions: doc.revisions.map(withWarnings) });
  }
}

/** Revisions stored before warnings (or withdrawals) were kept have none (and were submitted). */
function withWarnings(revision: ReportRevision): ReportRevision {
  return isWithdrawn(revision) ? { ...revision, warnings: revision.warnings ?? [] } : { ...revision, status: 'submitted', warnings: revision.warnings ?? [] };
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
