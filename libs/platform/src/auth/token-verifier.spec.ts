import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { DomainError } from '../errors/domain-error';
import { apiKeyTokenClaims } from './api-key-token';
import { RevokedApiKeys } from './revoked-api-keys';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example/test';
const PLATFORM = 'https://gec.example/token';
const AUDIENCE = 'green-efficiency-code';
const OWN_AUDIENCE = 'green-efficiency-code/finance';
const MAX_AGE = 3600;
const KEY_ID = 'a'.repeat(24);

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

const fakeNow = (now: number) =>
  // Only the clock is faked: jose and the cache read it; promises and crypto run as usual.
  jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });

describe('TokenVerifier', () => {
  const trusted = keyPair('k1');
  const stranger = keyPair('k1');
  const platformKey = keyPair('p1');
  const dir = mkdtempSync(path.join(tmpdir(), 'verifier-'));
  const jwksFile = path.join(dir, 'jwks.json');
  const platformJwksFile = path.join(dir, 'platform-jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [trusted.jwk] }));
  writeFileSync(platformJwksFile, JSON.stringify({ keys: [platformKey.jwk] }));
  const revoked = new RevokedApiKeys(3000);
  const verifier = new TokenVerifier({
    identityProvider: { issuer: ISSUER, jwksFile },
    platform: { issuer: PLATFORM, jwksFile: platformJwksFile },
    audiences: [AUDIENCE, OWN_AUDIENCE],
    maxAgeSeconds: MAX_AGE,
    tokenTypes: ['at+jwt'],
    revokedApiKeys: revoked,
  });
  beforeEach(() => revoked.confirmed([], Date.now()));
  afterEach(() => jest.useRealTimers());

  interface SignOptions {
    key?: KeyObject;
    kid?: string;
    iss?: string;
    aud?: string;
    exp?: number;
    iat?: number | null;
    nbf?: number;
    typ?: string | null;
  }
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, o: SignOptions = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? 'k1', ...(o.typ === null ? {} : { typ: o.typ ?? 'at+jwt' }) })
      .setSubject('user-1')
      .setIssuer(o.iss ?? ISSUER)
      .setAudience(o.aud ?? AUDIENCE)
      .setExpirationTime(o.exp ?? now() + 600);
    if (o.iat !== null) jwt.setIssuedAt(o.iat ?? now());
    if (o.nbf !== undefined) jwt.setNotBefore(o.nbf);
    return jwt.sign(o.key ?? trusted.privateKey);
  };
  /** What finance mints for an API key, signed with the platform key (or claims of an attacker holding it). */
  const platformToken = (claims: Record<string, unknown> = {}, o: SignOptions = {}) => {
    const { iss, aud, sub, iat, exp, ...rest } = { ...apiKeyTokenClaims({ issuer: PLATFORM, audience: AUDIENCE, keyId: KEY_ID, bankId: 'cq-green-bank', jti: 'j1', now: Date.now() }), ...claims };
    return new SignJWT(rest)
      .setProtectedHeader({ alg: 'ES256', kid: 'p1', typ: o.typ ?? 'at+jwt' })
      .setIssuer(iss as string)
      .setAudience(aud as string)
      .setSubject(sub as string)
      .setIssuedAt(iat as number)
      .setExpirationTime(exp as number)
      .sign(platformKey.privateKey);
  };

  const rejection = async (token: string, code = 'unauthenticated') => {
    try {
      await verifier.verify(token);
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      return (error as DomainError).message;
    }
  };

  it('turns a valid token into its caller', async () => {
    await expect(verifier.verify(await sign({ role: 'bank', bank_id: 'cq-green-bank' }))).resolves.toEqual({ subject: 'user-1', role: 'bank', bankId: 'cq-green-bank' });
    await expect(verifier.verify(await sign({ role: 'regulator', region: '5001' }))).resolves.toMatchObject({ role: 'regulator', regionPrefix: '5001' });
  });

  it('accepts any audience of its list: the platform-wide one and its own', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, { aud: OWN_AUDIENCE }))).resolves.toMatchObject({ role: 'admin' });
    expect(await rejection(await sign({ role: 'admin' }, { aud: 'green-efficiency-code/intake' }))).toMatch(/aud/);
  });

  it('accepts the typ header however RFC 7515 lets it be written', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, { typ: 'application/AT+JWT' }))).resolves.toMatchObject({ role: 'admin' });
  });

  it.each([
    ['expired', () => sign({ role: 'admin' }, { exp: now() - 60 }), /expired/],
    ['not yet valid', () => sign({ role: 'admin' }, { nbf: now() + 120 }), /nbf/],
    ['older than the maximum age', () => sign({ role: 'admin' }, { iat: now() - MAX_AGE - 60 }), /maximum age/],
    ['issued in the future', () => sign({ role: 'admin' }, { iat: now() + 120 }), /iat/],
    ['without iat', () => sign({ role: 'admin' }, { iat: null }), /iat/],
    ['without a typ header', () => sign({ role: 'admin' }, { typ: null }), /typ/],
    ['of another type (an ID token)', () => sign({ role: 'admin' }, { typ: 'JWT' }), /typ/],
    ['for another audience', () => sign({ role: 'admin' }, { aud: 'someone-else' }), /aud/],
    ['from an untrusted issuer', () => sign({ role: 'admin' }, { iss: 'https://evil.example' }), /trusted issuer/],
    ['signed with another key', () => sign({ role: 'admin' }, { key: stranger.privateKey }), /trusted key/],
    ['signed with a key not in the JWKS', () => sign({ role: 'admin' }, { key: stranger.privateKey, kid: 'k2' }), /trusted key/],
    ['without a role', () => sign({}), /claims/],
    ['an enterprise without its code', () => sign({ role: 'enterprise' }), /uscc/],
  ])('rejects a token %s', async (_case, make, reason) => {
    expect(await rejection(await make())).toMatch(reason);
  });

  it('rejects an unsigned token (alg none), one signed with HS256 and the public key as secret, and garbage', async () => {
    const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const claims = { role: 'admin', sub: 'x', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 };
    const unsigned = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`;
    expect(await rejection(unsigned)).toMatch(/algorithm|not valid/);
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' }).sign(new TextEncoder().encode(JSON.stringify(trusted.jwk)));
    expect(await rejection(hmac)).toMatch(/algorithm|not valid/);
    expect(await rejection('not-a-jwt')).toMatch(/not a JWT/);
  });

  describe('tokens of the platform issuer: only what API keys are for', () => {
    it('accepts an API key bank token, naming the key', async () => {
      await expect(verifier.verify(await platformToken())).resolves.toEqual({ subject: `api-key:${KEY_ID}`, role: 'bank', bankId: 'cq-green-bank', apiKeyId: KEY_ID });
    });

    it.each([
      ['an administrator', { role: 'admin', bank_id: undefined }],
      ['a regulator', { role: 'regulator', region: '50', bank_id: undefined }],
      ['an enterprise', { role: 'enterprise', uscc: '91500000MA5U7AA1X0', bank_id: undefined }],
      ['a bank officer rather than a key', { sub: 'bank-officer-1' }],
      ['a bank with extra claims', { region: '50' }],
      ['a bank token living longer than 5 minutes', { exp: now() + 3600 }],
      ['a bank token without a token id', { jti: undefined }],
    ])('refuses %s', async (_case, claims) => {
      expect(await rejection(await platformToken(claims))).toMatch(/platform token may only be an API key's bank or provider token/);
    });

    const provider = { role: 'provider', bank_id: undefined, provider_id: 'cq-grid', region: '50', figures: ['energy.electricity', 'water'] };

    it("accepts an API key provider token, with the provider's region scope and figures", async () => {
      await expect(verifier.verify(await platformToken(provider))).resolves.toEqual({
        subject: `api-key:${KEY_ID}`,
        role: 'provider',
        providerId: 'cq-grid',
        regionPrefix: '50',
        figures: ['energy.electricity', 'water'],
        apiKeyId: KEY_ID,
      });
    });

    it.each([
      ['without a region', { ...provider, region: undefined }],
      ['with a figure the report has not', { ...provider, figures: ['energy.wood'] }],
      ['without figures', { ...provider, figures: [] }],
      ['with a bank id as well', { ...provider, bank_id: 'cq-green-bank' }],
    ])('refuses a provider token %s', async (_case, claims) => {
      expect(await rejection(await platformToken(claims))).toMatch(/platform token may only be an API key's bank or provider token/);
    });

    it('refuses a provider token from the identity provider: only the platform mints them', async () => {
      expect(await rejection(await sign({ role: 'provider', provider_id: 'cq-grid', region: '50', figures: ['energy'] }))).toMatch(/claims/);
    });

    it('refuses any type but at+jwt, whatever the identity provider may use', async () => {
      expect(await rejection(await platformToken({}, { typ: 'JWT' }))).toMatch(/typ/);
    });

    it("refuses a revoked key's token, also once it was remembered", async () => {
      const token = await platformToken();
      await expect(verifier.verify(token)).resolves.toMatchObject({ apiKeyId: KEY_ID });
      revoked.add(KEY_ID);
      expect(await rejection(token)).toMatch(/revoked/);
    });

    it('answers 503 while the revocations are not known, rather than accept a possibly revoked key', async () => {
      const token = await platformToken();
      await expect(verifier.verify(token)).resolves.toMatchObject({ apiKeyId: KEY_ID });
      fakeNow(Date.now() + 4000);
      expect(await rejection(token, 'unavailable')).toMatch(/cannot be checked/);
      // Tokens of the identity provider do not depend on the list.
      await expect(verifier.verify(await sign({ role: 'admin' }))).resolves.toMatchObject({ role: 'admin' });
    });
  });

  describe('remembering verified tokens', () => {
    it('answers a repeated token with the caller it verified the first time', async () => {
      const token = await sign({ role: 'bank', bank_id: 'cq-green-bank' });
      const first = await verifier.verify(token);
      expect(await verifier.verify(token)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    });

    it('still refuses a remembered token once it has expired', async () => {
      const start = Date.now();
      const token = await sign({ role: 'admin' }, { exp: Math.floor(start / 1000) + 60 });
      await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'admin' });
      fakeNow(start + 66_000);
      expect(await rejection(token)).toMatch(/expired/);
    });

    it('still refuses a remembered token once it is too old', async () => {
      const start = Date.now();
      const token = await sign({ role: 'admin' }, { iat: Math.floor(start / 1000) - MAX_AGE + 30, exp: Math.floor(start / 1000) + 3600 });
      await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'admin' });
      fakeNow(start + 36_000);
      expect(await rejection(token)).toMatch(/maximum age/);
    });

    it('does not remember a refused token', async () => {
      const token = await sign({ role: 'admin' }, { key: stranger.privateKey });
      expect(await rejection(token)).toMatch(/trusted key/);
      expect(await rejection(token)).toMatch(/trusted key/);
    });
  });
});
