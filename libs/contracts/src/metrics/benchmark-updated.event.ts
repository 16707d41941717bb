import { z } from 'zod';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

/** One enterprise's figures as a benchmark version counts them. */
export const benchmarkMemberSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  revision: z.int().positive(),
  regionCode: z.string().regex(REGION_CODE_PATTERN),
  co2Tonnes: z.number().nonnegative(),
  valueAdded: z.number().positive(),
  carbonIntensity: z.number().nonnegative(),
});

export type BenchmarkMemberFigures = z.infer<typeof benchmarkMemberSchema>;

/** A member whose report was withdrawn (at `revision`): the benchmark no longer counts it. */
export const withdrawnMemberSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  revision: z.int().positive(),
  regionCode: z.string().regex(REGION_CODE_PATTERN),
  withdrawn: z.literal(true),
});

export type WithdrawnMember = z.infer<typeof withdrawnMemberSchema>;

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
  /**
   * Added after v1 was first published (optional): every member whose figures this version took in, with those
   * figures. A rating computed from them and this version's intensity rests on inputs that agree.
   */
  changedMembers: z.array(benchmarkMemberSchema).optional(),
  /** Added after v1 was first published (optional): members this version no longer counts (their reports were withdrawn). */
  removedMembers: z.array(withdrawnMemberSchema).optional(),
});

export type BenchmarkUpdated = z.infer<typeof benchmarkUpdatedSchema>;
