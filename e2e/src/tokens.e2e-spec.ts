import path from 'node:path';
import { createPlatformTopics, IsolatedRun, request, serviceReady, ServiceProcess, spawnService, TokenClaims, waitFor } from '@gec/testing';

/**
 * Bearer tokens an attacker could present, each against a running service over HTTP: every one is refused with
 * 401 problem+json. Finance runs as two replicas (separate processes sharing the database and Redis): API keys are
 * created and revoked through one, and the other must refuse the revoked key's token within a couple of seconds.
 */
describe('tokens a service refuses (finance as two processes)', () => {
  const run = new IsolatedRun();
  const bankId = 'cq-green-bank';
  const maxAgeSeconds = 3600;
  let replicas: ServiceProcess[] = [];
  let admin: Record<string, string>;
  const authority = run.authority;
  const banks = (replica: ServiceProcess, headers: Record<string, string>) => request('GET', `${replica.url}/v1/banks`, undefined, headers);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const [first, second] = [() => replicas[0], () => replicas[1]];

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    const logDir = path.resolve(__dirname, '../../.local/e2e-logs', run.id);
    const env = run.env('finance', { LOG_LEVEL: 'info', AUTH_TOKEN_MAX_AGE_SECONDS: String(maxAgeSeconds) });
    replicas = await Promise.all([0, 1].map((i) => spawnService('finance', { env, logDir: path.join(logDir, `replica-${i}`) })));
    await Promise.all(replicas.map((replica) => serviceReady(replica)));
    admin = await authority.headers({ role: 'admin' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it('accepts a good token (the baseline the cases below differ from)', async () => {
    expect((await banks(second(), admin)).status).toBe(200);
  });

  const admins: TokenClaims = { role: 'admin' };
  const refused: Array<[string, () => Promise<string> | string]> = [
    ['an expired token', () => authority.token(admins, { expiresInSeconds: -60 })],
    ['a token not yet valid (nbf ahead)', () => authority.token(admins, { notBeforeInSeconds: 300 })],
    ['a token older than the maximum age, though not expired', () => authority.token(admins, { issuedSecondsAgo: maxAgeSeconds + 120, expiresInSeconds: 3600 })],
    ['a token without iat', () => authority.token(admins, { issuedSecondsAgo: null })],
    ['a token for another audience', () => authority.token(admins, { audience: 'another-platform' })],
    ["a token for another service's audience", () => authority.token(admins, { audience: `${authority.audience}/intake` })],
    ['a token from another issuer', () => authority.token(admins, { issuer: 'https://evil.example' })],
    ['a token of another type (typ JWT, as an ID token)', () => authority.token(admins, { type: 'JWT' })],
    ['a token without typ', () => authority.token(admins, { type: null })],
    ['an unsigned token (alg none)', () => authority.unsignedToken(admins)],
    ['a token signed HS256 with the public key as secret', () => authority.publicKeyHmacToken(admins)],
    ['a token signed with a key not in the JWKS', () => authority.token(admins, { unknownKid: true })],
    ['a token signed with another key under a trusted kid', () => authority.token(admins, { untrustedKey: true })],
    ["an administrator's token from the platform issuer (a leaked platform key)", () => authority.platformToken({ sub: 'platform-admin', role: 'admin' })],
    ["a long-lived bank token from the platform issuer (a leaked platform key)", () => authority.platformToken({ sub: `api-key:${'0'.repeat(24)}`, role: 'bank', bank_id: bankId, jti: 'x', exp: Math.floor(Date.now() / 1000) + 30 * 24 * 3600 })],
  ];

  it.each(refused)('refuses %s with 401 problem+json', async (_case, make) => {
    const response = await banks(second(), bearer(await make()));
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 401, type: expect.stringContaining('application/problem+json') });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it("accepts a token for the service's own audience", async () => {
    expect((await banks(second(), await authority.headers(admins, { audience: `${authority.audience}/finance` }))).status).toBe(200);
  });

  it("refuses a revoked API key's token on the other replica within a couple of seconds, though it had accepted it", async () => {
    const created = await request('POST', `${first().url}/v1/banks/${bankId}/api-keys`, undefined, admin);
    expect(created.status).toBe(201);
    const exchanged = await request('POST', `${first().url}/v1/auth/token`, undefined, { 'x-api-key': created.body.apiKey });
    expect(exchanged.status).toBe(200);
    const token = bearer(exchanged.body.access_token);
    // Accepted, so remembered by the verifier of each replica.
    expect((await banks(first(), token)).status).toBe(200);
    expect((await banks(second(), token)).status).toBe(200);

    expect((await request('DELETE', `${first().url}/v1/banks/${bankId}/api-keys/${created.body.keyId}`, undefined, admin)).status).toBe(204);
    const revokedAt = Date.now();
    expect((await banks(first(), token)).status).toBe(401);
    const response = await waitFor('the other replica to refuse the token', async () => {
      const answer = await banks(second(), token);
      return answer.status !== 200 && answer;
    }, { timeoutMs: 2000, intervalMs: 20 });
    expect(Date.now() - revokedAt).toBeLessThan(2000);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.detail).toMatch(/revoked/);
  });
});
