import { z } from 'zod';

/** Why the period's report is withdrawn (kept with the withdrawal, shown in its revisions). */
export const withdrawReportSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});

export type WithdrawReportCommand = z.output<typeof withdrawReportSchema>;
