import { Injectable } from '@nestjs/common';
import { EventEnvelope, ReportAccepted, TOPICS } from '@gec/contracts';
import { computeIndicators, CURRENT_FACTOR_TABLES, Indicators } from '@gec/domain';
import { deterministicId, EventFactory, PermanentEventError, RetryableEventError } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { UpdateBenchmarkUseCase } from '../../benchmarks/update-benchmark/update-benchmark.use-case';
import { EnterpriseIndicators } from '../enterprise-indicators';
import { IndicatorsRepository } from '../indicators.repository';

@Injectable()
export class ComputeIndicatorsUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly updateBenchmark: UpdateBenchmarkUseCase,
    private readonly events: EventFactory,
  ) {}

  /** A newer revision of a report supersedes the stored indicators; the same or an older one changes nothing. */
  async execute(event: EventEnvelope<ReportAccepted>): Promise<void> {
    const report = event.payload;
    const enterprise = await this.enterprises.findByUscc(report.uscc);
    if (!enterprise) throw new RetryableEventError(`unknown enterprise ${report.uscc}: no enterprise-registered event seen yet`);

    const computed: EnterpriseIndicators = {
      uscc: report.uscc,
      period: report.period,
      revision: report.revision,
      industryDivision: enterprise.industryDivision,
      regionCode: enterprise.regionCode,
      valueAdded: report.valueAdded,
      ...compute(report),
      computedAt: new Date().toISOString(),
    };
    await this.indicators.saveIfNewer(computed, this.indicatorsComputedEvent(computed, event.eventId));

    // From what is stored rather than from this report, so a crash between the two writes heals on any redelivery.
    const latest = await this.indicators.findForProcessing(report.uscc, report.period);
    if (latest) {
      await this.updateBenchmark.execute(
        { industryDivision: latest.industryDivision, period: latest.period },
        { uscc: latest.uscc, revision: latest.revision, co2Tonnes: latest.co2Tonnes, valueAdded: latest.valueAdded },
      );
    }
  }

  private indicatorsComputedEvent(i: EnterpriseIndicators, causingEventId: string) {
    const payload = {
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
      computedAt: i.computedAt,
    };
    return this.events.create(TOPICS.indicatorsComputed, payload, { eventId: deterministicId('indicators-computed', causingEventId) });
  }
}

function compute(report: ReportAccepted): Indicators {
  try {
    return computeIndicators(report, CURRENT_FACTOR_TABLES);
  } catch (error) {
    // The schema let it through but the factor tables can't price it (e.g. a non-canonical unit): it never will.
    if (error instanceof RangeError) throw new PermanentEventError(`payload cannot be computed: ${error.message}`);
    throw error;
  }
}
