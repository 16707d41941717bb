import { Injectable } from '@nestjs/common';
import { reportFigureUnit } from '@gec/contracts';
import { chooseFigures, sourceId } from '@gec/domain';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../../enterprises/enterprises.repository';
import { ReportsRepository } from '../../reports.repository';
import { sourceFigures } from '../effective-report';
import { providerSourcesOf, selfSourceOf } from '../report-sources';
import { SourcePolicy } from '../source-policy';
import { ReportSourcesView } from './report-sources-view';

@Injectable()
export class GetReportSourcesUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly accessLog: AccessRecorder,
    private readonly policy: SourcePolicy,
  ) {}

  /**
   * Each figure of a period's report with every source's value side by side, which one the report uses and whether
   * they disagree: for the enterprise itself, regulators of its region and administrators. A data provider sees only
   * its own submissions, and nothing of which value is used.
   */
  async execute(caller: Caller, uscc: string, period: string): Promise<ReportSourcesView> {
    const access = grantAccess(caller, uscc, ['self', 'jurisdiction', 'admin', 'provider']);
    const enterprise = access && (await this.enterprises.find(access));
    const current = access && enterprise && (await this.reports.findSources(access, enterprise.regionCode, period));
    if (!access || !current) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
    const own = caller.role === 'provider' ? sourceId('provider', caller.providerId) : undefined;
    const providers = providerSourcesOf(current).filter((p) => !own || sourceId('provider', p.providerId) === own);
    if (own && providers.length === 0) throw DomainError.notFound(`Provider ${caller.providerId} has given no figures for ${period} of enterprise ${uscc}.`);
    await this.accessLog.record(access, `report ${period} sources`);
    const choices = chooseFigures(sourceFigures(own ? undefined : selfSourceOf(current), providers), this.policy.precedence, this.policy.tolerance);
    return {
      uscc,
      period,
      revision: current.revision > 0 ? current.revision : null,
      precedence: this.policy.precedence,
      tolerance: this.policy.tolerance,
      figures: choices.map((c) => ({
        key: c.key,
        unit: reportFigureUnit(c.key),
        ...(own ? {} : { used: c.used.source, value: c.used.value, disagrees: c.disagrees }),
        values: c.values,
      })),
    };
  }
}
