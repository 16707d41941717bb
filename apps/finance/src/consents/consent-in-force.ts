import { ConsentGrant, ConsentScope } from './consent';

/** Whether a grant lets its bank read data of `scope` at `at`: the scope is granted and the grant has not expired. */
export function consentInForce(grant: Pick<ConsentGrant, 'scopes' | 'expiresAt'>, scope: ConsentScope, at: Date): boolean {
  if (!grant.scopes.includes(scope)) return false;
  return grant.expiresAt === null || Date.parse(grant.expiresAt) > at.getTime();
}
