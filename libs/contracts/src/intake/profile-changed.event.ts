import { z } from 'zod';
import { CERTIFICATION_STANDARDS, GREEN_FACTORY_LEVELS } from '@gec/domain';
import { INDUSTRY_CODE_PATTERN, PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

const area = z.number().nonnegative();
const tonnes = z.number().nonnegative().optional();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A version of an enterprise's profile was put (a new month, or a correction of the version of that month): the whole
 * version as it now stands, in force from `effectiveFrom` until the next version's month. Read models keep it by
 * `uscc` and `effectiveFrom`, the highest `revision` winning.
 */
export const profileChangedSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  effectiveFrom: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  changedAt: z.iso.datetime({ offset: true }),
  facilities: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      regionCode: z.string().regex(REGION_CODE_PATTERN),
      industryClass: z.string().regex(INDUSTRY_CODE_PATTERN),
      siteAreaM2: area,
      buildingFootprintM2: area,
      floorAreaM2: area,
    }),
  ),
  certifications: z.array(z.object({ standard: z.enum(CERTIFICATION_STANDARDS), certificateNo: z.string().min(1), validFrom: date, validUntil: date })),
  greenFactory: z.array(z.object({ level: z.enum(GREEN_FACTORY_LEVELS), year: z.int() })),
  productFootprintShare: z.number().min(0).max(1).optional(),
  permittedPollutants: z.object({ so2T: tonnes, noxT: tonnes, particulateT: tonnes, vocsT: tonnes, codT: tonnes, ammoniaNitrogenT: tonnes }),
});

export type ProfileChanged = z.infer<typeof profileChangedSchema>;
