import { ENERGY_CARRIERS } from '../energy/energy-carrier';
import { CURRENT_FACTOR_TABLES } from './factor-table-set';

describe('CURRENT_FACTOR_TABLES', () => {
  it('combines both table versions', () => {
    expect(CURRENT_FACTOR_TABLES.version).toBe('gbt2589-2020.1+mee-2023.1');
  });

  it.each(ENERGY_CARRIERS.map((c) => [c]))('has a cited coal-equivalent coefficient for %s', (carrier) => {
    const row = CURRENT_FACTOR_TABLES.coalEquivalent.rows[carrier];
    expect(row.tcePerUnit).toBeGreaterThan(0);
    expect(row.source).not.toBe('');
  });

  it.each(ENERGY_CARRIERS.filter((c) => c !== 'electricity').map((c) => [c]))(
    'has a cited emission factor for %s, marked check',
    (carrier) => {
      const row = CURRENT_FACTOR_TABLES.emission.fuels[carrier as Exclude<typeof carrier, 'electricity'>];
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
    expect(CURRENT_FACTOR_TABLES.coalEquivalent.rows[carrier].tcePerUnit).toBeCloseTo(tce, 12);
  });

  it('derives the LPG factor from the IPCC defaults', () => {
    expect(CURRENT_FACTOR_TABLES.emission.fuels.lpg.tco2PerUnit).toBeCloseTo((47.3 * 63.1) / 1000, 3);
  });
});
