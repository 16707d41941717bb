import { GridFactorRow } from '../../methodology/emission-factor-table';
import { FactorTableSet } from '../../methodology/factor-table-set';
import { GridBasis, RegionalGrid } from './green-methodology';

const MEE_EXCLUDING =
  'MEE/NBS grid factor excluding market-traded non-fossil power (daydaynews.cc/zh-hant/finance/3899452.html; 163.com/dy/article/KIQVBKCG05567I2C.html)';
const MEE_REGIONAL = 'MEE/NBS regional grid factors (163.com/dy/article/KIQVBKCG05567I2C.html; tanpaifang.com/tanguwen/2023/0215/94510.html)';

/** Grid factors other than the national average, tCO2/MWh by data year, as a versioned table. */
export const GRID_FACTOR_SERIES = {
  version: 'mee-grid-2023.1',
  excludingMarketNonFossil: [
    { year: 2022, tco2PerMwh: 0.5856, source: MEE_EXCLUDING },
    { year: 2023, tco2PerMwh: 0.6096, source: MEE_EXCLUDING },
  ],
  regional: {
    north: [{ year: 2023, tco2PerMwh: 0.6361, source: MEE_REGIONAL }],
    northeast: [{ year: 2023, tco2PerMwh: 0.5122, source: MEE_REGIONAL }],
    east: [{ year: 2023, tco2PerMwh: 0.55, source: MEE_REGIONAL }],
    central: [{ year: 2023, tco2PerMwh: 0.5271, source: MEE_REGIONAL }],
    northwest: [{ year: 2023, tco2PerMwh: 0.5543, source: MEE_REGIONAL }],
    south: [{ year: 2023, tco2PerMwh: 0.4042, source: MEE_REGIONAL }],
    southwest: [
      { year: 2022, tco2PerMwh: 0.2268, source: MEE_REGIONAL },
      { year: 2023, tco2PerMwh: 0.2472, source: MEE_REGIONAL },
    ],
  } satisfies Record<RegionalGrid, readonly GridFactorRow[]>,
} as const;

function basisLabel(grid: GridBasis): string {
  return grid.basis === 'regional' ? `regional-${grid.grid}` : grid.basis;
}

/**
 * The factor tables with the grid series the methodology names in place of the national average. The version says
 * which series was used (e.g. gbt2589-2020.2+mee-2023.2+mee-grid-2023.1:regional-east), so a result can be recomputed.
 */
export function factorTablesForGrid(tables: FactorTableSet, grid: GridBasis): FactorTableSet {
  if (grid.basis === 'national-average') return tables;
  const series = grid.basis === 'regional' ? GRID_FACTOR_SERIES.regional[grid.grid] : GRID_FACTOR_SERIES.excludingMarketNonFossil;
  return {
    version: `${tables.version}+${GRID_FACTOR_SERIES.version}:${basisLabel(grid)}`,
    coalEquivalent: tables.coalEquivalent,
    emission: { ...tables.emission, version: `${tables.emission.version}+${GRID_FACTOR_SERIES.version}:${basisLabel(grid)}`, grid: series },
  };
}
