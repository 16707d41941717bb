import { z } from 'zod';
import { ENERGY_CARRIERS } from '@gec/domain';
import { PERIOD_PATTERN, USCC_PATTERN } from '../shared-patterns';

/** An accepted periodic report, quantities already in each carrier's canonical unit. */
export const reportAcceptedSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  submittedAt: z.iso.datetime({ offset: true }),
  valueAdded: z.number().positive(),
  outputValue: z.number().nonnegative(),
  energy: z.array(
    z.object({
      carrier: z.enum(ENERGY_CARRIERS),
      quantity: z.number().nonnegative(),
      unit: z.string().min(1),
    }),
  ),
  ownRenewableElectricityKwh: z.number().nonnegative(),
});

export type ReportAccepted = z.infer<typeof reportAcceptedSchema>;
