import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { monthsOf, tableMethodology, valuesAt } from '../fixtures.spec-helper';
import { ME, OTHERS, ratingInput } from './rating.spec-helper';
import { GREEN_CODE_2026_1, GREEN_METHODOLOGIES } from '../methodology/default-green-methodology';
import { factorTablesByVersion } from '../methodology/factor-tables-by-version';
import { methodologyKey } from '../methodology/green-methodology';
import { MonthFigures } from '../period/month-figures';
import { percentileRank, rateGreenEfficiency } from './rate-green-efficiency';

const methodology = tableMethodology();
const tables = CURRENT_FACTOR_TABLES;
const others = OTHERS;
const input = ratingInput;

describe('rateGreenEfficiency', () => {
  const rating = rateGreenEfficiency(input(), methodology, tables);

  it('scores the year from its sums', () => {
    expect(rating.indicators.carbonIntensity).toBeCloseTo(0.5306, 9);
    // energy 28 + resources 25 x (0.4 x 2/3 + 0.3 x 5/7 + 0.3 x 0.625) + clean 20 + products 5 + land 5
    expect(rating.score.total).toBeCloseTo(58 + 25 * (0.4 * (2 / 3) + 0.3 * (5 / 7) + 0.3 * 0.625), 4);
    expect(rating.score.complete).toBe(true);
  });

  it('places the score in the cohort and says what the next tier needs', () => {
    // Qualifying: 100, 90, 80, 74.7 (this one), 68: A+ has 1 place, A up to rank 2; rank 4 is B.
    expect(rating.cohort.size).toBe(8);
    expect(rating.scoredTier).toBe('B');
    expect(rating.code).toEqual({ tier: 'B', colour: { name: 'yellow', hex: '#FDD835' } });
    expect(rating.cohort.nextTier).toEqual({ tier: 'A', scoreNeeded: 90 });
    expect(rating.cohort.percentile).toBe(56.25); // 4 of 8 below, itself counting half
  });

  it.each([
    ['2025-03', 'month'],
    ['2025-Q1', 'quarter'],
    ['2025', 'year'],
    ['R12-2025-06', 'rolling-12'],
  ])('grades K for a %s period (%s)', (period, kind) => {
    const months = [...monthsOf(2024), ...monthsOf(2025)];
    const r = rateGreenEfficiency(input({ period, months: months.filter((m) => m.month <= '2025-12' && inPeriod(period, m)) }), methodology, tables);
    expect(r.periodKind).toBe(kind);
    expect(r.vetoes).toEqual([]);
    expect(r.carbonEfficiency).toMatchObject({ level: 'low', grade: 2, methodology: { id: 'zhejiang-carbon-efficiency' } });
    expect(r.carbonEfficiency!.k).toBeCloseTo(0.5306 / 0.8, 4);
  });

  it.each([
    ['unknown', null],
    ['0 while the enterprise emits', 0],
  ])('gives no K when the industry L is %s', (_label, industryL) => {
    const r = rateGreenEfficiency(input({ cohort: { ...input().cohort, industryCarbonIntensity: industryL } }), methodology, tables);
    expect(r.carbonEfficiency).toBeNull();
  });

  it('withholds the code and K for a year with a missing month, naming it, but still shows the score', () => {
    const r = rateGreenEfficiency(input({ months: monthsOf(2025).filter((m) => m.month !== '2025-07') }), methodology, tables);
    expect(r.code).toBeNull();
    expect(r.carbonEfficiency).toBeNull();
    expect(r.vetoes).toEqual([expect.objectContaining({ kind: 'missing-months', months: ['2025-07'] })]);
    expect(r.scoredTier).toBeDefined();
  });

  it('withholds the code for a serious violation and for an unresolved warning', () => {
    const r = rateGreenEfficiency(
      input({
        enforcementCases: [{ date: '2025-05-20', kind: 'excess-discharge', severity: 'serious', reference: 'HZ-EP-2025-118' }],
        warnings: [{ month: '2025-02', code: 'month-on-month-jump', field: 'energy', message: 'energy use moved 6x', resolved: false }],
      }),
      methodology,
      tables,
    );
    expect(r.code).toBeNull();
    expect(r.carbonEfficiency).not.toBeNull();
    expect(r.vetoes.map((v) => v.kind)).toEqual(['serious-violation', 'unresolved-warning']);
  });

  it('rates a year with a missing month when the methodology allows it, from the months present', () => {
    const lenient = { ...methodology, vetoes: { ...methodology.vetoes, allowedMissingMonths: 1 } };
    const r = rateGreenEfficiency(input({ months: monthsOf(2025).filter((m) => m.month !== '2025-07') }), lenient, tables);
    expect(r.vetoes).toEqual([]);
    expect(r.code).not.toBeNull();
    expect(r.figures.missingMonths).toEqual(['2025-07']);
    expect(r.indicators.carbonIntensity).toBeCloseTo(0.5306, 9);
  });

  it('replaces its own stale entry in the cohort', () => {
    const r = rateGreenEfficiency(input({ cohort: { ...input().cohort, members: [...others, { uscc: ME, values: valuesAt('leading') }] } }), methodology, tables);
    expect(r).toEqual(rating);
  });

  it('withholds the code when the cohort is too small for any reference', () => {
    const r = rateGreenEfficiency(input({ cohort: { ...input().cohort, members: others.slice(0, 3) } }), GREEN_CODE_2026_1, tables);
    expect(r.score.total).toBe(0);
    expect(r.code).toBeNull();
    expect(r.vetoes).toEqual([expect.objectContaining({ kind: 'no-references' })]);
  });

  it('uses cohort references under the default methodology', () => {
    const r = rateGreenEfficiency(input(), GREEN_CODE_2026_1, tables);
    expect(r.references.energyIntensity).not.toBeNull();
    expect(r.provenance.methodology).toEqual({ id: 'green-efficiency-code', version: '2026.1' });
  });

  it('uses the grid series the methodology names', () => {
    const east = rateGreenEfficiency(input(), { ...methodology, grid: { basis: 'regional', grid: 'east', provenance: methodology.grid.provenance } }, tables);
    expect(east.indicators.carbonIntensity).toBeCloseTo(0.55, 9);
    expect(east.provenance.factorTables).toBe(`${tables.version}+mee-grid-2023.1:regional-east`);
  });
});

function inPeriod(period: string, m: MonthFigures): boolean {
  if (period === '2025-03') return m.month === '2025-03';
  if (period === '2025-Q1') return ['2025-01', '2025-02', '2025-03'].includes(m.month);
  if (period === '2025') return m.month.startsWith('2025');
  return m.month >= '2024-07' && m.month <= '2025-06';
}

describe('reproducibility', () => {
  it('recomputes the identical result from what the rating recorded', () => {
    const original = input({ months: monthsOf(2025, (i) => ({ revision: i + 1, valueAdded: 100 + i })) });
    const rating = rateGreenEfficiency(original, GREEN_CODE_2026_1, tables);

    // The stores the service keeps, keyed as the provenance names them.
    const revisions = new Map(original.months.map((m) => [`${m.month}#${m.revision}`, m]));
    const cohorts = new Map([[original.cohort.version, original.cohort]]);
    const permits = new Map([[original.permits.version, original.permits]]);
    const cases = new Map(original.enforcementCases.map((c) => [c.reference, c]));

    const p = rating.provenance;
    expect(p.months).toHaveLength(12);
    const again = rateGreenEfficiency(
      {
        uscc: rating.uscc,
        industryCode: rating.industryCode,
        period: rating.period,
        months: p.months.map((m) => revisions.get(`${m.month}#${m.revision}`)!),
        permits: permits.get(p.permits)!,
        enforcementCases: p.enforcementCases.map((ref) => cases.get(ref)!),
        warnings: [],
        cohort: cohorts.get(p.cohort.version)!,
      },
      GREEN_METHODOLOGIES[methodologyKey(p.methodology)],
      factorTablesByVersion(p.factorTables)!,
    );
    expect(again).toEqual(rating);
    expect(JSON.stringify(again)).toBe(JSON.stringify(rating));
  });
});

describe('percentileRank', () => {
  it.each([
    [50, [50], 50],
    [90, [10, 50, 90, 100], 62.5],
    [50, [50, 50, 10, 90], 50],
    [0, [0, 10], 25],
  ])('%d among %j -> %d', (score, all, expected) => {
    expect(percentileRank(score, all)).toBe(expected);
  });
});
