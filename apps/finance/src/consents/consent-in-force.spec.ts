import { consentInForce } from './consent-in-force';

describe('consentInForce', () => {
  const at = new Date('2026-11-03T08:00:00.000Z');

  it.each([
    ['both scopes, no expiry, asking eligibility', { scopes: ['rating', 'eligibility'], expiresAt: null }, 'eligibility', true],
    ['rating only, asking eligibility', { scopes: ['rating'], expiresAt: null }, 'eligibility', false],
    ['rating only, asking rating', { scopes: ['rating'], expiresAt: null }, 'rating', true],
    ['expiring later', { scopes: ['eligibility'], expiresAt: '2026-11-03T08:00:00.001Z' }, 'eligibility', true],
    ['expiring at that instant', { scopes: ['eligibility'], expiresAt: '2026-11-03T08:00:00.000Z' }, 'eligibility', false],
    ['expired', { scopes: ['eligibility'], expiresAt: '2026-11-01T00:00:00.000Z' }, 'eligibility', false],
  ] as const)('%s -> %s', (_case, grant, scope, expected) => {
    expect(consentInForce({ scopes: [...grant.scopes], expiresAt: grant.expiresAt }, scope, at)).toBe(expected);
  });
});
