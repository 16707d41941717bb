import { Caller, EnterpriseAccess, grantAccess } from '@gec/platform';

/** The callers that may upload a bulk import (a data provider, when it comes, joins here and in `importAccess`). */
export const IMPORTING_ROLES = ['enterprise', 'admin'] as const;

/**
 * The one rule for which enterprises' reports a caller may import: an enterprise its own, an administrator any.
 * A row naming an enterprise outside it is a row error. (A data provider would get the enterprises of its region
 * scope here, for the figures it may supply.)
 */
export function importAccess(caller: Caller, uscc: string): EnterpriseAccess | null {
  return grantAccess(caller, uscc, ['self', 'admin']);
}
