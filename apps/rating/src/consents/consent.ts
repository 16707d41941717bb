import { CONSENT_SCOPES } from '@gec/contracts';

export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** The newest known state of what one enterprise granted one bank, as finance last announced it. */
export interface Consent {
  uscc: string;
  bankId: string;
  consentId: string;
  granted: boolean;
  scopes: ConsentScope[];
  /** null: until revoked */
  expiresAt: Date | null;
  changedAt: Date;
}
