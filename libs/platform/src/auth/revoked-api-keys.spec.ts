import { DomainError } from '../errors/domain-error';
import { RevokedApiKeys } from './revoked-api-keys';

describe('RevokedApiKeys', () => {
  const verdict = (list: RevokedApiKeys, keyId: string) => {
    try {
      list.check(keyId);
      return 'accepted';
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('is unknown (503 for API-key tokens) until first confirmed, and again once not confirmed for staleMs', () => {
    let now = 1_000_000;
    const list = new RevokedApiKeys(3000, () => now);
    expect(verdict(list, 'k1')).toBe('unavailable');
    list.confirmed([], list.confirming());
    expect(verdict(list, 'k1')).toBe('accepted');
    now += 3000;
    expect(verdict(list, 'k1')).toBe('unavailable');
  });

  it('keeps a notice heard while the full list was being read, which the list may predate, and drops ids the list no longer has', () => {
    const list = new RevokedApiKeys(3000);
    list.confirmed(['old'], list.confirming());
    const askedAt = list.confirming();
    list.add('new');
    list.confirmed([], askedAt);
    expect(verdict(list, 'new')).toBe('unauthenticated');
    expect(verdict(list, 'old')).toBe('accepted');
  });
});
