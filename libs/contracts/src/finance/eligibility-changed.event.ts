import { z } from 'zod';
import { PERIOD_PATTERN, USCC_PATTERN } from '../shared-patterns';
import { ratingGradeSchema, ratingLevelSchema } from '../rating/rating-changed.event';

export const eligibilityChangedSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  product: z.string().min(1),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  rating: z
    .object({ grade: ratingGradeSchema, level: ratingLevelSchema, period: z.string().regex(PERIOD_PATTERN), methodologyVersion: z.string().min(1) })
    .nullable(),
  decidedAt: z.iso.datetime({ offset: true }),
  previouslyEligible: z.boolean().nullable(),
});

export type EligibilityChanged = z.infer<typeof eligibilityChangedSchema>;
