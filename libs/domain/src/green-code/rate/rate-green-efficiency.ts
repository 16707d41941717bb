import { rateCarbonEfficiency } from '../../rating/rate-carbon-efficiency';
import { FactorTableSet } from '../../methodology/factor-table-set';
import { assignTiers, scoreNeededForTier, tierOrder } from '../code/assign-tier';
import { vetoReasons } from '../code/veto-reasons';
import { computeGreenIndicators } from '../indicators/green-indicators';
import { factorTablesForGrid } from '../methodology/grid-factor-series';
import { GreenMethodology } from '../methodology/green-methodology';
import { aggregatePeriod } from '../period/aggregate-period';
import { parseRatingPeriod } from '../period/rating-period';
import { referenceValues } from '../scoring/reference-values';
import { scoreGreen } from '../scoring/score-green';
import { GreenRating, GreenRatingInput } from './green-rating';

/** Share of scores below the score, ties counting half, 0-100. */
export function percentileRank(score: number, all: readonly number[]): number {
  const below = all.filter((s) => s < score).length;
  const equal = all.filter((s) => s === score).length;
  return (100 * (below + equal / 2)) / all.length;
}

function carbonEfficiencyOf(l: number | null, industryL: number | null, methodology: GreenMethodology) {
  if (l === null || industryL === null || (industryL === 0 && l > 0)) return null;
  return rateCarbonEfficiency({ carbonIntensity: l, industryCarbonIntensity: industryL }, methodology.carbonEfficiency);
}

/**
 * Rates one enterprise for a period under a methodology: aggregates its months, computes the indicators, scores them
 * against the cohort's references, places the score in the cohort's tiers, grades K, and withholds the code when a
 * veto applies. Pure: the same input, methodology and tables give the identical result.
 */
export function rateGreenEfficiency(input: GreenRatingInput, methodology: GreenMethodology, baseTables: FactorTableSet): GreenRating {
  const period = parseRatingPeriod(input.period);
  if (!period.ok) throw new RangeError(period.reason);
  const tables = factorTablesForGrid(baseTables, methodology.grid);
  const figures = aggregatePeriod(period.value, input.months, tables);
  const indicators = computeGreenIndicators(figures, input.permits.annualT, methodology.pollutants.aggregation);

  const others = input.cohort.members.filter((m) => m.uscc !== input.uscc);
  const references = referenceValues(methodology, input.industryCode, [indicators, ...others.map((m) => m.values)]);
  const score = scoreGreen(indicators, references, methodology);
  const otherScores = others.map((m) => ({ id: m.uscc, score: scoreGreen(m.values, references, methodology).total }));
  const scoredTier = assignTiers([{ id: input.uscc, score: score.total }, ...otherScores], methodology.tiers).get(input.uscc)!;
  const order = tierOrder(methodology.tiers);
  const better = order[order.indexOf(scoredTier) - 1];

  const vetoes = vetoReasons(
    { periodMonths: period.value.months, missingMonths: figures.missingMonths, enforcementCases: input.enforcementCases, warnings: input.warnings },
    methodology.vetoes,
  );
  if (Object.values(references).every((r) => r === null)) {
    vetoes.push({ kind: 'no-references', message: `no indicator has baseline and leading values for ${input.industryCode} in ${period.value.text} (cohort of ${others.length + 1})` });
  }
  return {
    uscc: input.uscc,
    industryCode: input.industryCode,
    period: period.value.text,
    periodKind: period.value.kind,
    provenance: {
      methodology: { id: methodology.id, version: methodology.version },
      factorTables: tables.version,
      months: figures.revisions,
      permits: input.permits.version,
      cohort: { version: input.cohort.version, size: others.length + 1 },
      enforcementCases: input.enforcementCases.map((c) => c.reference),
      warnings: input.warnings.filter((w) => !w.resolved).map(({ month, code, field }) => ({ month, code, field })),
    },
    figures,
    indicators,
    references,
    score,
    // A period with months missing beyond the allowance is not rated: its L would not be the period's.
    carbonEfficiency: vetoes.some((v) => v.kind === 'missing-months') ? null : carbonEfficiencyOf(indicators.carbonIntensity, input.cohort.industryCarbonIntensity, methodology),
    scoredTier,
    code: vetoes.length > 0 ? null : { tier: scoredTier, colour: methodology.colours[scoredTier] },
    vetoes,
    cohort: {
      size: others.length + 1,
      percentile: percentileRank(score.total, [score.total, ...otherScores.map((o) => o.score)]),
      nextTier: better ? { tier: better, scoreNeeded: scoreNeededForTier(better, otherScores.map((o) => o.score), methodology.tiers) } : null,
    },
  };
}
