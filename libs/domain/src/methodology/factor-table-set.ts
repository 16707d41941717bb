import { COAL_EQUIVALENT_TABLES, CoalEquivalentTable, CURRENT_COAL_EQUIVALENT_VERSION } from './coal-equivalent-table';
import { CURRENT_EMISSION_FACTOR_VERSION, EMISSION_FACTOR_TABLES, EmissionFactorTable } from './emission-factor-table';

/** The factor tables an indicator computation uses, under one combined version string. */
export interface FactorTableSet {
  /** `<coal-equivalent version>+<emission-factor version>`, e.g. gbt2589-2020.1+mee-2023.1. */
  version: string;
  coalEquivalent: CoalEquivalentTable;
  emission: EmissionFactorTable;
}

export type MethodologyTables = FactorTableSet;

export function makeFactorTableSet(coalEquivalent: CoalEquivalentTable, emission: EmissionFactorTable): FactorTableSet {
  return { version: `${coalEquivalent.version}+${emission.version}`, coalEquivalent, emission };
}

export const CURRENT_FACTOR_TABLES: FactorTableSet = makeFactorTableSet(
  COAL_EQUIVALENT_TABLES[CURRENT_COAL_EQUIVALENT_VERSION],
  EMISSION_FACTOR_TABLES[CURRENT_EMISSION_FACTOR_VERSION],
);
