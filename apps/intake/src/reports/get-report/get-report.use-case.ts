import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { Report, ReportHistory } from '../report';
import { ReportsRepository } from '../reports.repository';

@Injectable()
export class GetReportUseCase {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** Raw reports are the enterprise's own books: only it and an administrator read them, never banks or regulators. */
  async execute(caller: Caller, uscc: string, period: string): Promise<Report> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    const report = access && (await this.reports.findLatest(access, period));
    if (!access || !report) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
    await this.accessLog.record(access, `report ${period}`);
    return report;
  }

  /** Every revision of the period's report with its reason, oldest first: the same callers. */
  async history(caller: Caller, uscc: string, period: string): Promise<ReportHistory> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    const history = access && (await this.reports.findHistory(access, period));
    if (!access || !history) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
    await this.accessLog.record(access, `report ${period} revisions`);
    return history;
  }
}
