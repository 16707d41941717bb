import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { figuresOutsideScope, PlausibilityWarning, sourceId } from '@gec/domain';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../../enterprises/enterprises.repository';
import { isWithdrawn } from '../../report';
import { ReportsRepository } from '../../reports.repository';
import { effectiveReport, figuresByKey, sameFigures } from '../effective-report';
import { ProviderSource, providerSourcesOf, selfSourceOf } from '../report-sources';
import { SourcePolicy } from '../source-policy';
import { sourcedRevision } from '../sourced-revision';
import { PutProviderFiguresCommand } from './put-provider-figures.dto';

export interface PutProviderFiguresResult {
  uscc: string;
  period: string;
  source: string;
  /** The report's new revision, or null: its figures did not change (or the enterprise has not reported the period yet). */
  revision: number | null;
  warnings: PlausibilityWarning[];
}

@Injectable()
export class PutProviderFiguresUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly reports: ReportsRepository,
    private readonly events: EventFactory,
    private readonly policy: SourcePolicy,
  ) {}

  /**
   * A provider's figures for an enterprise in its region scope, only those it is allowed: kept as its source of the
   * period's report. When the report's figures change by them (precedence), the report gets a new revision saying so,
   * which flows downstream like any other.
   */
  async execute(caller: Caller, uscc: string, period: string, providerId: string, command: PutProviderFiguresCommand): Promise<PutProviderFiguresResult> {
    if (caller.providerId !== providerId) throw DomainError.forbidden(`This token is provider ${caller.providerId}'s, not ${providerId}'s.`, [{ field: 'providerId', reason: 'is not the provider of this token' }]);
    const outside = figuresOutsideScope(Object.keys(command.figures), caller.figures ?? []);
    if (outside.length > 0) {
      throw DomainError.forbidden(
        `Provider ${providerId} may supply ${caller.figures?.join(', ')} only.`,
        outside.map((key) => ({ field: `figures.${key}`, reason: `provider ${providerId} is not allowed to supply ${key}` })),
      );
    }
    const access = grantAccess(caller, uscc, ['provider']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) {
      throw DomainError.forbidden(`No enterprise ${uscc} is registered within provider ${providerId}'s region scope ${caller.regionPrefix}.`, [
        { field: 'uscc', reason: `not an enterprise registered in region ${caller.regionPrefix}` },
      ]);
    }
    const { industryDivision, regionCode } = enterprise;
    const submittedAt = new Date().toISOString();
    const source: ProviderSource = { providerId, submittedAt, figures: Object.entries(command.figures).map(([key, value]) => ({ key, value })) };
    let warnings: PlausibilityWarning[] = [];
    const revision = await this.reports.putSource(access, period, (next, lastMonth, current) => {
      const write = { source: { providers: { [providerId]: source } } };
      const self = selfSourceOf(current);
      // Nothing to build a report from until the enterprise reports the period itself: the figures wait for it.
      if (!self) return write;
      const providers = [...providerSourcesOf(current).filter((p) => p.providerId !== providerId), source];
      const effective = effectiveReport(self, providers, this.policy, (key) => `figures.${key}`);
      warnings = effective.warnings;
      const live = isWithdrawn(current.latest) ? undefined : current.latest;
      const latest = live && selfSourceOf({ latest: { ...live, provenance: undefined }, sources: {} });
      if (sameFigures(latest, effective.figures)) return write;
      const before = latest ? figuresByKey(latest) : {};
      const after = figuresByKey(effective.figures);
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
      const reason = `figures from provider ${providerId}: ${changed.join(', ')}`.slice(0, 500);
      const built = sourcedRevision(effective, next, submittedAt, lastMonth, next > 1 ? reason : undefined);
      const event = this.events.create(TOPICS.reportAccepted, { uscc, period, ...built, industryDivision, regionCode });
      // The revision takes figures from others, so the enterprise's own are kept beside it from now on.
      return { source: { ...write.source, self }, revision: built, event };
    });
    return { uscc, period, source: sourceId('provider', providerId), revision, warnings };
  }
}
