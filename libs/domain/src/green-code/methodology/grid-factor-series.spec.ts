import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { gridFactorFor } from '../../methodology/grid-factor-for';
import { factorTablesByVersion } from './factor-tables-by-version';
import { factorTablesForGrid } from './grid-factor-series';

const base = CURRENT_FACTOR_TABLES;

describe('factorTablesForGrid', () => {
  it.each([
    [{ basis: 'national-average' as const }, 2023, 0.5306, base.version],
    [{ basis: 'excluding-market-non-fossil' as const }, 2023, 0.6096, `${base.version}+mee-grid-2023.1:excluding-market-non-fossil`],
    [{ basis: 'excluding-market-non-fossil' as const }, 2022, 0.5856, `${base.version}+mee-grid-2023.1:excluding-market-non-fossil`],
    [{ basis: 'regional' as const, grid: 'southwest' as const }, 2022, 0.2268, `${base.version}+mee-grid-2023.1:regional-southwest`],
    [{ basis: 'regional' as const, grid: 'southwest' as const }, 2025, 0.2472, `${base.version}+mee-grid-2023.1:regional-southwest`],
    [{ basis: 'regional' as const, grid: 'north' as const }, 2024, 0.6361, `${base.version}+mee-grid-2023.1:regional-north`],
  ])('%j in %d -> %d tCO2/MWh, tables %s', (grid, year, factor, version) => {
    const tables = factorTablesForGrid(base, grid);
    expect(gridFactorFor(tables.emission, year).tco2PerMwh).toBe(factor);
    expect(tables.version).toBe(version);
    expect(tables.coalEquivalent).toBe(base.coalEquivalent);
  });
});

describe('factorTablesByVersion', () => {
  it('finds the base tables of a recorded version, with or without a grid series', () => {
    expect(factorTablesByVersion(base.version)).toEqual(base);
    expect(factorTablesByVersion(`${base.version}+mee-grid-2023.1:regional-east`)).toEqual(base);
  });

  it.each(['gbt2589-1999.1+mee-2023.2', 'gbt2589-2020.2+mee-1999.1', ''])('is null for unknown %s', (version) => {
    expect(factorTablesByVersion(version)).toBeNull();
  });
});
