import { CONSENT_SCOPES } from '@gec/contracts';

export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** An enterprise's consent for one bank to read its rating and/or eligibility, until it expires or is revoked. */
export interface ConsentGrant {
  bankId: string;
  consentId: string;
  scopes: ConsentScope[];
  grantedAt: string;
  /** null: until revoked */
  expiresAt: string | null;
}

/** A consent no longer in force, kept for audit: revoked by the enterprise, or replaced by a new grant to the same bank. */
export interface RevokedConsent extends ConsentGrant {
  revokedAt: string;
  /** The consent that replaced it; null when the enterprise revoked it. */
  replacedBy: string | null;
}

/** All consents of one enterprise: at most one grant per bank, and the history of revoked ones. */
export interface Consents {
  uscc: string;
  grants: ConsentGrant[];
  revoked: RevokedConsent[];
}
