import { Injectable } from '@nestjs/common';
import { isWithdrawnReport, ReportAccepted, SubmittedReport, TOPICS } from '@gec/contracts';
import { computeIndicators, computeResourceIndicators, CURRENT_FACTOR_TABLES, Indicators } from '@gec/domain';
import { Consumed, deterministicId, EventFactory, Outbox, OutboxEntry, PermanentEventError, pipelineKeys, RetryableEventError } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { areWithdrawn, EnterpriseIndicators, PeriodIndicators, WithdrawnIndicators } from '../enterprise-indicators';
import { IndicatorsRepository } from '../indicators.repository';

@Injectable()
export class ComputeIndicatorsUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  /**
   * A batch of accepted reports: a newer revision supersedes the stored indicators and is announced twice, keyed by
   * enterprise (indicators-computed) and re-keyed by industry and period for the benchmark's single owner
   * (industry-member); the same or an older revision changes nothing. A withdrawal is such a revision too: the
   * indicators lose their values and are announced as withdrawn, and the member leaves its industry's benchmark.
   * One read and one write for the whole batch.
   */
  async execute(events: Consumed<ReportAccepted>[]): Promise<void> {
    const industries = await this.industriesOf(events);
    // Per enterprise and period only the newest revision in the batch counts.
    const newest = new Map<string, { event: Consumed<ReportAccepted>; computed: PeriodIndicators }>();
    for (const event of events) {
      const report = event.payload;
      const key = `${report.uscc}:${report.period}`;
      const before = newest.get(key);
      if (before && before.computed.revision >= report.revision) continue;
      const { industryDivision, regionCode } = industries.get(report.uscc)!;
      if (isWithdrawnReport(report)) {
        const withdrawn: WithdrawnIndicators = { uscc: report.uscc, period: report.period, revision: report.revision, industryDivision, regionCode, withdrawn: true, computedAt: new Date().toISOString() };
        newest.set(key, { event, computed: withdrawn });
        continue;
      }
      const computed: EnterpriseIndicators = {
        uscc: report.uscc,
        period: report.period,
        revision: report.revision,
        industryDivision,
        regionCode,
        valueAdded: report.valueAdded,
        ...compute(report),
        resources: computeResourceIndicators(report, report.valueAdded, gridElectricityKwh(report)),
        warnings: report.warnings ?? [],
        computedAt: new Date().toISOString(),
      };
      newest.set(key, { event, computed });
    }
    const stored = await this.indicators.findForProcessing(pipelineKeys([...newest.values()].map((n) => n.computed)));
    const writes = [...newest.values()]
      .map(({ event, computed }) => ({ event, computed, stored: stored.get(`${computed.uscc}:${computed.period}`)?.revision }))
      .filter(({ computed, stored }) => (stored ?? 0) < computed.revision)
      .map(({ event, computed, stored }) => ({ indicators: computed, events: this.announce(computed, event), stored }));
    await this.indicators.saveNewer(writes);
    await this.outbox.publish([...this.indicators.pending(stored), ...writes.map((w) => this.indicators.documentEvents(w.indicators, w.events))]);
  }

  /** Reports carry their enterprise's industry and region; older events without them use the registration read model. */
  private async industriesOf(events: Consumed<ReportAccepted>[]): Promise<Map<string, { industryDivision: string; regionCode: string }>> {
    const known = new Map<string, { industryDivision: string; regionCode: string }>();
    const missing = new Set<string>();
    for (const { payload: r } of events) {
      if (r.industryDivision && r.regionCode) known.set(r.uscc, { industryDivision: r.industryDivision, regionCode: r.regionCode });
      else missing.add(r.uscc);
    }
    if (missing.size === 0) return known;
    const registered = await this.enterprises.findMany(pipelineKeys([...missing]));
    for (const uscc of missing) {
      const enterprise = registered.get(uscc);
      if (!enterprise) throw new RetryableEventError(`unknown enterprise ${uscc}: the report names no industry and no enterprise-registered event was seen yet`);
      if (!known.has(uscc)) known.set(uscc, { industryDivision: enterprise.industryDivision, regionCode: enterprise.regionCode });
    }
    return known;
  }

  private announce(i: PeriodIndicators, cause: Consumed<ReportAccepted>): OutboxEntry[] {
    const causedBy = { eventId: cause.eventId, correlationId: cause.correlationId };
    if (areWithdrawn(i)) {
      const { uscc, period, revision, industryDivision, regionCode, computedAt } = i;
      return [
        this.events.create(TOPICS.indicatorsComputed, { uscc, period, revision, industryDivision, regionCode, withdrawn: true, computedAt }, { eventId: deterministicId('indicators-computed', cause.eventId), causedBy }),
        this.events.create(
          TOPICS.industryMember,
          { industryDivision, period, member: { uscc, revision, regionCode, withdrawn: true } },
          { eventId: deterministicId('industry-member', cause.eventId), causedBy },
        ),
      ];
    }
    const computed = this.events.create(
      TOPICS.indicatorsComputed,
      {
        uscc: i.uscc,
        period: i.period,
        revision: i.revision,
        industryDivision: i.industryDivision,
        regionCode: i.regionCode,
        valueAdded: i.valueAdded,
        energyTce: i.energyTce,
        co2Tonnes: i.co2Tonnes,
        energyIntensity: i.energyIntensity,
        carbonIntensity: i.carbonIntensity,
        factorTableVersion: i.factorTableVersion,
        gridFactorYear: i.gridFactor.year,
        resources: i.resources,
        warnings: i.warnings,
        computedAt: i.computedAt,
      },
      { eventId: deterministicId('indicators-computed', cause.eventId), causedBy },
    );
    const member = this.events.create(
      TOPICS.industryMember,
      {
        industryDivision: i.industryDivision,
        period: i.period,
        member: { uscc: i.uscc, revision: i.revision, regionCode: i.regionCode, co2Tonnes: i.co2Tonnes, valueAdded: i.valueAdded, carbonIntensity: i.carbonIntensity },
      },
      { eventId: deterministicId('industry-member', cause.eventId), causedBy },
    );
    return [computed, member];
  }
}

function gridElectricityKwh(report: SubmittedReport): number {
  return report.energy.filter((e) => e.carrier === 'electricity').reduce((sum, e) => sum + e.quantity, 0);
}

function compute(report: SubmittedReport): Indicators {
  try {
    return computeIndicators(report, CURRENT_FACTOR_TABLES);
  } catch (error) {
    // The schema let it through but the factor tables can't price it (e.g. a non-canonical unit): it never will.
    if (error instanceof RangeError) throw new PermanentEventError(`payload cannot be computed: ${error.message}`);
    throw error;
  }
}
