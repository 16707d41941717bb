import { ENERGY_CARRIERS } from '../energy/energy-carrier';
import { COAL_EQUIVALENT_TABLES } from './coal-equivalent-table';
import { EMISSION_FACTOR_TABLES } from './emission-factor-table';
import { CURRENT_FACTOR_TABLES, makeFactorTableSet } from './factor-table-set';

describe('CURRENT_FACTOR_TABLES', () => {
  it('combines both table versions', () => {
    expect(CURRENT_FACTOR_TABLES.version).toBe('gbt2589-2020.2+mee-2023.2');
  });

  it.each(ENERGY_CARRIERS.map((c) => [c]))('has a cited coal-equivalent coefficient for %s', (carrier) => {
    const row = CURRENT_FACTOR_TABLES.coalEquivalent.rows[carrier]!;
    expect(row.tcePerUnit).toBeGreaterThan(0);
    expect(row.source).not.toBe('');
  });

  it.each(ENERGY_CARRIERS.filter((c) => c !== 'electricity').map((c) => [c]))(
    'has a cited emission factor for %s, marked check',
    (carrier) => {
      const row = CURRENT_FACTOR_TABLES.emission.fuels[carrier as Exclude<typeof carrier, 'electricity'>]!;
      expect(row.tco2PerUnit).toBeGreaterThan(0);
      expect(row.source).not.toBe('');
      expect(row.check).toBe(true);
    },
  );

  it.each([
    ['electricity', 0.1229 / 1000],
    ['raw_coal', 0.7143],
    ['natural_gas', 1.2143 / 1000],
    ['heat', 0.03412],
  ] as const)('converts the published kgce figure for %s to tce per canonical unit', (carrier, tce) => {
    expect(CURRENT_FACTOR_TABLES.coalEquivalent.rows[carrier]!.tcePerUnit).toBeCloseTo(tce, 12);
  });

  it.each([
    ['washed_coal', 28.2 * 94.6 / 1000],
    ['refinery_dry_gas', 49.5 * 57.6 / 1000],
    ['natural_gas_oilfield', (1.33 * 29.307 * 56.1) / 1e6],
    ['coke_oven_gas', (((0.5714 + 0.6143) / 2) * 29.307 * 44.4) / 1e6],
    ['steam_low_pressure', 0.0786 * 29.307 * 0.11],
    ['steam_high_pressure', 0.1314 * 29.307 * 0.11],
  ] as const)('derives the factor for %s as its source says', (carrier, tco2) => {
    expect(CURRENT_FACTOR_TABLES.emission.fuels[carrier]!.tco2PerUnit).toBeCloseTo(tco2, 5);
  });

  it('keeps the first versions as they were published, for the ratings that name them', () => {
    const first = makeFactorTableSet(COAL_EQUIVALENT_TABLES['gbt2589-2020.1'], EMISSION_FACTOR_TABLES['mee-2023.1']);
    expect(Object.keys(first.coalEquivalent.rows)).toHaveLength(9);
    expect(first.emission.fuels.washed_coal).toBeUndefined();
  });

  it('derives the LPG factor from the IPCC defaults', () => {
    expect(CURRENT_FACTOR_TABLES.emission.fuels.lpg!.tco2PerUnit).toBeCloseTo((47.3 * 63.1) / 1000, 3);
  });
});
