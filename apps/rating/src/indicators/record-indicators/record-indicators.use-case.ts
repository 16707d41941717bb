import { Injectable } from '@nestjs/common';
import { IndicatorsComputed } from '@gec/contracts';
import { CohortsRepository } from '../../cohorts/cohorts.repository';
import { RateEnterpriseUseCase } from '../../ratings/rate-enterprise/rate-enterprise.use-case';
import { IndicatorsRepository } from '../indicators.repository';

@Injectable()
export class RecordIndicatorsUseCase {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly cohorts: CohortsRepository,
    private readonly rateEnterprise: RateEnterpriseUseCase,
  ) {}

  /**
   * Keeps the newest indicators, adds the enterprise to its industry's cohort, then rates it.
   * Joining the cohort before rating closes the gap with a benchmark arriving meanwhile: either this
   * rating sees that benchmark, or the benchmark's fan-out (enqueued after it is stored) sees this member.
   */
  async execute(indicators: IndicatorsComputed): Promise<void> {
    const freshness = await this.indicators.keepNewest(indicators);
    if (freshness === 'older') return;
    await this.cohorts.join(indicators.industryDivision, indicators.period, indicators.uscc);
    await this.rateEnterprise.execute({ uscc: indicators.uscc, period: indicators.period });
  }
}
