import { Injectable } from '@nestjs/common';
import { BenchmarkUpdated, IndicatorsComputed, TOPICS } from '@gec/contracts';
import { CarbonEfficiencyRating, CURRENT_CARBON_EFFICIENCY_METHODOLOGY, rateCarbonEfficiency, ratingChanged } from '@gec/domain';
import { deterministicId, EventFactory, ServiceRuntime } from '@gec/platform';
import { BenchmarksRepository } from '../../benchmarks/benchmarks.repository';
import { IndicatorsRepository } from '../../indicators/indicators.repository';
import { explainRating } from '../explain-rating';
import { PeriodRating } from '../rating';
import { PeriodSnapshot, RatingChange, RatingsRepository, RatingTarget } from '../ratings.repository';

export interface RateEnterpriseInput {
  uscc: string;
  period: string;
  /** Set by an industry re-rating: when the benchmark has moved past it, a newer re-rating covers this enterprise. */
  benchmarkVersion?: number;
}

/** changed: new grade, level or methodology (event sent); refreshed: only K or the inputs moved (no event). */
export type RateEnterpriseOutcome = 'changed' | 'refreshed' | 'unchanged' | 'missing-inputs' | 'not-ratable' | 'superseded';

const MAX_ATTEMPTS = 10;
const methodology = CURRENT_CARBON_EFFICIENCY_METHODOLOGY;

@Injectable()
export class RateEnterpriseUseCase {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly benchmarks: BenchmarksRepository,
    private readonly events: EventFactory,
    private readonly runtime: ServiceRuntime,
  ) {}

  async execute(input: RateEnterpriseInput): Promise<RateEnterpriseOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Read the stored rating before its inputs: the read models only move forward, so inputs read after it
      // are at least as new as those it was computed from, and a rating can never go back to older inputs.
      const snapshot = await this.ratings.findPeriod(input.uscc, input.period);
      const indicators = await this.indicators.find(input.uscc, input.period);
      const benchmark = indicators && (await this.benchmarks.find(indicators.industryDivision, input.period));
      if (!indicators || !benchmark) return 'missing-inputs';
      if (input.benchmarkVersion !== undefined && benchmark.version > input.benchmarkVersion) return 'superseded';
      const rated = this.rate(indicators, benchmark);
      if (!rated) return 'not-ratable';
      const outcome = await this.store(input, snapshot, rated, indicators, benchmark);
      if (outcome) {
        this.runtime.logger.info({ uscc: input.uscc, period: input.period, outcome, grade: rated.grade, level: rated.level, k: rated.k }, 'enterprise rated');
        return outcome;
      }
    }
    throw new Error(`rating of ${input.uscc} for ${input.period} kept being written concurrently; giving up for now`);
  }

  private rate(indicators: IndicatorsComputed, benchmark: BenchmarkUpdated): CarbonEfficiencyRating | null {
    try {
      return rateCarbonEfficiency({ carbonIntensity: indicators.carbonIntensity, industryCarbonIntensity: benchmark.carbonIntensity }, methodology);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // E.g. a benchmark that does not include this enterprise yet; its next version re-rates the industry.
      this.runtime.logger.warn({ uscc: indicators.uscc, period: indicators.period, benchmarkVersion: benchmark.version, reason: error.message }, 'not ratable yet');
      return null;
    }
  }

  /** Null when another writer came first and the rating must be redone. */
  private async store(
    input: RateEnterpriseInput,
    snapshot: PeriodSnapshot,
    rated: CarbonEfficiencyRating,
    indicators: IndicatorsComputed,
    benchmark: BenchmarkUpdated,
  ): Promise<RateEnterpriseOutcome | null> {
    const previous = snapshot.current;
    const target: RatingTarget = { uscc: input.uscc, period: input.period, regionCode: indicators.regionCode };
    const next: PeriodRating = {
      ...rated,
      benchmarkVersion: benchmark.version,
      indicatorsRevision: indicators.revision,
      ratedAt: new Date().toISOString(),
      explanation: explainRating(rated, methodology),
    };
    if (ratingChanged(previous ?? undefined, next)) {
      const written = await this.ratings.write(target, snapshot, next, this.change(target, next, previous));
      return written ? 'changed' : null;
    }
    // A region not kept yet (or moved) is written like a refresh: regulators' access depends on it.
    if (previous && sameFigures(previous, next) && snapshot.regionCode === target.regionCode) return 'unchanged';
    return (await this.ratings.write(target, snapshot, next)) ? 'refreshed' : null;
  }

  private change(target: RatingTarget, next: PeriodRating, before: PeriodRating | null): RatingChange {
    const previous = before && { level: before.level, grade: before.grade, methodologyVersion: before.methodology.version };
    const { methodology: ref, level, grade, k, ratedAt } = next;
    const eventId = deterministicId('rating-changed', target.uscc, target.period, next.benchmarkVersion, next.indicatorsRevision, ref.version);
    const { explanation: _explanation, ...figures } = next;
    return {
      entry: { period: target.period, level, grade, methodology: ref, k, ratedAt, previous },
      event: this.events.create(TOPICS.ratingChanged, { uscc: target.uscc, period: target.period, regionCode: target.regionCode, ...figures, previous }, { eventId }),
    };
  }
}

function sameFigures(a: PeriodRating, b: PeriodRating): boolean {
  return (
    a.k === b.k &&
    a.carbonIntensity === b.carbonIntensity &&
    a.industryCarbonIntensity === b.industryCarbonIntensity &&
    a.benchmarkVersion === b.benchmarkVersion &&
    a.indicatorsRevision === b.indicatorsRevision
  );
}
