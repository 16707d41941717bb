import { z } from 'zod';
import { periodField, usccField } from '@gec/platform';

export const ratingParamsSchema = z.object({
  uscc: usccField,
});

export type RatingParams = z.infer<typeof ratingParamsSchema>;

export const getRatingQuerySchema = z.object({
  period: periodField.optional(),
});

export type GetRatingQuery = z.infer<typeof getRatingQuerySchema>;
