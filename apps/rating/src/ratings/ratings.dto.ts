import { z } from 'zod';
import { parsePeriod, validateUscc } from '@gec/domain';

function check(result: { ok: boolean; reason?: string }, ctx: z.RefinementCtx) {
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason ?? 'invalid' });
}

export const ratingParamsSchema = z.object({
  uscc: z.string().superRefine((v, ctx) => check(validateUscc(v), ctx)),
});

export type RatingParams = z.infer<typeof ratingParamsSchema>;

export const getRatingQuerySchema = z.object({
  period: z
    .string()
    .superRefine((v, ctx) => check(parsePeriod(v), ctx))
    .optional(),
});

export type GetRatingQuery = z.infer<typeof getRatingQuerySchema>;
