import { consentInForce, ConsentTerms } from './consent-in-force';

describe('consentInForce', () => {
  const at = new Date('2026-11-03T08:00:00.000Z');

  it.each<[string, ConsentTerms, string, boolean]>([
    ['both scopes, no expiry, asking eligibility', { scopes: ['rating', 'eligibility'], expiresAt: null }, 'eligibility', true],
    ['rating only, asking eligibility', { scopes: ['rating'], expiresAt: null }, 'eligibility', false],
    ['rating only, asking rating', { scopes: ['rating'], expiresAt: null }, 'rating', true],
    ['no scope at all', { scopes: [], expiresAt: null }, 'rating', false],
    ['expiring later', { scopes: ['eligibility'], expiresAt: new Date('2026-11-03T08:00:00.001Z') }, 'eligibility', true],
    ['expiring at that instant', { scopes: ['eligibility'], expiresAt: new Date('2026-11-03T08:00:00.000Z') }, 'eligibility', false],
    ['expired', { scopes: ['eligibility'], expiresAt: new Date('2026-11-01T00:00:00.000Z') }, 'eligibility', false],
  ])('%s -> %s', (_case, consent, scope, expected) => {
    expect(consentInForce(consent, scope, at)).toBe(expected);
  });
});
