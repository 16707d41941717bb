import { z } from 'zod';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN } from '../shared-patterns';
import { benchmarkMemberSchema, withdrawnMemberSchema } from './benchmark-updated.event';

/**
 * An enterprise's figures for a period, re-keyed by industry and period so that one consumer owns each benchmark
 * (metrics' internal repartition topic, as a stream processor would have).
 */
export const industryMemberSchema = z.object({
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  /** A member's figures, or (added after v1 was first published) its withdrawal: it leaves the benchmark. */
  member: z.union([withdrawnMemberSchema, benchmarkMemberSchema]),
});

export type IndustryMember = z.infer<typeof industryMemberSchema>;
