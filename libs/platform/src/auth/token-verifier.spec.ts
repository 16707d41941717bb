import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { DomainError } from '../errors/domain-error';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example/test';
const AUDIENCE = 'green-efficiency-code';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

describe('TokenVerifier', () => {
  const trusted = keyPair('k1');
  const stranger = keyPair('k1');
  const dir = mkdtempSync(path.join(tmpdir(), 'verifier-'));
  const jwksFile = path.join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [trusted.jwk] }));
  const verifier = new TokenVerifier([{ issuer: ISSUER, jwksFile }], AUDIENCE);

  const sign = (claims: Record<string, unknown>, o: { key?: KeyObject; iss?: string; aud?: string; exp?: number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(o.iss ?? ISSUER)
      .setAudience(o.aud ?? AUDIENCE)
      .setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(o.key ?? trusted.privateKey);

  const rejection = async (token: string) => {
    try {
      await verifier.verify(token);
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('unauthenticated');
      return (error as DomainError).message;
    }
  };

  it('turns a valid token into its caller', async () => {
    await expect(verifier.verify(await sign({ role: 'bank', bank_id: 'cq-green-bank' }))).resolves.toEqual({ subject: 'user-1', role: 'bank', bankId: 'cq-green-bank' });
    await expect(verifier.verify(await sign({ role: 'regulator', region: '5001' }))).resolves.toMatchObject({ role: 'regulator', regionPrefix: '5001' });
  });

  it.each([
    ['expired', () => sign({ role: 'admin' }, { exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['for another audience', () => sign({ role: 'admin' }, { aud: 'someone-else' }), /aud/],
    ['from an untrusted issuer', () => sign({ role: 'admin' }, { iss: 'https://evil.example' }), /trusted issuer/],
    ['signed with another key', () => sign({ role: 'admin' }, { key: stranger.privateKey }), /trusted key/],
    ['without a role', () => sign({}), /claims/],
    ['an enterprise without its code', () => sign({ role: 'enterprise' }), /uscc/],
  ])('rejects a token %s', async (_case, make, reason) => {
    expect(await rejection(await make())).toMatch(reason);
  });

  it('rejects an unsigned token (alg none) and garbage', async () => {
    const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ role: 'admin', sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    expect(await rejection(unsigned)).toMatch(/algorithm|not valid/);
    expect(await rejection('not-a-jwt')).toMatch(/not a JWT/);
  });

  describe('remembering verified tokens', () => {
    afterEach(() => jest.useRealTimers());

    it('answers a repeated token with the caller it verified the first time', async () => {
      const token = await sign({ role: 'bank', bank_id: 'cq-green-bank' });
      const first = await verifier.verify(token);
      expect(await verifier.verify(token)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    });

    it('still refuses a remembered token once it has expired', async () => {
      const now = Date.now();
      const token = await sign({ role: 'admin' }, { exp: Math.floor(now / 1000) + 60 });
      await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'admin' });
      // Only the clock is faked: jose and the cache read it; promises and crypto run as usual.
      jest.useFakeTimers({ now: now + 66_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
      expect(await rejection(token)).toMatch(/expired/);
    });

    it('does not remember a refused token', async () => {
      const token = await sign({ role: 'admin' }, { key: stranger.privateKey });
      expect(await rejection(token)).toMatch(/trusted key/);
      expect(await rejection(token)).toMatch(/trusted key/);
    });
  });
});
