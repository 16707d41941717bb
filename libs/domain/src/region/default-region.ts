import { usccRegionCode } from '../identity/uscc';
import { fail, ok, Result } from '../result';
import { nearestListedRegion } from './region-lookup';

/**
 * The region an enterprise gets when it registers without one: the division in its USCC (characters 3-8, the
 * registration authority's GB/T 2260 code). A USCC never changes, so that code may since have been re-coded or
 * belong to an authority outside the table (a development zone's); then the nearest listed division above it is used,
 * and a code whose province is unknown (e.g. 100000, national-level registration) gives no default.
 */
export function defaultRegionForUscc(uscc: string): Result<string> {
  const code = usccRegionCode(uscc);
  const region = nearestListedRegion(code);
  if (!region) return fail(`the region in the unified social credit code (${code}) is not a GB/T 2260 division; give regionCode`);
  return ok(region.code);
}
