import { COAL_EQUIVALENT_TABLES } from '../../methodology/coal-equivalent-table';
import { EMISSION_FACTOR_TABLES } from '../../methodology/emission-factor-table';
import { FactorTableSet, makeFactorTableSet } from '../../methodology/factor-table-set';

/**
 * The base factor tables a recorded version names (`<coal-equivalent>+<emission>`, optionally followed by the grid
 * series a methodology substituted, which factorTablesForGrid derives again); null when a part is unknown.
 */
export function factorTablesByVersion(version: string): FactorTableSet | null {
  const [coal, emission] = version.split('+');
  const coalTable = COAL_EQUIVALENT_TABLES[coal];
  const emissionTable = EMISSION_FACTOR_TABLES[emission];
  return coalTable && emissionTable ? makeFactorTableSet(coalTable, emissionTable) : null;
}
