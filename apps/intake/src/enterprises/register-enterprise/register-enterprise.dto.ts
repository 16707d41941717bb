import { z } from 'zod';
import { parseIndustryCode, validateRegionCode } from '@gec/domain';
import { domainField, usccField } from '@gec/platform';

export const registerEnterpriseSchema = z.strictObject({
  uscc: usccField,
  name: z.string().trim().min(1).max(200),
  industryCode: domainField(parseIndustryCode, {
    pattern: /^[A-T]\d{2,4}$/,
    example: 'C3041',
    description: 'GB/T 4754-2017 division, group or class that exists in the table (e.g. C30, C304, C3041); industryDivision is derived from it',
  }),
  regionCode: domainField(validateRegionCode, {
    pattern: /^\d{6}$/,
    example: '500112',
    description: 'GB/T 2260 province, prefecture or county code in the table. Default: the division in the USCC (characters 3-8), or the nearest listed one above it',
  }).optional(),
});

export type RegisterEnterpriseDto = z.infer<typeof registerEnterpriseSchema>;
