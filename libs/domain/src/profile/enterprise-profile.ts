import { parseIndustryCode } from '../industry/industry-code';
import { parsePeriod } from '../period/period';
import { validateRegionCode } from '../region/region-code';
import { FigureIssue, ResourceFigures } from '../report/report-figures';
import { fail, ok, Result } from '../result';

export const CERTIFICATION_STANDARDS = ['ISO 14001', 'ISO 50001', 'ISO 45001'] as const;
export type CertificationStandard = (typeof CERTIFICATION_STANDARDS)[number];
export const GREEN_FACTORY_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type GreenFactoryLevel = (typeof GREEN_FACTORY_LEVELS)[number];
export const POLLUTANTS = ['so2T', 'noxT', 'particulateT', 'vocsT', 'codT', 'ammoniaNitrogenT'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];
export type PollutantAmounts = NonNullable<ResourceFigures['pollutants']>;

/** A plant of the enterprise: it may report on its own, and its figures roll up to the enterprise. */
export interface Facility {
  /** Chosen by the enterprise, unique within it: lower-case letters, digits and hyphens (e.g. `plant-2`). */
  id: string;
  name: string;
  /** GB/T 2260 code of where it stands. */
  regionCode: string;
  /** GB/T 4754-2017 class (a letter and four digits). */
  industryClass: string;
  siteAreaM2: number;
  buildingFootprintM2: number;
  floorAreaM2: number;
}

export interface Certification {
  standard: CertificationStandard;
  certificateNo: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, after validFrom */
  validUntil: string;
}

export interface GreenFactoryRecognition {
  level: GreenFactoryLevel;
  year: number;
}

/** What an enterprise declares about itself from a month on; a later version replaces it from its own month. */
export interface EnterpriseProfile {
  facilities: Facility[];
  certifications: Certification[];
  greenFactory: GreenFactoryRecognition[];
  /** Share (0..1) of output covered by product carbon footprints or green-design certification. */
  productFootprintShare?: number;
  /** Permitted annual amounts, tonnes (any subset). */
  permittedPollutants: PollutantAmounts;
}

export const FACILITY_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** The first year green factories were recognised (MIIT, 2017), with room for provincial lists before it. */
export const FIRST_GREEN_FACTORY_YEAR = 2010;

export function validateFacilityId(id: string): Result<string> {
  return FACILITY_ID_PATTERN.test(id) ? ok(id) : fail(`facility id must be 1-40 lower-case letters, digits and hyphens, not starting or ending with a hyphen (e.g. plant-2); got '${id}'`);
}

/** A GB/T 4754-2017 class (four digits, e.g. C3041) that exists in the table. */
export function validateIndustryClass(code: string): Result<string> {
  const parsed = parseIndustryCode(code);
  if (!parsed.ok) return parsed;
  if (parsed.value.level !== 'class') return fail(`industry class must be a GB/T 4754-2017 class (a letter and four digits, e.g. C3041); ${code} is a ${parsed.value.level}`);
  return ok(code);
}

/**
 * Errors that make a profile invalid however well-formed each field is: duplicate facility ids, a building footprint
 * larger than its site, a certificate that ends before it starts, a recognition dated after the version it is in, and
 * codes that are not in the GB/T 2260 or GB/T 4754 tables. `effectiveFrom` is the version's month (YYYY-MM).
 */
export function profileErrors(profile: EnterpriseProfile, effectiveFrom?: string): FigureIssue[] {
  const issues: FigureIssue[] = [];
  const seen = new Map<string, number>();
  profile.facilities.forEach((f, i) => {
    const id = validateFacilityId(f.id);
    if (!id.ok) issues.push({ path: ['facilities', i, 'id'], message: id.reason });
    else if (seen.has(f.id)) issues.push({ path: ['facilities', i, 'id'], message: `facility id '${f.id}' is already used by facilities[${seen.get(f.id)}]` });
    else seen.set(f.id, i);
    const region = validateRegionCode(f.regionCode);
    if (!region.ok) issues.push({ path: ['facilities', i, 'regionCode'], message: region.reason });
    const industry = validateIndustryClass(f.industryClass);
    if (!industry.ok) issues.push({ path: ['facilities', i, 'industryClass'], message: industry.reason });
    if (f.buildingFootprintM2 > f.siteAreaM2) {
      issues.push({ path: ['facilities', i, 'buildingFootprintM2'], message: `building footprint (${f.buildingFootprintM2} m2) is larger than the site area (${f.siteAreaM2} m2)` });
    }
  });
  profile.certifications.forEach((c, i) => {
    if (c.validUntil <= c.validFrom) issues.push({ path: ['certifications', i, 'validUntil'], message: `validUntil (${c.validUntil}) must be after validFrom (${c.validFrom})` });
  });
  const year = effectiveFrom ? parsePeriod(effectiveFrom) : undefined;
  profile.greenFactory.forEach((g, i) => {
    if (g.year < FIRST_GREEN_FACTORY_YEAR) issues.push({ path: ['greenFactory', i, 'year'], message: `year must be ${FIRST_GREEN_FACTORY_YEAR} or later; got ${g.year}` });
    else if (year?.ok && g.year > year.value.year) issues.push({ path: ['greenFactory', i, 'year'], message: `a recognition of ${g.year} cannot be in a profile in force from ${effectiveFrom}` });
  });
  if (profile.productFootprintShare !== undefined && !(profile.productFootprintShare >= 0 && profile.productFootprintShare <= 1)) {
    issues.push({ path: ['productFootprintShare'], message: `must be a share between 0 and 1; got ${profile.productFootprintShare}` });
  }
  return issues;
}

/**
 * The version in force in a month: the latest whose `effectiveFrom` (YYYY-MM) is not after it. `versions` may be in
 * any order; undefined when none had started.
 */
export function versionInForce(versions: readonly string[], month: string): string | undefined {
  let found: string | undefined;
  for (const v of versions) if (v <= month && (found === undefined || v > found)) found = v;
  return found;
}
