import { z } from 'zod';
import { PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

export const ratingLevelSchema = z.enum(['low', 'medium', 'high']);
export const ratingGradeSchema = z.int().min(1).max(5);

export const ratingChangedSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  /** Added after v1 was first published (optional, so older events still parse): the enterprise's GB/T 2260 region. */
  regionCode: z.string().regex(REGION_CODE_PATTERN).optional(),
  methodology: z.object({ id: z.string().min(1), version: z.string().min(1) }),
  level: ratingLevelSchema,
  grade: ratingGradeSchema,
  k: z.number().nonnegative(),
  carbonIntensity: z.number().nonnegative(),
  industryCarbonIntensity: z.number().nonnegative(),
  benchmarkVersion: z.int().positive(),
  indicatorsRevision: z.int().positive(),
  ratedAt: z.iso.datetime({ offset: true }),
  previous: z
    .object({ level: ratingLevelSchema, grade: ratingGradeSchema, methodologyVersion: z.string().min(1) })
    .nullable(),
});

export type RatingChanged = z.infer<typeof ratingChangedSchema>;
