import { z } from 'zod';
import { periodField, usccField } from '@gec/platform';

/** Path parameters naming one enterprise's indicators for one period. */
export const indicatorsKeySchema = z.object({
  uscc: usccField,
  period: periodField,
});

export type IndicatorsKey = z.infer<typeof indicatorsKeySchema>;
