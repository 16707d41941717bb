import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { importColumnOfField, mapImportRow, validateUscc } from '@gec/domain';
import { Caller, deterministicId, EnterpriseAccess, EventFactory, EventProducer, zodIssues } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { newRevision } from '../../reports/report';
import { ImportedRevision, ReportsRepository } from '../../reports/reports.repository';
import { withProviderFigures } from '../../reports/sources/self-revision';
import { SourcePolicy } from '../../reports/sources/source-policy';
import { SubmitReportCommand, submitReportSchema } from '../../reports/submit-report/submit-report.dto';
import { ImportRecord, ImportRowError } from '../import';
import { ImportFileRow } from '../import-file.reader';
import { importAccess } from '../import-scope';
import { ProfilesRepository } from '../../profiles/profiles.repository';
import { facilityIssue } from '../../reports/facility-check';

export interface ChunkOutcome {
  ok: number;
  failed: number;
  errors: ImportRowError[];
}

interface ValidRow {
  row: number;
  access: EnterpriseAccess;
  command: SubmitReportCommand;
}

/**
 * One chunk of an import: every row validated as `POST /v1/enterprises/{uscc}/reports` would validate its body (the
 * same schema, errors named by column), then one bulk read of the enterprises, one bulk read and one bulk write of the
 * reports, and one send of the rows' events. Redoing a chunk (a job retried after a crash) writes nothing new: each
 * row's revision carries its import and row, and its event, derived from the stored revision, keeps its id.
 *
 * The chunk is its own outbox: its events are not parked in the report documents (which would cost a second write of
 * every document to take them out again) but sent from the revisions before the job records the chunk as done, so a
 * crash in between redoes the chunk, which finds its revisions stored and sends their events again.
 */
@Injectable()
export class ImportChunkProcessor {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly events: EventFactory,
    private readonly producer: EventProducer,
    private readonly policy: SourcePolicy,
  ) {}

  async process(record: ImportRecord, rows: readonly ImportFileRow[]): Promise<ChunkOutcome> {
    const caller: Caller = { subject: record.owner.subject, role: record.owner.role, ...(record.owner.uscc ? { uscc: record.owner.uscc } : {}) };
    const errors: ImportRowError[] = [];
    const failedRows = new Set<number>();
    const fail = (row: number, field: string, reason: string) => {
      errors.push({ row, field, reason });
      failedRows.add(row);
    };
    const valid: ValidRow[] = [];
    for (const { row, cells } of rows) {
      const mapped = mapImportRow(record.header, cells);
      for (const issue of mapped.issues) fail(row, issue.field, issue.reason);
      let access: EnterpriseAccess | null = null;
      if (!mapped.uscc) fail(row, 'uscc', 'required');
      else {
        const code = validateUscc(mapped.uscc);
        if (!code.ok) fail(row, 'uscc', code.reason);
        else if (!(access = importAccess(caller, code.value))) fail(row, 'uscc', `you may import only your own enterprise's reports, not those of ${code.value}`);
      }
      const parsed = submitReportSchema.safeParse(mapped.facility ? { ...mapped.body, facility: mapped.facility } : mapped.body);
      if (!parsed.success) {
        const named = new Set(mapped.issues.map((i) => i.field));
        for (const issue of zodIssues(parsed.error)) {
          const column = importColumnOfField(issue.field, mapped.energyColumns);
          if (named.has(column)) continue;
          fail(row, column, column === 'energy' ? `no energy figure: fill at least one energy column, e.g. electricity_kwh (${issue.reason})` : issue.reason);
        }
      }
      if (!failedRows.has(row) && access && parsed.success) valid.push({ row, access, command: parsed.data });
    }

    // One bulk read of the enterprises, one of the profiles in force for the rows' periods (facilities, permits).
    const [registered, profiles] = await Promise.all([
      this.enterprises.findMany(valid.map((v) => v.access)),
      this.profiles.inForce(valid.map((v) => ({ access: v.access, month: v.command.period }))),
    ]);
    const profileOf = new Map(valid.map((v, i) => [v.row, profiles[i]]));
    const accepted = valid.filter((v) => {
      if (!registered.has(v.access.uscc)) {
        fail(v.row, 'uscc', `no enterprise ${v.access.uscc} is registered`);
        return false;
      }
      const issue = facilityIssue(v.command.facility, profileOf.get(v.row), v.command.period);
      if (issue) fail(v.row, 'facility', issue);
      return !issue;
    });
    const submittedAt = new Date().toISOString();
    const revisions: ImportedRevision[] = accepted.map(({ row, access, command }) => {
      const permitted = profileOf.get(row)?.permittedPollutants;
      return {
        access,
        period: command.period,
        source: { importId: record.importId, row },
        yearToDate: permitted !== undefined && Object.keys(permitted).length > 0,
        build: (next, lastMonth, current, earlierThisYear) => {
          const own = newRevision({ ...command, reason: command.reason ?? (next > 1 ? `bulk import ${record.filename}` : undefined) }, next, submittedAt, lastMonth, { earlierThisYear, permitted });
          // Data providers' figures for the period take their place by precedence, as for a report submitted alone.
          const { revision, source } = withProviderFigures(own, command, current, this.policy, lastMonth, true);
          return { revision, self: source?.self };
        },
      };
    });
    if (revisions.length > 0) {
      const stored = await this.reports.appendImported(revisions);
      // Every row's event, derived from its stored revision under an id made of the import and the row: a redone chunk
      // sends again what a crash may have kept from going out, and consumers drop what they already had.
      await this.producer.send(
        stored.map(({ source, ...revision }, i) => {
          const { uscc } = accepted[i].access;
          const { industryDivision, regionCode } = registered.get(uscc)!;
          return this.events.create(TOPICS.reportAccepted, { uscc, period: accepted[i].command.period, ...revision, industryDivision, regionCode }, { eventId: deterministicId('import', record.importId, source!.row) });
        }),
      );
    }
    return { ok: rows.length - failedRows.size, failed: failedRows.size, errors };
  }
}
