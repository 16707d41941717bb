import { MonthFigures } from './period/month-figures';

/** A month of figures for tests: 100,000 kWh from the grid (53.06 t CO2 at the 2023 factor, 12.29 tce) and 100 (10,000 yuan) value added. */
export function month(text: string, over: Partial<MonthFigures> = {}): MonthFigures {
  return {
    month: text,
    revision: 1,
    valueAdded: 100,
    energy: [{ carrier: 'electricity', quantity: 100_000, unit: 'kWh' }],
    resources: {
      water: { newWaterM3: 1000, reusedM3: 3000 },
      solidWaste: { generatedT: 10, utilisedT: 9 },
      pollutants: { so2T: 0.5, noxT: 1 },
    },
    outputValue: 400,
    footprintedOutputValue: 100,
    landAreaM2: 20_000,
    ...over,
  };
}

export const monthsOf = (year: number, over: (i: number) => Partial<MonthFigures> = () => ({})): MonthFigures[] =>
  Array.from({ length: 12 }, (_, i) => month(`${year}-${String(i + 1).padStart(2, '0')}`, over(i)));

import { GREEN_CODE_2026_1 } from './methodology/default-green-methodology';
import { GreenIndicatorId, GreenMethodology, ReferencePair } from './methodology/green-methodology';
import { GreenIndicatorValues } from './indicators/green-indicators';

/** Baseline and leading values for every indicator, for table-mode test methodologies. */
export const TEST_REFERENCES: Record<GreenIndicatorId, ReferencePair> = {
  energyIntensity: { baseline: 0.6, leading: 0.35 },
  carbonIntensity: { baseline: 1.0, leading: 0.6 },
  renewableElectricityShare: { baseline: 0, leading: 0.3 },
  waterIntensity: { baseline: 20, leading: 5 },
  waterReuseRate: { baseline: 0.5, leading: 0.85 },
  solidWasteUtilisationRate: { baseline: 0.8, leading: 0.96 },
  pollutantPermitRatio: { baseline: 1, leading: 0.5 },
  footprintProductShare: { baseline: 0, leading: 0.5 },
  valueAddedPerLandM2: { baseline: 200, leading: 1000 },
};

export const tableMethodology = (over: Partial<GreenMethodology> = {}): GreenMethodology => ({
  ...GREEN_CODE_2026_1,
  version: 'test-table',
  references: { mode: 'table', byIndustry: { '': TEST_REFERENCES }, provenance: { origin: 'platform', source: 'test' } },
  ...over,
});

export const valuesAt = (which: 'baseline' | 'leading', over: Partial<GreenIndicatorValues> = {}): GreenIndicatorValues => ({
  ...(Object.fromEntries(Object.entries(TEST_REFERENCES).map(([id, pair]) => [id, pair[which]])) as GreenIndicatorValues),
  ...over,
});
