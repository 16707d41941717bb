import { z } from 'zod';
import { PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

export const ratingLevelSchema = z.enum(['low', 'medium', 'high']);
export const ratingGradeSchema = z.int().min(1).max(5);

export const ratedSchema = z.object({
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

const previousSchema = z.object({ level: ratingLevelSchema, grade: ratingGradeSchema, methodologyVersion: z.string().min(1) }).nullable();

/**
 * Added after v1 was first published: the period's rating was withdrawn with its report (no grade for that period any
 * more). `previous` is the rating it had; `indicatorsRevision` the withdrawal's revision.
 */
export const ratingWithdrawnSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  regionCode: z.string().regex(REGION_CODE_PATTERN).optional(),
  withdrawn: z.literal(true),
  benchmarkVersion: z.int().positive(),
  indicatorsRevision: z.int().positive(),
  ratedAt: z.iso.datetime({ offset: true }),
  previous: previousSchema,
});

export const ratingChangedSchema = z.union([ratingWithdrawnSchema, ratedSchema]);

export type Rated = z.infer<typeof ratedSchema>;
export type RatingWithdrawn = z.infer<typeof ratingWithdrawnSchema>;
export type RatingChanged = Rated | RatingWithdrawn;

export function isRatingWithdrawn(event: RatingChanged): event is RatingWithdrawn {
  return 'withdrawn' in event && event.withdrawn === true;
}
