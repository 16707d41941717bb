import { REPORT_FIGURE_GROUPS, REPORT_FIGURE_KEYS, reportFigureUnit } from './report-figure-keys';

describe('report figure keys', () => {
  it('lists every figure of the report schema once', () => {
    expect(REPORT_FIGURE_KEYS).toEqual(
      expect.arrayContaining(['valueAdded', 'outputValue', 'energy.electricity', 'energy.natural_gas', 'headcount', 'water.newWaterM3', 'renewables.pv.selfConsumedKwh', 'greenElectricity.tradingKwh', 'pollutants.so2T']),
    );
    expect(new Set(REPORT_FIGURE_KEYS).size).toBe(REPORT_FIGURE_KEYS.length);
    expect(REPORT_FIGURE_KEYS).not.toContain('water');
  });

  it('lists the groups', () => {
    expect(REPORT_FIGURE_GROUPS).toEqual(expect.arrayContaining(['energy', 'water', 'renewables', 'renewables.pv']));
  });

  it.each([
    ['energy.electricity', 'kWh'],
    ['energy.natural_gas', 'm3'],
    ['valueAdded', '10^4 yuan'],
    ['water.newWaterM3', 'm3'],
    ['solidWaste.generatedT', 't'],
    ['renewables.pv.exportedKwh', 'kWh'],
    ['headcount', 'persons'],
  ])('%s is in %s', (key, unit) => {
    expect(reportFigureUnit(key)).toBe(unit);
  });
});
