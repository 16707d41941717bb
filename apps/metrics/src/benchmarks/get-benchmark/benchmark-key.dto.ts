import { z } from 'zod';
import { parseIndustryCode, Result } from '@gec/domain';
import { domainField, periodField } from '@gec/platform';

function division(code: string): Result<unknown> {
  const parsed = parseIndustryCode(code);
  if (parsed.ok && parsed.value.level !== 'division') return { ok: false, reason: `industry division must be a section letter and 2 digits (e.g. C26); got '${code}'` };
  return parsed;
}

/** Path parameters naming one industry division's benchmark for one period. */
export const benchmarkKeySchema = z.object({
  industryDivision: domainField(division, { pattern: /^[A-T]\d{2}$/, example: 'C30', description: 'GB/T 4754 division, e.g. C26' }),
  period: periodField,
});

export type BenchmarkKeyParams = z.infer<typeof benchmarkKeySchema>;
