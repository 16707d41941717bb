import { hashSecret, newApiKey, parseApiKey, secretMatches } from './api-key-secret';

describe('API key secrets', () => {
  it('formats a new key as gec_<keyId>_<secret> and parses it back', () => {
    const key = newApiKey();
    expect(key.apiKey).toBe(`gec_${key.keyId}_${key.secret}`);
    expect(parseApiKey(key.apiKey)).toEqual({ keyId: key.keyId, secret: key.secret });
    expect(Buffer.from(key.secret, 'base64url')).toHaveLength(32);
  });

  it('makes a different key each time', () => {
    const [a, b] = [newApiKey(), newApiKey()];
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.secret).not.toBe(b.secret);
  });

  it.each([
    ['empty', ''],
    ['without the prefix', 'abc'],
    ['another prefix', `sk_${'a'.repeat(24)}_${'A'.repeat(43)}`],
    ['a short secret', `gec_${'a'.repeat(24)}_${'A'.repeat(42)}`],
    ['an upper-case key id', `gec_${'A'.repeat(24)}_${'A'.repeat(43)}`],
    ['trailing garbage', `gec_${'a'.repeat(24)}_${'A'.repeat(43)}x`],
  ])('refuses a key that is %s', (_case, value) => {
    expect(parseApiKey(value)).toBeNull();
  });

  it('matches only the secret whose hash is stored', () => {
    const { secret } = newApiKey();
    const stored = hashSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(newApiKey().secret, stored)).toBe(false);
    expect(secretMatches(secret, 'abcd')).toBe(false);
  });
});
