import { decodeProtectedHeader } from 'jose';
import { createPlatformTopics, freePort, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { createFinanceApp } from '../../finance.app';
import { readFinanceConfig } from '../../finance.config';

/**
 * Rotating the platform signing key with an overlap: finance restarted with a new current key and the old one as
 * previous publishes both, so a token signed before the rotation still verifies (through the JWKS it serves, as every
 * service would fetch it) while new tokens carry the new kid; once the previous key is dropped, its tokens stop.
 */
describe('finance: rotating the platform signing key (real database)', () => {
  const run = new IsolatedRun();
  const bankId = 'cq-green-bank';
  let port: number;
  let service: RunningService | undefined;
  let admin: Record<string, string>;

  const start = async () => {
    // The verifier reads the platform keys from finance's own JWKS over loopback http, as other services would over https.
    const env = run.env('finance', { PORT: String(port), AUTH_PLATFORM_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` });
    delete env.AUTH_PLATFORM_JWKS_FILE;
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(env)));
    return service;
  };
  const stop = async () => {
    await service?.close();
    service = undefined;
  };
  const exchange = async (apiKey: string) => {
    const response = await request('POST', `${service!.url}/v1/auth/token`, undefined, { 'x-api-key': apiKey });
    expect(response.status).toBe(200);
    return response.body.access_token as string;
  };
  const banksWith = async (token: string) => (await request('GET', `${service!.url}/v1/banks`, undefined, { authorization: `Bearer ${token}` })).status;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    port = await freePort();
    admin = await run.authority.headers({ role: 'admin' });
  });

  afterAll(stop);

  it('keeps tokens of the previous key valid during the overlap and signs new ones with the new key', async () => {
    await start();
    const key = await request('POST', `${service!.url}/v1/banks/${bankId}/api-keys`, undefined, admin);
    expect(key.status).toBe(201);
    const oldKid = run.authority.platformKid;
    const before = await exchange(key.body.apiKey);
    expect(decodeProtectedHeader(before).kid).toBe(oldKid);
    expect(await banksWith(before)).toBe(200);
    await stop();

    run.authority.rotatePlatformKey();
    const newKid = run.authority.platformKid;
    expect(newKid).not.toBe(oldKid);
    await start();
    const jwks = await request('GET', `${service!.url}/.well-known/jwks.json`);
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual([newKid, oldKid]);
    expect(await banksWith(before)).toBe(200);
    const after = await exchange(key.body.apiKey);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(await banksWith(after)).toBe(200);
    await stop();

    // The overlap over: the previous key is no longer published, and its tokens are refused.
    const { AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE: _dropped, ...rest } = run.authority.env();
    expect(_dropped).toBeDefined();
    const env = { ...run.env('finance', { PORT: String(port), AUTH_PLATFORM_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` }), ...rest };
    delete env.AUTH_PLATFORM_JWKS_FILE;
    delete env.AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE;
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(env)));
    expect((await request('GET', `${service.url}/.well-known/jwks.json`)).body.keys.map((k: { kid: string }) => k.kid)).toEqual([newKid]);
    expect(await banksWith(before)).toBe(401);
    expect(await banksWith(after)).toBe(200);
  }, 60_000);
});
