import { z } from 'zod';
import { usccField } from '@gec/platform';
import { DEFAULT_PRODUCT_ID } from '../../products/product';

export const eligibilityParamsSchema = z.object({
  uscc: usccField,
});

export const eligibilityQuerySchema = z.object({
  product: z.string().min(1).max(100).default(DEFAULT_PRODUCT_ID),
});

export type EligibilityParams = z.infer<typeof eligibilityParamsSchema>;
export type EligibilityQuery = z.infer<typeof eligibilityQuerySchema>;
