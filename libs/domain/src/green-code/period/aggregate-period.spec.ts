import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { month, monthsOf } from '../fixtures.spec-helper';
import { computeGreenIndicators } from '../indicators/green-indicators';
import { aggregatePeriod } from './aggregate-period';
import { parseRatingPeriod, RatingPeriod } from './rating-period';

const period = (text: string): RatingPeriod => {
  const p = parseRatingPeriod(text);
  if (!p.ok) throw new Error(p.reason);
  return p.value;
};
const tables = CURRENT_FACTOR_TABLES;

describe('aggregatePeriod', () => {
  it("rates a year by the year's sums, not the mean of monthly ratios", () => {
    // Eleven months at L 0.5306, December at 0.05306 (ten times the value added).
    const months = monthsOf(2025, (i) => (i === 11 ? { valueAdded: 1000 } : {}));
    const figures = aggregatePeriod(period('2025'), months, tables);
    const yearL = computeGreenIndicators(figures, {}, 'worst').carbonIntensity!;
    const meanOfMonthlyL = months.map((m) => computeGreenIndicators(aggregatePeriod(period(m.month), [m], tables), {}, 'worst').carbonIntensity!).reduce((a, b) => a + b, 0) / 12;

    expect(figures.co2Tonnes).toBeCloseTo(12 * 53.06, 6);
    expect(figures.valueAdded).toBe(2100);
    expect(yearL).toBeCloseTo(636.72 / 2100, 10); // 0.3032
    expect(meanOfMonthlyL).toBeCloseTo((11 * 0.5306 + 0.05306) / 12, 10); // 0.4908
    expect(Math.abs(yearL - meanOfMonthlyL)).toBeGreaterThan(0.1);
  });

  it('sums energy, water, waste and pollutants over the months and records each revision', () => {
    const figures = aggregatePeriod(period('2025-Q1'), [month('2025-01'), month('2025-02', { revision: 3 }), month('2025-03')], tables);
    expect(figures).toMatchObject({
      monthsPresent: ['2025-01', '2025-02', '2025-03'],
      missingMonths: [],
      revisions: [
        { month: '2025-01', revision: 1 },
        { month: '2025-02', revision: 3 },
        { month: '2025-03', revision: 1 },
      ],
      valueAdded: 300,
      electricityKwh: 300_000,
      newWaterM3: 3000,
      reusedWaterM3: 9000,
      solidWaste: { generatedT: 30, utilisedT: 27, priorStockUtilisedT: 0 },
      pollutantsT: { so2T: 1.5, noxT: 3 },
      landAreaM2: 20_000,
    });
    expect(figures.energyTce).toBeCloseTo(36.87, 9);
  });

  it('names the missing months', () => {
    const figures = aggregatePeriod(period('2025'), monthsOf(2025).filter((m) => m.month !== '2025-04' && m.month !== '2025-09'), tables);
    expect(figures.missingMonths).toEqual(['2025-04', '2025-09']);
  });

  it('takes each month at its own year\'s grid factor (a rolling period across years)', () => {
    const figures = aggregatePeriod(period('R12-2023-06'), [month('2022-12'), month('2023-01')], tables);
    expect(figures.co2Tonnes).toBeCloseTo(53.66 + 53.06, 9);
  });

  it('nets own renewable electricity over the period and never goes below 0', () => {
    const pv = { renewables: { pv: { selfConsumedKwh: 150_000 } } };
    const figures = aggregatePeriod(period('2025-Q1'), [month('2025-01', { resources: pv }), month('2025-02')], tables);
    expect(figures.co2Tonnes).toBeCloseTo(2 * 53.06 - 150 * 0.5306, 9);
    const all = aggregatePeriod(period('2025-01'), [month('2025-01', { resources: { renewables: { pv: { selfConsumedKwh: 500_000 } } } })], tables);
    expect(all.co2Tonnes).toBe(0);
  });

  it('leaves a figure unknown unless every month reports it', () => {
    const figures = aggregatePeriod(period('2025-Q1'), [month('2025-01'), month('2025-02', { resources: {}, outputValue: undefined })], tables);
    expect(figures.newWaterM3).toBeNull();
    expect(figures.solidWaste).toBeNull();
    expect(figures.pollutantsT).toEqual({});
    expect(figures.outputValue).toBeNull();
  });

  it.each([
    ['a month outside the period', [month('2025-04')]],
    ['a month twice', [month('2025-01'), month('2025-01')]],
  ])('refuses %s', (_label, months) => {
    expect(() => aggregatePeriod(period('2025-Q1'), months, tables)).toThrow(RangeError);
  });
});

describe('computeGreenIndicators', () => {
  const q1 = aggregatePeriod(period('2025-Q1'), [month('2025-01'), month('2025-02'), month('2025-03')], tables);

  it('recomputes every ratio from the sums', () => {
    const values = computeGreenIndicators(q1, { so2T: 12, noxT: 36 }, 'worst');
    expect(values.energyIntensity).toBeCloseTo(0.1229, 9);
    expect(values.carbonIntensity).toBeCloseTo(0.5306, 9);
    expect(values.renewableElectricityShare).toBe(0);
    expect(values.waterIntensity).toBe(10);
    expect(values.waterReuseRate).toBe(0.75);
    expect(values.solidWasteUtilisationRate).toBe(0.9);
    expect(values.footprintProductShare).toBe(0.25);
    expect(values.valueAddedPerLandM2).toBe(600); // 300 x 10,000 yuan x 4 / 20,000 m2
    // Permits prorated to 3 months: so2 1.5 / 3 = 0.5, nox 3 / 9 = 0.333.
    expect(values.pollutantPermitRatio).toBe(0.5);
    expect(computeGreenIndicators(q1, { so2T: 12, noxT: 36 }, 'sum').pollutantPermitRatio).toBeCloseTo(0.5 + 1 / 3, 12);
  });

  it.each([
    ['no permits', {}, null],
    ['a permitted pollutant not reported', { so2T: 12, vocsT: 5 }, null],
    ['a zero permit is ignored', { so2T: 12, vocsT: 0 }, 0.5],
  ])('pollutant ratio with %s', (_label, permits, expected) => {
    expect(computeGreenIndicators(q1, permits, 'worst').pollutantPermitRatio).toBe(expected);
  });

  it('caps the renewable share at 1 and gives null intensities for no value added', () => {
    const figures = { ...q1, greenElectricityKwh: 1_000_000, valueAdded: 0 };
    const values = computeGreenIndicators(figures, {}, 'worst');
    expect(values.renewableElectricityShare).toBe(1);
    expect(values.energyIntensity).toBeNull();
    expect(values.carbonIntensity).toBeNull();
    expect(values.valueAddedPerLandM2).toBeNull();
  });
});
