import { z } from 'zod';
import { parseIndustryCode, validateRegionCode } from '@gec/domain';
import { domainField, usccField } from '@gec/platform';

export const registerEnterpriseSchema = z.strictObject({
  uscc: usccField,
  name: z.string().trim().min(1).max(200),
  industryCode: domainField(parseIndustryCode),
  regionCode: domainField(validateRegionCode).optional(),
});

export type RegisterEnterpriseDto = z.infer<typeof registerEnterpriseSchema>;
