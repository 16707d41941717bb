import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { ConfigError, DomainError } from '@gec/platform';
import { LocalAuthority } from '@gec/testing';
import { PlatformSigningKey } from './platform-signing-key';

describe('PlatformSigningKey', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gec-signing-key-'));
  const authority = new LocalAuthority(dir);
  const keyFile = authority.env().AUTH_PLATFORM_SIGNING_KEY_FILE;

  it('signs ES256 tokens that its published public key verifies', async () => {
    const key = await PlatformSigningKey.load(keyFile);
    const jwks = key.publicJwks();
    expect(jwks.keys).toEqual([{ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: key.kid, alg: 'ES256', use: 'sig' }]);
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const token = await key.sign({ sub: 'api-key:1', exp: Math.floor(Date.now() / 1000) + 60 });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload.sub).toBe('api-key:1');
  });

  it('publishes the same key as the local authority trusts', async () => {
    const key = await PlatformSigningKey.load(keyFile);
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(authority.platformJwksFile, 'utf8'))).toEqual(key.publicJwks());
  });

  it('publishes the previous key beside the current one during a rotation, and signs with the current one only', async () => {
    const rotated = new LocalAuthority(mkdtempSync(path.join(tmpdir(), 'gec-rotated-key-')));
    const before = rotated.platformKid;
    rotated.rotatePlatformKey();
    const env = rotated.env();
    const key = await PlatformSigningKey.load(env.AUTH_PLATFORM_SIGNING_KEY_FILE, env.AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE);
    expect(key.kid).toBe(rotated.platformKid);
    expect(key.previousKid).toBe(before);
    expect(key.publicJwks().keys.map((k) => k.kid)).toEqual([rotated.platformKid, before]);
    expect(key.publicJwks().keys.every((k) => !('d' in k))).toBe(true);
    expect(decodeProtectedHeader(await key.sign({ sub: 'x' })).kid).toBe(rotated.platformKid);

    // Only the public half of the previous key is needed.
    const publicOnly = path.join(dir, 'previous-public.json');
    writeFileSync(publicOnly, JSON.stringify({ kid: 'old', publicJwk: key.publicJwks().keys[1] }));
    expect((await PlatformSigningKey.load(env.AUTH_PLATFORM_SIGNING_KEY_FILE, publicOnly)).publicJwks().keys.map((k) => k.kid)).toEqual([rotated.platformKid, 'old']);
  });

  it.each([
    ['has the current kid', (current: string) => current],
    ['is not a key file', () => (writeFileSync(path.join(dir, 'garbage-previous.json'), '{}'), path.join(dir, 'garbage-previous.json'))],
  ])('fails the start naming AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE when it %s', async (_case, previous) => {
    await expect(PlatformSigningKey.load(keyFile, previous(keyFile))).rejects.toThrow(/AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE:/);
  });

  it('answers 503 (unavailable) when no key is configured', async () => {
    const key = await PlatformSigningKey.load(undefined);
    expect(key.kid).toBeNull();
    await expect(key.sign({ sub: 'x' })).rejects.toMatchObject({ code: 'unavailable' });
    expect(() => key.publicJwks()).toThrow(DomainError);
  });

  it.each([
    ['missing', path.join(dir, 'nowhere.json'), undefined],
    ['not JSON', path.join(dir, 'garbage.json'), '{oops'],
    ['without a private key', path.join(dir, 'public.json'), JSON.stringify({ kid: 'k', privateJwk: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' } })],
    ['an RSA key', path.join(dir, 'rsa.json'), JSON.stringify({ kid: 'k', privateJwk: { kty: 'RSA', n: 'a', e: 'AQAB', d: 'c' } })],
    ['not a point on the curve', path.join(dir, 'bad-point.json'), JSON.stringify({ kid: 'k', privateJwk: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', d: 'AAAA' } })],
  ])('fails the start naming AUTH_PLATFORM_SIGNING_KEY_FILE when the file is %s', async (_case, file, content) => {
    if (content !== undefined) writeFileSync(file, content);
    const loading = PlatformSigningKey.load(file);
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(PlatformSigningKey.load(file)).rejects.toThrow(/AUTH_PLATFORM_SIGNING_KEY_FILE:/);
  });
});
