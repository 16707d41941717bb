import { Consent } from './consent';
import { usableConsentId } from './usable-consent';

const now = new Date('2026-11-03T08:00:00.000Z');
const consent: Consent = {
  uscc: '91500000MA5U7AAA0X',
  bankId: 'cq-green-bank',
  consentId: 'consent-1',
  granted: true,
  scopes: ['rating', 'eligibility'],
  expiresAt: null,
  changedAt: new Date('2026-11-01T00:00:00.000Z'),
};

describe('usableConsentId', () => {
  it.each<[string, Partial<Consent> | null, string | null]>([
    ['granted, with the scope, no expiry', {}, 'consent-1'],
    ['granted, expiring later', { expiresAt: new Date('2026-11-03T08:00:00.001Z') }, 'consent-1'],
    ['only the rating scope', { scopes: ['rating'] }, 'consent-1'],
    ['no consent at all', null, null],
    ['revoked', { granted: false }, null],
    ['without the rating scope', { scopes: ['eligibility'] }, null],
    ['with no scope', { scopes: [] }, null],
    ['expired before now', { expiresAt: new Date('2026-11-02T00:00:00.000Z') }, null],
    ['expiring exactly now', { expiresAt: now }, null],
  ])('%s -> %s', (_label, change, expected) => {
    expect(usableConsentId(change && { ...consent, ...change }, 'rating', now)).toBe(expected);
  });

  it('checks the scope it is asked about', () => {
    expect(usableConsentId({ ...consent, scopes: ['eligibility'] }, 'eligibility', now)).toBe('consent-1');
  });
});
