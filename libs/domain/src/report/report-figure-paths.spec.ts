import { flattenReportFigures, ReportFigureSet, withFigures } from './report-figure-paths';

const report: ReportFigureSet = {
  valueAdded: 1500,
  outputValue: 6000,
  energy: [
    { carrier: 'electricity', quantity: 600, unit: 'kWh' },
    { carrier: 'raw_coal', quantity: 120, unit: 't' },
    { carrier: 'electricity', quantity: 50, unit: 'kWh' },
  ],
  water: { newWaterM3: 900, reusedM3: 2100 },
  renewables: { pv: { selfConsumedKwh: 30 } },
};

describe('report figure paths', () => {
  it('flattens a report by figure key, summing a carrier given twice', () => {
    expect(flattenReportFigures(report)).toEqual({
      valueAdded: 1500,
      outputValue: 6000,
      'energy.electricity': 650,
      'energy.raw_coal': 120,
      'water.newWaterM3': 900,
      'water.reusedM3': 2100,
      'renewables.pv.selfConsumedKwh': 30,
    });
  });

  it.each<[string, Record<string, number>, Partial<Record<string, unknown>>]>([
    ['replaces a carrier given twice with one entry in place', { 'energy.electricity': 700 }, { energy: [{ carrier: 'electricity', quantity: 700, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }] }],
    ['adds a carrier', { 'energy.natural_gas': 20 }, { energy: [...report.energy, { carrier: 'natural_gas', quantity: 20, unit: 'm3' }] }],
    ['sets a nested figure', { 'water.reusedM3': 5 }, { water: { newWaterM3: 900, reusedM3: 5 } }],
    ['creates a group', { 'pollutants.so2T': 0.2 }, { pollutants: { so2T: 0.2 } }],
    ['sets money', { valueAdded: 1 }, { valueAdded: 1 }],
  ])('%s', (_case, overrides, expected) => {
    expect(withFigures(report, overrides)).toEqual({ ...report, ...expected });
  });

  it('leaves the base alone and round-trips', () => {
    const copy = structuredClone(report);
    const changed = withFigures(report, { 'renewables.wind.selfConsumedKwh': 3 });
    expect(report).toEqual(copy);
    expect(flattenReportFigures(changed)['renewables.wind.selfConsumedKwh']).toBe(3);
  });

  it('refuses an unknown carrier', () => {
    expect(() => withFigures(report, { 'energy.wood': 1 })).toThrow(RangeError);
  });
});
