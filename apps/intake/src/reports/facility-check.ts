import { ProfileVersion } from '../profiles/profile';

/**
 * Why a report (or an import row) may not name `facility` for `period`, or undefined if it may (or names none): the
 * facility must be in the enterprise's profile version in force for the period.
 */
export function facilityIssue(facility: string | undefined, profile: ProfileVersion | undefined, period: string): string | undefined {
  if (!facility) return undefined;
  if (!profile) return `the enterprise has no profile in force in ${period}, so it has no facility '${facility}'; declare it first (PUT /v1/enterprises/{uscc}/profile)`;
  if (profile.facilities.some((f) => f.id === facility)) return undefined;
  const known = profile.facilities.map((f) => f.id);
  return `'${facility}' is not a facility of the enterprise in its profile in force in ${period} (from ${profile.effectiveFrom}: ${known.length > 0 ? known.join(', ') : 'no facilities'})`;
}
