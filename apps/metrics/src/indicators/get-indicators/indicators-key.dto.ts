import { z } from 'zod';
import { parsePeriod, validateUscc } from '@gec/domain';

function check(result: { ok: boolean; reason?: string }, ctx: z.RefinementCtx) {
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason ?? 'invalid' });
}

/** Path parameters naming one enterprise's indicators for one period. */
export const indicatorsKeySchema = z.object({
  uscc: z.string().superRefine((v, ctx) => check(validateUscc(v), ctx)),
  period: z.string().superRefine((v, ctx) => check(parsePeriod(v), ctx)),
});

export type IndicatorsKey = z.infer<typeof indicatorsKeySchema>;
