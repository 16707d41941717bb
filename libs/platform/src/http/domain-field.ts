import { z } from 'zod';
import { parsePeriod, Result, validateUscc } from '@gec/domain';

/** A string field checked by one of the domain's validators; the validator's reason is the field's error. */
export function domainField(validate: (value: string) => Result<unknown>) {
  return z.string().superRefine((value, ctx) => {
    const result = validate(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });
}

export const usccField = domainField(validateUscc);
export const periodField = domainField(parsePeriod);
