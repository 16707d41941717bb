import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { monthsOf, tableMethodology, valuesAt } from '../fixtures.spec-helper';
import { GreenMethodology } from '../methodology/green-methodology';
import { GreenRatingInput } from './green-rating';
import { rateGreenEfficiency } from './rate-green-efficiency';

export const ME = '91330100MA2XXXXXXX';
const low = { energyIntensity: 0.35, carbonIntensity: 0.6 }; // 28 points

/** Other members scoring 100, 90, 80, 68 (qualifying) and 58, 28, 0 (below). */
export const OTHERS = [
  valuesAt('leading'),
  valuesAt('leading', { footprintProductShare: 0 }),
  valuesAt('leading', { footprintProductShare: 0, valueAddedPerLandM2: 200 }),
  valuesAt('baseline', { ...low, pollutantPermitRatio: 0.5, valueAddedPerLandM2: 1000, footprintProductShare: 0.5 }),
  valuesAt('baseline', { ...low, pollutantPermitRatio: 0.5, valueAddedPerLandM2: 1000 }),
  valuesAt('baseline', low),
  valuesAt('baseline'),
].map((values, i) => ({ uscc: `OTHER${i}`, values }));

/** The fixture enterprise's 2025: 74.71 points (B among OTHERS, A needs 90). */
export const ratingInput = (over: Partial<GreenRatingInput> = {}): GreenRatingInput => ({
  uscc: ME,
  industryCode: 'C2614',
  period: '2025',
  months: monthsOf(2025),
  permits: { version: 'permit-2025.1', annualT: { so2T: 12, noxT: 36 } },
  enforcementCases: [],
  warnings: [],
  cohort: { version: 'C26:2025:r7', industryCarbonIntensity: 0.8, members: OTHERS },
  ...over,
});

export const rate = (over: Partial<GreenRatingInput> = {}, methodology: GreenMethodology = tableMethodology()) =>
  rateGreenEfficiency(ratingInput(over), methodology, CURRENT_FACTOR_TABLES);
