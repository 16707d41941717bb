import { z } from 'zod';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN, USCC_PATTERN } from '../shared-patterns';

/** Industry carbon intensity = the industry's total CO2 / its total value added, for one division and period. */
export const benchmarkUpdatedSchema = z.object({
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  version: z.int().positive(),
  enterpriseCount: z.int().nonnegative(),
  totalCo2Tonnes: z.number().nonnegative(),
  totalValueAdded: z.number().nonnegative(),
  carbonIntensity: z.number().nonnegative(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Added after v1 was first published (optional): the enterprise whose figures produced this version. */
  changedMember: z.string().regex(USCC_PATTERN).optional(),
});

export type BenchmarkUpdated = z.infer<typeof benchmarkUpdatedSchema>;
