import { EmissionFactorTable } from './emission-factor-table';

export interface GridFactor {
  year: number;
  tco2PerMwh: number;
  /** True when no data year at or before the period's year exists and the earliest was used. */
  fallback: boolean;
}

/** The latest grid factor whose data year is not after the period's year (factors are published with a lag). */
export function gridFactorFor(table: EmissionFactorTable, periodYear: number): GridFactor {
  if (table.grid.length === 0) throw new RangeError(`emission factor table ${table.version} has no grid factors`);
  const byYear = [...table.grid].sort((a, b) => a.year - b.year);
  const eligible = byYear.filter((row) => row.year <= periodYear);
  const row = eligible.length > 0 ? eligible[eligible.length - 1] : byYear[0];
  return { year: row.year, tco2PerMwh: row.tco2PerMwh, fallback: eligible.length === 0 };
}
