import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, JSONWebKeySet, jwtVerify } from 'jose';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

describe('finance: API keys and platform tokens (real database)', () => {
  const run = new IsolatedRun();
  const bankId = 'cq-rural-bank';
  let service: RunningService;
  let admin: Record<string, string>;
  const keysUrl = (bank = bankId) => `${service.url}/v1/banks/${bank}/api-keys`;
  const exchange = (apiKey?: string) => request('POST', `${service.url}/v1/auth/token`, undefined, apiKey === undefined ? {} : { 'x-api-key': apiKey });
  const createKey = async (bank = bankId) => {
    const response = await request('POST', keysUrl(bank), undefined, admin);
    expect(response.status).toBe(201);
    return response.body as { keyId: string; apiKey: string; createdAt: string };
  };
  const platformKid = () => (JSON.parse(readFileSync(run.authority.env().AUTH_PLATFORM_SIGNING_KEY_FILE, 'utf8')) as { kid: string }).kid;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    admin = await run.authority.headers({ role: 'admin' });
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    expect((await request('POST', `${service.url}/v1/banks`, { id: bankId, name: 'Chongqing Rural Commercial Bank' }, admin)).status).toBe(201);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('issues a key once, exchanges it for a bank token that finance itself accepts, and never shows the secret again', async () => {
    const key = await createKey();
    expect(key.apiKey).toMatch(new RegExp(`^gec_${key.keyId}_[A-Za-z0-9_-]{43}$`));

    const response = await exchange(key.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 300 });
    const token: string = response.body.access_token;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: platformKid() });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: run.authority.platformIssuer, aud: run.authority.audience, sub: `api-key:${key.keyId}`, role: 'bank', bank_id: bankId });
    expect(claims.exp! - claims.iat!).toBe(300);

    const banks = await request('GET', `${service.url}/v1/banks`, undefined, { authorization: `Bearer ${token}` });
    expect(banks.status).toBe(200);
    expect(banks.body).toContainEqual({ id: bankId, name: 'Chongqing Rural Commercial Bank' });
    expect((await request('POST', `${service.url}/v1/banks`, { id: 'self-made', name: 'X' }, { authorization: `Bearer ${token}` })).status).toBe(403);

    const listed = await request('GET', keysUrl(), undefined, admin);
    expect(listed.status).toBe(200);
    const entry = listed.body.find((k: { keyId: string }) => k.keyId === key.keyId);
    expect(entry).toEqual({ keyId: key.keyId, bankId, createdAt: key.createdAt, revokedAt: null, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed.body)).not.toContain(key.apiKey.split('_').slice(2).join('_'));
  });

  it('publishes a JWKS whose key verifies the issued token', async () => {
    const token = (await exchange((await createKey()).apiKey)).body.access_token as string;
    const jwks = await request<JSONWebKeySet>('GET', `${service.url}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toEqual([{ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: platformKid(), alg: 'ES256', use: 'sig' }]);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks.body), { issuer: run.authority.platformIssuer, audience: run.authority.audience, algorithms: ['ES256'] });
    expect(payload).toMatchObject({ role: 'bank', bank_id: bankId });
  });

  it('rotates: a new key works, the revoked old one gets 401, and revoking is idempotent', async () => {
    const old = await createKey();
    const fresh = await createKey();
    expect(fresh.keyId).not.toBe(old.keyId);
    const revoked = await request('DELETE', `${keysUrl()}/${old.keyId}`, undefined, admin);
    expect(revoked.status).toBe(204);

    const refused = await exchange(old.apiKey);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/revoked/);
    expect((await exchange(fresh.apiKey)).status).toBe(200);

    const listed = (await request('GET', keysUrl(), undefined, admin)).body as Array<{ keyId: string; revokedAt: string | null }>;
    const revokedAt = listed.find((k) => k.keyId === old.keyId)!.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    expect(listed.find((k) => k.keyId === fresh.keyId)!.revokedAt).toBeNull();
    expect((await request('DELETE', `${keysUrl()}/${old.keyId}`, undefined, admin)).status).toBe(204);
    const again = (await request('GET', keysUrl(), undefined, admin)).body as Array<{ keyId: string; revokedAt: string | null }>;
    expect(again.find((k) => k.keyId === old.keyId)!.revokedAt).toBe(revokedAt);
  });

  it('answers 401 problem+json to a wrong secret, an unknown, malformed or missing key', async () => {
    const key = await createKey();
    const secret = key.apiKey.slice(`gec_${key.keyId}_`.length);
    const wrongSecret = `gec_${key.keyId}_${secret[0] === 'A' ? 'B' : 'A'}${secret.slice(1)}`;
    const unknownKey = `gec_${'0'.repeat(24)}_${secret}`;
    for (const presented of [wrongSecret, unknownKey, 'not-a-key', `${key.apiKey}x`, undefined]) {
      const response = await exchange(presented);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.detail).not.toMatch(/revoked/);
    }
    // A wrong secret does not count as a use of the key.
    const listed = (await request('GET', keysUrl(), undefined, admin)).body as Array<{ keyId: string; lastUsedAt: string | null }>;
    expect(listed.find((k) => k.keyId === key.keyId)!.lastUsedAt).toBeNull();
  });

  it('answers 404 for an unknown bank or key and 400 for a malformed bank id', async () => {
    expect((await request('POST', keysUrl('no-such-bank'), undefined, admin)).status).toBe(404);
    expect((await request('GET', keysUrl('no-such-bank'), undefined, admin)).status).toBe(404);
    expect((await request('DELETE', `${keysUrl()}/${'0'.repeat(24)}`, undefined, admin)).status).toBe(404);
    expect((await request('GET', keysUrl('Bad Bank!'), undefined, admin)).status).toBe(400);
    // A key revoked under another bank's path is not found there, and stays usable.
    const key = await createKey();
    expect((await request('DELETE', `${keysUrl('cq-green-bank')}/${key.keyId}`, undefined, admin)).status).toBe(404);
    expect((await exchange(key.apiKey)).status).toBe(200);
  });

  it('refuses the key administration to every other role (403) and to callers without a token (401)', async () => {
    const key = await createKey();
    const others = [
      await run.authority.headers({ role: 'enterprise', uscc: makeUscc('91500000MA5U7AA1X') }),
      await run.authority.headers({ role: 'bank', bankId }),
      await run.authority.headers({ role: 'regulator', region: '50' }),
      { authorization: `Bearer ${(await exchange(key.apiKey)).body.access_token}` },
    ];
    for (const headers of others) {
      expect((await request('POST', keysUrl(), undefined, headers)).status).toBe(403);
      expect((await request('GET', keysUrl(), undefined, headers)).status).toBe(403);
      expect((await request('DELETE', `${keysUrl()}/${key.keyId}`, undefined, headers)).status).toBe(403);
    }
    expect((await request('POST', keysUrl())).status).toBe(401);
    expect((await request('GET', keysUrl())).status).toBe(401);
    expect((await exchange(key.apiKey)).status).toBe(200);
  });

  it('documents the routes with who may call them', async () => {
    const docs = await request('GET', `${service.url}/docs-json`);
    const keys = docs.body.paths['/v1/banks/{bankId}/api-keys'];
    expect(keys.post['x-allowed-roles']).toEqual(['admin']);
    expect(keys.post.summary).toMatch(/rotate/i);
    expect(docs.body.paths['/v1/banks/{bankId}/api-keys/{keyId}'].delete['x-allowed-roles']).toEqual(['admin']);
    expect(docs.body.paths['/v1/auth/token'].post.security).toEqual([{}]);
    expect(docs.body.paths['/.well-known/jwks.json'].get.security).toEqual([{}]);
  });

  it('still starts without a signing key, answering 503 on the token and JWKS routes', async () => {
    const { AUTH_PLATFORM_SIGNING_KEY_FILE: _unset, ...env } = run.env('finance', { MONGO_DB: run.dbName('finance-unsigned'), KAFKA_CONSUMER_GROUP: 'finance-unsigned' });
    const unsigned = await startInProcess(() => createFinanceApp(readFinanceConfig(env)));
    try {
      const token = await request('POST', `${unsigned.url}/v1/auth/token`, undefined, { 'x-api-key': `gec_${'0'.repeat(24)}_${'A'.repeat(43)}` });
      expect(token.status).toBe(503);
      expect(token.headers.get('content-type')).toContain('application/problem+json');
      expect(token.body.detail).toMatch(/AUTH_PLATFORM_SIGNING_KEY_FILE/);
      expect((await request('GET', `${unsigned.url}/.well-known/jwks.json`)).status).toBe(503);
      expect((await request('GET', `${unsigned.url}/v1/banks`, undefined, admin)).status).toBe(200);
    } finally {
      await unsigned.close();
    }
  });
});
