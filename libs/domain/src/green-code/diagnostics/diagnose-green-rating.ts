import { GREEN_INDICATOR_UNITS } from '../indicators/green-indicators';
import { GreenIndicatorId, GreenTier } from '../methodology/green-methodology';
import { PeriodFigures } from '../period/aggregate-period';
import { GreenRating } from '../rate/green-rating';
import { IndicatorScore } from '../scoring/score-green';
import { valueForFraction } from '../scoring/score-indicator';
import { Measure, measuresFor } from './measure-catalogue';

export interface IndicatorDiagnostic extends IndicatorScore {
  unit: string;
  /** Points it adds to the total (its weighted contribution). */
  contribution: number;
}

/** What one indicator alone would have to become for the total to reach the next tier, the others held fixed. */
export interface TierGap {
  indicator: GreenIndicatorId;
  reachable: boolean;
  from: number | null;
  /** The value needed, in the indicator's unit; null when not reachable by this indicator alone. */
  to: number | null;
  unit: string;
  /** The same change in the period's own quantities (e.g. 310 tce less), where the indicator has one. */
  absolute: { amount: number; unit: string } | null;
  message: string;
}

export interface GreenDiagnostics {
  total: number;
  scoredTier: GreenTier;
  nextTier: { tier: GreenTier; scoreNeeded: number | null; pointsNeeded: number | null } | null;
  percentile: number;
  /** Every indicator, most points lost first. */
  indicators: IndicatorDiagnostic[];
  /** The indicators losing the most points (binding), most first. */
  binding: GreenIndicatorId[];
  gaps: TierGap[];
  measures: Measure[];
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

/** The period quantity an indicator's change amounts to, and its unit (change = to - from). */
function absoluteChange(id: GreenIndicatorId, change: number, f: PeriodFigures): { amount: number; unit: string } | null {
  const water = (f.newWaterM3 ?? 0) + (f.reusedWaterM3 ?? 0);
  const waste = f.solidWaste ? f.solidWaste.generatedT + f.solidWaste.priorStockUtilisedT : 0;
  const months = f.monthsPresent.length;
  switch (id) {
    case 'energyIntensity':
      return { amount: change * f.valueAdded, unit: 'tce' };
    case 'carbonIntensity':
      return { amount: change * f.valueAdded, unit: 't CO2' };
    case 'waterIntensity':
      return { amount: change * f.valueAdded, unit: 'm3 new water' };
    case 'renewableElectricityShare':
      return { amount: change * f.electricityKwh, unit: 'kWh renewable electricity' };
    case 'waterReuseRate':
      return { amount: change * water, unit: 'm3 reused instead of new water' };
    case 'solidWasteUtilisationRate':
      return { amount: change * waste, unit: 't solid waste utilised' };
    case 'footprintProductShare':
      return f.outputValue === null ? null : { amount: change * f.outputValue, unit: 'x 10,000 yuan of output with a carbon footprint' };
    case 'valueAddedPerLandM2':
      return f.landAreaM2 === null || months === 0 ? null : { amount: (change * f.landAreaM2 * months) / 12 / 10_000, unit: 'x 10,000 yuan value added' };
    default:
      return null;
  }
}

function gapMessage(id: GreenIndicatorId, from: number, to: number, absolute: TierGap['absolute']): string {
  const isShare = /Rate$|Share$/.test(id);
  const verb = to < from ? 'cut' : 'raise';
  const values = isShare ? `from ${pct(from)} to ${pct(to)}` : `from ${num(from)} to ${num(to)} ${GREEN_INDICATOR_UNITS[id]}`;
  const amount = absolute && !isShare && absolute.amount !== 0 ? ` (${verb} ${num(Math.abs(absolute.amount))} ${absolute.unit})` : '';
  return `${verb} ${id} ${values}${amount}`;
}

/** The gap for one indicator, given the points the total still needs. */
export function tierGap(score: IndicatorScore, pointsNeeded: number, figures: PeriodFigures): TierGap {
  const base = { indicator: score.indicator, from: score.value, unit: GREEN_INDICATOR_UNITS[score.indicator] };
  if (score.status !== 'scored') return { ...base, reachable: false, to: null, absolute: null, message: `${score.indicator} is not scored (${score.status}); report it to have it count` };
  if (pointsNeeded > score.lostPoints + 1e-9 || score.maxPoints === 0) {
    return { ...base, reachable: false, to: null, absolute: null, message: `not reachable by ${score.indicator} alone: it can add at most ${num(score.lostPoints)} of the ${num(pointsNeeded)} points needed` };
  }
  const fraction = Math.min(1, (score.points + pointsNeeded) / score.maxPoints);
  const to = valueForFraction(fraction, score.reference!);
  const target = fraction === 0 ? score.value! : to;
  const absolute = absoluteChange(score.indicator, target - score.value!, figures);
  return { ...base, reachable: true, to: target, absolute, message: gapMessage(score.indicator, score.value!, target, absolute) };
}

/**
 * Why a rating is what it is and what would move it: each indicator's score and contribution, the binding indicators
 * (most points lost), for each the value that alone would reach the next tier (references and other indicators held
 * fixed), the percentile in the cohort and measures from the catalogue that move the binding indicators.
 */
export function diagnoseGreenRating(rating: GreenRating, bindingCount = 3): GreenDiagnostics {
  const indicators = rating.score.dimensions
    .flatMap((d) => d.indicators)
    .map((i): IndicatorDiagnostic => ({ ...i, unit: GREEN_INDICATOR_UNITS[i.indicator], contribution: i.points }))
    .sort((a, b) => b.lostPoints - a.lostPoints || a.indicator.localeCompare(b.indicator));
  const binding = indicators.filter((i) => i.lostPoints > 1e-9).slice(0, bindingCount);
  const next = rating.cohort.nextTier;
  const pointsNeeded = next?.scoreNeeded == null ? null : Math.max(0, next.scoreNeeded - rating.score.total);
  return {
    total: rating.score.total,
    scoredTier: rating.scoredTier,
    nextTier: next ? { ...next, pointsNeeded } : null,
    percentile: rating.cohort.percentile,
    indicators,
    binding: binding.map((i) => i.indicator),
    gaps: pointsNeeded === null ? [] : binding.map((i) => tierGap(i, pointsNeeded, rating.figures)),
    measures: measuresFor(binding.map((i) => i.indicator)),
  };
}
