import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { ReportsRepository } from '../reports.repository';
import { SubmitReportCommand } from './submit-report.dto';

export interface SubmitReportResult {
  uscc: string;
  period: string;
  revision: number;
  status: 'accepted';
}

@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly events: EventFactory,
  ) {}

  /** Each submission for a period is a new revision that supersedes the previous one downstream. */
  async execute(caller: Caller, uscc: string, command: SubmitReportCommand): Promise<SubmitReportResult> {
    const access = grantAccess(caller, uscc, ['self']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    const { industryDivision, regionCode } = enterprise;
    const submittedAt = new Date().toISOString();
    const revision = await this.reports.appendRevision(access, command.period, (next) => {
      const revision = {
        revision: next,
        submittedAt,
        valueAdded: command.valueAdded,
        outputValue: command.outputValue,
        energy: command.energy,
        ownRenewableElectricityKwh: command.ownRenewableElectricityKwh,
      };
      return { revision, event: this.events.create(TOPICS.reportAccepted, { uscc, period: command.period, ...revision, industryDivision, regionCode }) };
    });
    return { uscc, period: command.period, revision, status: 'accepted' };
  }
}
