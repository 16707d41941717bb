import { z } from 'zod';
import { parseIndustryCode, parsePeriod } from '@gec/domain';

function division(code: string): { ok: boolean; reason?: string } {
  const parsed = parseIndustryCode(code);
  if (!parsed.ok) return parsed;
  if (parsed.value.level !== 'division') return { ok: false, reason: `industry division must be a section letter and 2 digits (e.g. C26); got '${code}'` };
  return parsed;
}

function check(result: { ok: boolean; reason?: string }, ctx: z.RefinementCtx) {
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason ?? 'invalid' });
}

/** Path parameters naming one industry division's benchmark for one period. */
export const benchmarkKeySchema = z.object({
  industryDivision: z.string().superRefine((v, ctx) => check(division(v), ctx)),
  period: z.string().superRefine((v, ctx) => check(parsePeriod(v), ctx)),
});

export type BenchmarkKeyParams = z.infer<typeof benchmarkKeySchema>;
