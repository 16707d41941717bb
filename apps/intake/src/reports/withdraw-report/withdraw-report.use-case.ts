import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { isWithdrawn, WithdrawnRevision } from '../report';
import { ReportsRepository } from '../reports.repository';
import { WithdrawReportCommand } from './withdraw-report.dto';

export interface WithdrawReportResult {
  uscc: string;
  period: string;
  revision: number;
  status: 'withdrawn';
  reason: string;
}

@Injectable()
export class WithdrawReportUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly events: EventFactory,
  ) {}

  /**
   * A withdrawal is the period's next revision, without figures and with its reason: downstream the period drops out
   * of indicators, benchmarks and ratings. Only a live report can be withdrawn; a later submission makes it live again.
   */
  async execute(caller: Caller, uscc: string, period: string, command: WithdrawReportCommand): Promise<WithdrawReportResult> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    if (!access && caller.role === 'enterprise') throw DomainError.forbidden(`An enterprise withdraws only its own reports, not ${uscc}'s.`);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
    const { industryDivision, regionCode } = enterprise;
    const withdrawnAt = new Date().toISOString();
    const revision = await this.reports.appendRevision(access, period, (next, _lastMonth, { latest }) => {
      if (!latest) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
      if (isWithdrawn(latest)) throw DomainError.conflict(`The ${period} report of ${uscc} was already withdrawn (revision ${latest.revision}); submit it again to revise it.`);
      const revision: WithdrawnRevision = { revision: next, submittedAt: withdrawnAt, status: 'withdrawn', reason: command.reason, warnings: [] };
      const event = this.events.create(TOPICS.reportAccepted, { uscc, period, revision: next, submittedAt: withdrawnAt, withdrawn: true, reason: command.reason, industryDivision, regionCode });
      return { revision, event };
    });
    return { uscc, period, revision, status: 'withdrawn', reason: command.reason };
  }
}
