import { z } from 'zod';
import { validateUscc } from '@gec/domain';
import { DEFAULT_PRODUCT_ID } from '../../products/product';

export const eligibilityParamsSchema = z.object({
  uscc: z.string().superRefine((value, ctx) => {
    const result = validateUscc(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  }),
});

export const eligibilityQuerySchema = z.object({
  product: z.string().min(1).max(100).default(DEFAULT_PRODUCT_ID),
});

export type EligibilityParams = z.infer<typeof eligibilityParamsSchema>;
export type EligibilityQuery = z.infer<typeof eligibilityQuerySchema>;
