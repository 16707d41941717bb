import { z } from 'zod';
import { periodField } from '@gec/platform';

export const getProfileQuerySchema = z.strictObject({
  at: periodField.optional().meta({ description: 'the month (YYYY-MM) whose version to read; default: the current month' }),
});

export type GetProfileQuery = z.infer<typeof getProfileQuerySchema>;
