import { z } from 'zod';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN } from '../shared-patterns';
import { benchmarkMemberSchema } from './benchmark-updated.event';

/**
 * An enterprise's figures for a period, re-keyed by industry and period so that one consumer owns each benchmark
 * (metrics' internal repartition topic, as a stream processor would have).
 */
export const industryMemberSchema = z.object({
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  member: benchmarkMemberSchema,
});

export type IndustryMember = z.infer<typeof industryMemberSchema>;
