import { z } from 'zod';
import { monthOf } from '../access-log-entry';

export const accessLogQuerySchema = z.object({
  /** `YYYY-MM` (UTC); the current month when absent. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM, e.g. 2026-10')
    .optional()
    .transform((month) => month ?? monthOf(new Date())),
});

export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;
