import { ConsentTerms } from '@gec/domain';
import { ConsentGrant, ConsentScope } from './consent';

/** A grant's terms as the domain's rule reads them (`consentInForce` in @gec/domain). */
export function consentTerms(grant: Pick<ConsentGrant, 'scopes' | 'expiresAt'>): ConsentTerms<ConsentScope> {
  return { scopes: grant.scopes, expiresAt: grant.expiresAt === null ? null : new Date(grant.expiresAt) };
}
