import { z } from 'zod';
import { decodeCursor, monthOf } from '../access-log-entry';

export const accessLogQuerySchema = z.object({
  /** `YYYY-MM` (UTC); the current month when absent. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM, e.g. 2026-10')
    .optional()
    .transform((month) => month ?? monthOf(new Date())),
  /** Entries per page, newest first. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** A previous page's `next`, for the entries older than that page's. */
  after: z
    .string()
    .max(200)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const cursor = decodeCursor(text);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: "expected the `next` of a previous page of this log" });
        return z.NEVER;
      }
      return cursor;
    }),
});

export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;
