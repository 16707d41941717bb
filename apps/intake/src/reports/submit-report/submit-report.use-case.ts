import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { PlausibilityWarning } from '@gec/domain';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { newRevision } from '../report';
import { ReportsRepository } from '../reports.repository';
import { withProviderFigures } from '../sources/self-revision';
import { SourcePolicy } from '../sources/source-policy';
import { ProfilesRepository } from '../../profiles/profiles.repository';
import { facilityIssue } from '../facility-check';
import { SubmitReportCommand } from './submit-report.dto';

export interface SubmitReportResult {
  uscc: string;
  period: string;
  revision: number;
  status: 'accepted';
  warnings: PlausibilityWarning[];
}

@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly events: EventFactory,
    private readonly policy: SourcePolicy,
  ) {}

  /**
   * Each submission for a period is a new revision that supersedes the previous one downstream; every revision after
   * the first says why. Unlikely figures are accepted with warnings, kept with the revision and sent downstream.
   */
  async execute(caller: Caller, uscc: string, command: SubmitReportCommand): Promise<SubmitReportResult> {
    const access = grantAccess(caller, uscc, ['self']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    const { industryDivision, regionCode } = enterprise;
    // The profile in force for the period: its facilities (a report naming one) and its pollutant permits.
    const [profile] = await this.profiles.inForce([{ access, month: command.period }]);
    const issue = facilityIssue(command.facility, profile, command.period);
    if (issue) throw DomainError.validation([{ field: 'facility', reason: issue }]);
    const permitted = profile?.permittedPollutants;
    const yearToDate = permitted !== undefined && Object.keys(permitted).length > 0;
    const submittedAt = new Date().toISOString();
    let warnings: PlausibilityWarning[] = [];
    const revision = await this.reports.appendRevision(access, command.period, (next, lastMonth, current, earlierThisYear) => {
      if (next > 1 && !command.reason) {
        throw DomainError.validation([{ field: 'reason', reason: `the ${command.period} report already has revision ${next - 1}; say why this one replaces it` }]);
      }
      // Figures data providers gave for the period take their place by precedence (sources/self-revision.ts).
      const own = newRevision(command, next, submittedAt, lastMonth, { earlierThisYear, permitted });
      const { revision, source } = withProviderFigures(own, command, current, this.policy, lastMonth);
      warnings = revision.warnings;
      return { revision, source, event: this.events.create(TOPICS.reportAccepted, { uscc, period: command.period, ...revision, industryDivision, regionCode }) };
    }, { yearToDate });
    return { uscc, period: command.period, revision, status: 'accepted', warnings };
  }
}
