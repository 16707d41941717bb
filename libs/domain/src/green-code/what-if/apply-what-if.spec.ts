import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { monthsOf } from '../fixtures.spec-helper';
import { computeGreenIndicators, GreenIndicatorValues } from '../indicators/green-indicators';
import { aggregatePeriod } from '../period/aggregate-period';
import { MonthFigures } from '../period/month-figures';
import { parseRatingPeriod } from '../period/rating-period';
import { applyWhatIf } from './apply-what-if';
import { WhatIfChange, whatIfChangeIssues } from './what-if-change';

const year = parseRatingPeriod('2025');
if (!year.ok) throw new Error(year.reason);
const figuresOf = (months: MonthFigures[]) => aggregatePeriod(year.value, months, CURRENT_FACTOR_TABLES);
const indicatorsOf = (months: MonthFigures[]): GreenIndicatorValues => computeGreenIndicators(figuresOf(months), { so2T: 12, noxT: 36 }, 'worst');
const base = monthsOf(2025);
const withGas = monthsOf(2025, () => ({
  energy: [
    { carrier: 'electricity', quantity: 100_000, unit: 'kWh' },
    { carrier: 'natural_gas', quantity: 10_000, unit: 'm3' },
  ],
}));

describe('applyWhatIf', () => {
  it.each<[string, WhatIfChange, Partial<GreenIndicatorValues>]>([
    // 25,000 kWh a month used on site: 300 MWh x 0.5306 netted out of 636.72 t
    ['on-site PV of 300 MWh a year', { kind: 'add-onsite-pv', kwhPerYear: 300_000 }, { renewableElectricityShare: 0.25, carbonIntensity: (636.72 - 159.18) / 1200, energyIntensity: 0.1229 }],
    ['a 10% cut in electricity', { kind: 'cut-carrier', carrier: 'electricity', percent: 10 }, { energyIntensity: 0.1229 * 0.9, carbonIntensity: 0.5306 * 0.9 }],
    ['value added up 20%', { kind: 'raise-value-added', percent: 20 }, { energyIntensity: 0.1229 / 1.2, carbonIntensity: 0.5306 / 1.2, waterIntensity: 10 / 1.2 }],
    ['water reuse at 85%', { kind: 'set-water-reuse-rate', rate: 0.85 }, { waterReuseRate: 0.85, waterIntensity: 6 }],
    ['solid waste utilisation at 96%', { kind: 'set-solid-waste-utilisation-rate', rate: 0.96 }, { solidWasteUtilisationRate: 0.96 }],
    ['SO2 halved (NOx now the worst)', { kind: 'cut-pollutant', pollutant: 'so2T', percent: 50 }, { pollutantPermitRatio: 1 / 3 }],
    ['half the output footprinted', { kind: 'set-footprint-share', share: 0.5 }, { footprintProductShare: 0.5 }],
  ])('%s', (_label, change, expected) => {
    const after = indicatorsOf(applyWhatIf(base, [change]));
    for (const [id, value] of Object.entries(expected)) expect(after[id as keyof GreenIndicatorValues]).toBeCloseTo(value as number, 9);
  });

  it('electrifies a fuel at the stated kWh per unit', () => {
    const [month] = applyWhatIf(withGas, [{ kind: 'electrify', carrier: 'natural_gas', percent: 50, kwhPerUnit: 10 }]);
    expect(month.energy).toEqual([
      { carrier: 'electricity', quantity: 150_000, unit: 'kWh' },
      { carrier: 'natural_gas', quantity: 5_000, unit: 'm3' },
    ]);
  });

  it('caps PV used on site at the electricity consumed and exports the rest', () => {
    const [month] = applyWhatIf(base, [{ kind: 'add-onsite-pv', kwhPerYear: 1_800_000 }]);
    expect(month.resources.renewables?.pv).toEqual({ selfConsumedKwh: 100_000, exportedKwh: 50_000 });
    expect(figuresOf(applyWhatIf(base, [{ kind: 'add-onsite-pv', kwhPerYear: 1_800_000 }])).co2Tonnes).toBe(0);
  });

  it('applies changes in order and leaves unreported figures alone', () => {
    const months = applyWhatIf(base, [
      { kind: 'cut-carrier', carrier: 'electricity', percent: 50 },
      { kind: 'add-onsite-pv', kwhPerYear: 1_200_000 },
    ]);
    expect(months[0].resources.renewables?.pv).toEqual({ selfConsumedKwh: 50_000, exportedKwh: 50_000 });
    const bare = monthsOf(2025, () => ({ resources: {}, outputValue: undefined }));
    const changed = applyWhatIf(bare, [
      { kind: 'set-water-reuse-rate', rate: 0.9 },
      { kind: 'set-solid-waste-utilisation-rate', rate: 0.9 },
      { kind: 'cut-pollutant', pollutant: 'vocsT', percent: 10 },
      { kind: 'set-footprint-share', share: 1 },
    ]);
    expect(changed).toEqual(bare);
  });

  it('does not change its input', () => {
    const copy = JSON.parse(JSON.stringify(base));
    applyWhatIf(base, [{ kind: 'add-onsite-pv', kwhPerYear: 1000 }, { kind: 'raise-value-added', percent: 5 }]);
    expect(base).toEqual(copy);
  });
});

describe('whatIfChangeIssues', () => {
  it.each<[WhatIfChange, Array<string | number> | null]>([
    [{ kind: 'add-onsite-pv', kwhPerYear: 1 }, null],
    [{ kind: 'add-onsite-pv', kwhPerYear: -1 }, [0, 'kwhPerYear']],
    [{ kind: 'cut-carrier', carrier: 'coke', percent: 100 }, null],
    [{ kind: 'cut-carrier', carrier: 'coke', percent: 101 }, [0, 'percent']],
    [{ kind: 'electrify', carrier: 'coke', percent: 50, kwhPerUnit: Number.NaN }, [0, 'kwhPerUnit']],
    [{ kind: 'raise-value-added', percent: -100 }, null],
    [{ kind: 'raise-value-added', percent: -101 }, [0, 'percent']],
    [{ kind: 'set-water-reuse-rate', rate: 1.2 }, [0, 'rate']],
    [{ kind: 'set-footprint-share', share: -0.1 }, [0, 'share']],
  ])('%j -> %j', (change, path) => {
    expect(whatIfChangeIssues([change]).map((i) => i.path)).toEqual(path ? [path] : []);
  });
});
