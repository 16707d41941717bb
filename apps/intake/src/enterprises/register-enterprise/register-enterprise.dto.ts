import { z } from 'zod';
import { parseIndustryCode, validateRegionCode } from '@gec/domain';
import { domainField, usccField } from '@gec/platform';

export const registerEnterpriseSchema = z.strictObject({
  uscc: usccField,
  name: z.string().trim().min(1).max(200),
  industryCode: domainField(parseIndustryCode, { pattern: /^[A-T]\d{2,4}$/, example: 'C3041', description: 'GB/T 4754-2017 industry code: section letter and 2-4 digits' }),
  regionCode: domainField(validateRegionCode, { pattern: /^\d{6}$/, example: '500112', description: 'GB/T 2260 region code; taken from the USCC when absent' }).optional(),
});

export type RegisterEnterpriseDto = z.infer<typeof registerEnterpriseSchema>;
