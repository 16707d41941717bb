/** What a consent says about itself: which kinds of data it covers and until when (null: until revoked). */
export interface ConsentTerms<S extends string = string> {
  readonly scopes: readonly S[];
  readonly expiresAt: Date | null;
}

/**
 * Whether a consent (granted and not revoked) lets its bank read data of `scope` at the instant `at`: the scope is
 * granted and the consent has not expired. It lapses at `expiresAt` itself. Asked per read, against the clock:
 * a consent is never remembered as "valid".
 */
export function consentInForce<S extends string>(consent: ConsentTerms<S>, scope: S, at: Date): boolean {
  if (!consent.scopes.includes(scope)) return false;
  return consent.expiresAt === null || consent.expiresAt.getTime() > at.getTime();
}
