import { z } from 'zod';
import { CERTIFICATION_STANDARDS, EnterpriseProfile, FACILITY_ID_PATTERN, GREEN_FACTORY_LEVELS, profileErrors, validateFacilityId, validateIndustryClass, validateRegionCode } from '@gec/domain';
import { domainField, periodField } from '@gec/platform';

const area = z.number().finite().nonnegative().max(1e9);
const tonnes = z.number().finite().nonnegative().max(1e7).optional();
const date = z.iso.date().meta({ example: '2025-03-01' });

export const facilityIdField = domainField(validateFacilityId, { pattern: FACILITY_ID_PATTERN, example: 'plant-1', description: 'Facility id chosen by the enterprise, unique within it: 1-40 lower-case letters, digits and hyphens' });

const facility = z.strictObject({
  id: facilityIdField,
  name: z.string().trim().min(1).max(200),
  regionCode: domainField(validateRegionCode, { pattern: /^\d{6}$/, example: '500112', description: 'GB/T 2260 code of where the facility stands' }),
  industryClass: domainField(validateIndustryClass, { pattern: /^[A-T]\d{4}$/, example: 'C3041', description: 'GB/T 4754-2017 class (a letter and four digits) in the table' }),
  siteAreaM2: area,
  buildingFootprintM2: area.meta({ description: 'm2, at most siteAreaM2' }),
  floorAreaM2: area,
});

/**
 * A version of the enterprise's profile, in force from `effectiveFrom` (a month) until the next version's month.
 * Lists left out are empty; `permittedPollutants` left out permits nothing in particular (no permit check).
 */
export const putProfileSchema = z
  .strictObject({
    effectiveFrom: periodField,
    facilities: z.array(facility).max(200).default([]),
    certifications: z
      .array(z.strictObject({ standard: z.enum(CERTIFICATION_STANDARDS), certificateNo: z.string().trim().min(1).max(100), validFrom: date, validUntil: date.meta({ description: 'after validFrom' }) }))
      .max(50)
      .default([]),
    greenFactory: z.array(z.strictObject({ level: z.enum(GREEN_FACTORY_LEVELS), year: z.int().min(2010).max(2100) })).max(20).default([]),
    productFootprintShare: z.number().min(0).max(1).optional().meta({ description: 'share (0..1) of output covered by product carbon footprints or green-design certification' }),
    permittedPollutants: z
      .strictObject({ so2T: tonnes, noxT: tonnes, particulateT: tonnes, vocsT: tonnes, codT: tonnes, ammoniaNitrogenT: tonnes })
      .default({})
      .meta({ description: 'permitted annual amounts, tonnes (any subset)' }),
  })
  .transform((body, ctx) => {
    const { effectiveFrom, ...profile } = body;
    const checked: EnterpriseProfile = profile;
    // Codes are named by their own fields above; the rules across fields (unique ids, footprint within site, dates) here.
    for (const issue of profileErrors(checked, effectiveFrom)) {
      const last = issue.path[issue.path.length - 1];
      if (last === 'regionCode' || last === 'industryClass' || (last === 'id' && !/already used/.test(issue.message))) continue;
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    return { effectiveFrom, profile: checked };
  });

export type PutProfileCommand = z.output<typeof putProfileSchema>;
