import { EMISSION_FACTOR_TABLES } from './emission-factor-table';
import { gridFactorFor } from './grid-factor-for';

const table = EMISSION_FACTOR_TABLES['mee-2023.1'];

describe('gridFactorFor', () => {
  it.each([
    [2020, 2021, 0.5568, true],
    [2021, 2021, 0.5568, false],
    [2022, 2022, 0.5366, false],
    [2023, 2023, 0.5306, false],
    [2026, 2023, 0.5306, false],
  ])('period year %i uses data year %i', (periodYear, year, tco2PerMwh, fallback) => {
    expect(gridFactorFor(table, periodYear)).toEqual({ year, tco2PerMwh, fallback });
  });

  it('does not depend on the order of the rows', () => {
    const shuffled = { ...table, grid: [table.grid[2], table.grid[0], table.grid[1]] };
    expect(gridFactorFor(shuffled, 2022).year).toBe(2022);
  });

  it('throws on a table without grid factors', () => {
    expect(() => gridFactorFor({ ...table, grid: [] }, 2023)).toThrow(RangeError);
  });
});
