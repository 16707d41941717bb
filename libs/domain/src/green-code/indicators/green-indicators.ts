import { GreenIndicatorId } from '../methodology/green-methodology';
import { PollutantPermits, POLLUTANTS } from '../period/month-figures';
import { PeriodFigures } from '../period/aggregate-period';

/** Indicator values for a period, each null when a figure it needs is unknown. */
export type GreenIndicatorValues = Record<GreenIndicatorId, number | null>;

/** Each indicator's unit, for explanations and diagnostics. */
export const GREEN_INDICATOR_UNITS: Readonly<Record<GreenIndicatorId, string>> = {
  energyIntensity: 'tce per 10,000 yuan value added',
  carbonIntensity: 't CO2 per 10,000 yuan value added',
  renewableElectricityShare: '(own renewable used on site + green electricity bought) / electricity consumed, 0-1',
  waterIntensity: 'm3 new water per 10,000 yuan value added',
  waterReuseRate: 'reused / (reused + new water), 0-1',
  solidWasteUtilisationRate: 'utilised / (generated + prior stock utilised), 0-1',
  pollutantPermitRatio: 'emitted / permitted for the period',
  footprintProductShare: 'share of output value with a product carbon footprint (0-1)',
  valueAddedPerLandM2: 'yuan value added per m2 of land per year',
};

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function pollutantRatio(figures: PeriodFigures, permits: PollutantPermits, aggregation: 'sum' | 'worst'): number | null {
  const months = figures.monthsPresent.length;
  const ratios: number[] = [];
  for (const p of POLLUTANTS) {
    const permitted = permits[p];
    if (permitted === undefined || !(permitted > 0)) continue;
    const emitted = figures.pollutantsT[p];
    // A permitted pollutant left unreported makes the indicator unknown rather than flattering.
    if (emitted === undefined) return null;
    ratios.push(emitted / ((permitted * months) / 12));
  }
  if (ratios.length === 0) return null;
  return aggregation === 'sum' ? ratios.reduce((a, b) => a + b, 0) : Math.max(...ratios);
}

/**
 * Indicators of a period, every ratio recomputed from the period's sums (a year's L is the year's CO2 over the year's
 * value added, never a mean of monthly ratios). Land productivity is annualised so periods of any length compare.
 */
export function computeGreenIndicators(figures: PeriodFigures, permits: PollutantPermits, pollutantAggregation: 'sum' | 'worst'): GreenIndicatorValues {
  const va = figures.valueAdded;
  const water = figures.newWaterM3;
  const reused = figures.reusedWaterM3;
  const waste = figures.solidWaste;
  const electricity = figures.electricityKwh;
  const renewable = Math.min(figures.ownRenewableKwh + figures.greenElectricityKwh, electricity);
  const annualVaYuan = figures.monthsPresent.length > 0 ? (va * 10_000 * 12) / figures.monthsPresent.length : 0;
  return {
    energyIntensity: ratio(figures.energyTce, va),
    carbonIntensity: ratio(figures.co2Tonnes, va),
    renewableElectricityShare: ratio(renewable, electricity),
    waterIntensity: water === null ? null : ratio(water, va),
    waterReuseRate: water === null || reused === null ? null : ratio(reused, reused + water),
    solidWasteUtilisationRate: waste === null ? null : ratio(waste.utilisedT, waste.generatedT + waste.priorStockUtilisedT),
    pollutantPermitRatio: pollutantRatio(figures, permits, pollutantAggregation),
    footprintProductShare: figures.outputValue === null || figures.footprintedOutputValue === null ? null : ratio(figures.footprintedOutputValue, figures.outputValue),
    valueAddedPerLandM2: figures.landAreaM2 === null || va <= 0 ? null : ratio(annualVaYuan, figures.landAreaM2),
  };
}
