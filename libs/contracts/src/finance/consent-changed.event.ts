import { z } from 'zod';
import { USCC_PATTERN } from '../shared-patterns';

export const CONSENT_SCOPES = ['rating', 'eligibility'] as const;

/** An enterprise granted or revoked a bank's access to its rating and eligibility. */
export const consentChangedSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  bankId: z.string().min(1),
  consentId: z.string().min(1),
  granted: z.boolean(),
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  changedAt: z.iso.datetime({ offset: true }),
});

export type ConsentChanged = z.infer<typeof consentChangedSchema>;
