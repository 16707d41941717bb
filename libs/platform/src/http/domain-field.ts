import { z } from 'zod';
import { parsePeriod, Result, validateUscc } from '@gec/domain';

/**
 * A string field checked by one of the domain's validators; the validator's reason is the field's error. `documented`
 * is what the OpenAPI document states of it (a pattern the validator implies, an example): what JSON Schema can
 * express of the rule, so that generated requests are mostly valid.
 */
export function domainField(validate: (value: string) => Result<unknown>, documented: { pattern?: RegExp; example?: string; description?: string } = {}) {
  const field = z.string().superRefine((value, ctx) => {
    const result = validate(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });
  const { pattern, ...rest } = documented;
  return field.meta({ ...rest, ...(pattern ? { pattern: pattern.source } : {}) });
}

export const usccField = domainField(validateUscc, {
  pattern: /^[0-9A-HJ-NP-RTUW-Y]{18}$/,
  example: '91500112MA5ACL0013',
  description: 'Unified social credit code (GB 32100: 18 characters, the last a check character)',
});
export const periodField = domainField(parsePeriod, { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-10', description: 'A month, YYYY-MM' });
