import { Consent, ConsentScope } from './consent';

/**
 * The id of the consent a bank may read `scope` under at `now`: one that is granted, covers the scope and has
 * not expired (it lapses at `expiresAt`). Null otherwise, so the bank is refused as if nothing existed.
 */
export function usableConsentId(consent: Consent | null, scope: ConsentScope, now: Date): string | null {
  if (!consent?.granted || !consent.scopes.includes(scope)) return null;
  if (consent.expiresAt !== null && consent.expiresAt.getTime() <= now.getTime()) return null;
  return consent.consentId;
}
