import { consentInForce } from '@gec/domain';
import { Consent, ConsentScope } from './consent';

/**
 * The id of the consent a bank may read `scope` under at `now`: one that is granted and in force (the domain's rule:
 * covers the scope, not expired). Null otherwise, so the bank is refused as if nothing existed.
 */
export function usableConsentId(consent: Consent | null, scope: ConsentScope, now: Date): string | null {
  if (!consent?.granted) return null;
  return consentInForce(consent, scope, now) ? consent.consentId : null;
}
