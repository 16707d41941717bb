import { ConsentChanged } from '@gec/contracts';
import { ConsentGrant } from './consent';

/** The consent-changed payload for a grant given (granted) or taken back, as of `changedAt`. */
export function consentChanged(uscc: string, grant: ConsentGrant, granted: boolean, changedAt: string): ConsentChanged {
  return { uscc, bankId: grant.bankId, consentId: grant.consentId, granted, scopes: grant.scopes, expiresAt: grant.expiresAt, changedAt };
}
