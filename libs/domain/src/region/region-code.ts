import { fail, ok, Result } from '../result';
import { ADMINISTRATIVE_DIVISIONS } from './administrative-division-table';
import { regionByCode } from './region-lookup';

/** A six-digit GB/T 2260 code of a province, prefecture or county in the table. */
export function validateRegionCode(code: string): Result<string> {
  if (!/^\d{6}$/.test(code)) return fail(`region code must be six digits (GB/T 2260); got '${code}'`);
  const province = code.slice(0, 2);
  if (!regionByCode(`${province}0000`)) return fail(`region code ${code} starts with ${province}, which is not a GB/T 2260 province code`);
  if (!regionByCode(code)) {
    return fail(`region code ${code} is not a GB/T 2260 division (table of ${ADMINISTRATIVE_DIVISIONS.edition})`);
  }
  return ok(code);
}

/**
 * Whether a region lies inside the area a prefix names. The prefix is 2, 4 or 6 digits; trailing
 * "00" pairs are dropped first, since "330000" (Zhejiang) and "330500" (Huzhou) name whole areas.
 * Anything else matches nothing.
 */
export function regionCodeMatchesPrefix(regionCode: string, prefix: string): boolean {
  if (!/^(\d{2}){1,3}$/.test(prefix)) return false;
  let area = prefix;
  while (area.length > 2 && area.endsWith('00')) area = area.slice(0, -2);
  return regionCode.startsWith(area);
}
