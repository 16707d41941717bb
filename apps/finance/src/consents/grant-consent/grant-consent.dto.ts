import { z } from 'zod';
import { CONSENT_SCOPES } from '@gec/contracts';
import { BANK_ID_PATTERN } from '../../banks/bank';

export const grantConsentSchema = z.strictObject({
  bankId: z.string().regex(BANK_ID_PATTERN, 'expected a bank id such as cq-green-bank'),
  /** What the bank may read; both by default. */
  scopes: z
    .array(z.enum(CONSENT_SCOPES))
    .min(1)
    .transform((scopes) => CONSENT_SCOPES.filter((s) => scopes.includes(s)))
    .default([...CONSENT_SCOPES]),
  /** Until when the consent holds; absent: until revoked. */
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((at) => Date.parse(at) > Date.now(), 'must be in the future')
    .transform((at) => new Date(at).toISOString())
    .optional(),
});

export type GrantConsentCommand = z.infer<typeof grantConsentSchema>;
