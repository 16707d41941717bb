import { z } from 'zod';
import { parseIndustryCode, validateRegionCode, validateUscc } from '@gec/domain';

function check(result: { ok: boolean; reason?: string }, ctx: z.RefinementCtx) {
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason ?? 'invalid' });
}

export const registerEnterpriseSchema = z.strictObject({
  uscc: z.string().superRefine((v, ctx) => check(validateUscc(v), ctx)),
  name: z.string().trim().min(1).max(200),
  industryCode: z.string().superRefine((v, ctx) => check(parseIndustryCode(v), ctx)),
  regionCode: z
    .string()
    .superRefine((v, ctx) => check(validateRegionCode(v), ctx))
    .optional(),
});

export type RegisterEnterpriseDto = z.infer<typeof registerEnterpriseSchema>;
