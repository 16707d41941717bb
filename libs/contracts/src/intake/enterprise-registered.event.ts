import { z } from 'zod';
import { USCC_PATTERN, INDUSTRY_CODE_PATTERN, INDUSTRY_DIVISION_PATTERN, REGION_CODE_PATTERN } from '../shared-patterns';

export const enterpriseRegisteredSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  name: z.string().min(1),
  industryCode: z.string().regex(INDUSTRY_CODE_PATTERN),
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  regionCode: z.string().regex(REGION_CODE_PATTERN),
  registeredAt: z.iso.datetime({ offset: true }),
});

export type EnterpriseRegistered = z.infer<typeof enterpriseRegisteredSchema>;
