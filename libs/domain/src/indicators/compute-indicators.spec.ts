import { CURRENT_FACTOR_TABLES } from '../methodology/factor-table-set';
import { computeIndicators, IndicatorInput } from './compute-indicators';

const example: IndicatorInput = {
  period: '2026-10',
  valueAdded: 1250.5,
  energy: [
    { carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' },
    { carrier: 'natural_gas', quantity: 20_000, unit: 'm3' },
    { carrier: 'raw_coal', quantity: 50, unit: 't' },
  ],
  ownRenewableElectricityKwh: 200_000,
};

describe('computeIndicators, worked example (period 2026-10 -> grid data year 2023, 0.5306 t/MWh)', () => {
  const result = computeIndicators(example, CURRENT_FACTOR_TABLES);

  // By hand:
  //   energy  1,000,000 kWh x 0.0001229 = 122.9 tce; 20,000 m3 x 0.0012143 = 24.286; 50 t x 0.7143 = 35.715 -> 182.901 tce
  //   CO2     1,000 MWh x 0.5306 = 530.6 t; 20,000 m3 x 0.00216 = 43.2; 50 t x 1.98 = 99 -> 672.8 t gross
  //   avoided 200 MWh x 0.5306 = 106.12 t -> net 566.68 t
  it.each([
    ['energyTce', 182.901],
    ['co2Tonnes', 566.68],
    ['ownRenewableCo2AvoidedTonnes', 106.12],
    ['energyIntensity', 182.901 / 1250.5],
    ['carbonIntensity', 566.68 / 1250.5],
  ] as const)('%s = %d', (field, expected) => {
    expect(result[field]).toBeCloseTo(expected, 9);
  });

  it('reports CO2 per carrier, the grid factor and the table version', () => {
    expect(result.co2ByCarrier.electricity).toBeCloseTo(530.6, 9);
    expect(result.co2ByCarrier.natural_gas).toBeCloseTo(43.2, 9);
    expect(result.co2ByCarrier.raw_coal).toBeCloseTo(99, 9);
    expect(result.gridFactor).toEqual({ year: 2023, tco2PerMwh: 0.5306, fallback: false });
    expect(result.factorTableVersion).toBe('gbt2589-2020.2+mee-2023.2');
  });
});

describe('computeIndicators, edge cases', () => {
  it('sums duplicate carriers', () => {
    const split = computeIndicators(
      { ...example, energy: [...example.energy, { carrier: 'raw_coal', quantity: 50, unit: 't' }] },
      CURRENT_FACTOR_TABLES,
    );
    expect(split.co2ByCarrier.raw_coal).toBeCloseTo(198, 9);
    expect(split.energyTce).toBeCloseTo(182.901 + 35.715, 9);
  });

  it('floors net CO2 at 0 when own renewables exceed emissions', () => {
    const result = computeIndicators({ ...example, ownRenewableElectricityKwh: 10_000_000 }, CURRENT_FACTOR_TABLES);
    expect(result.co2Tonnes).toBe(0);
    expect(result.carbonIntensity).toBe(0);
  });

  it.each([
    ['2021-06', 2021, 0.5568],
    ['2020-12', 2021, 0.5568],
  ])('period %s uses grid data year %i', (period, year, factor) => {
    const result = computeIndicators({ ...example, period }, CURRENT_FACTOR_TABLES);
    expect(result.gridFactor.year).toBe(year);
    expect(result.co2ByCarrier.electricity).toBeCloseTo(1000 * factor, 9);
  });

  it.each([
    ['value added 0', { ...example, valueAdded: 0 }],
    ['negative value added', { ...example, valueAdded: -1 }],
    ['NaN value added', { ...example, valueAdded: Number.NaN }],
    ['a bad period', { ...example, period: '2026-13' }],
    ['a non-canonical unit', { ...example, energy: [{ carrier: 'electricity' as const, quantity: 1, unit: 'MWh' }] }],
  ])('throws RangeError on %s', (_label, input) => {
    expect(() => computeIndicators(input, CURRENT_FACTOR_TABLES)).toThrow(RangeError);
  });
});
