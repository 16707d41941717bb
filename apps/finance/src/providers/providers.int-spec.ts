import { decodeJwt } from 'jose';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, waitFor } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

describe('finance: data providers and their machine clients (real database and Redis)', () => {
  const run = new IsolatedRun();
  const grid = { id: 'cq-grid', name: 'State Grid Chongqing', kind: 'grid', regionScope: '50', figures: ['energy.electricity', 'greenElectricity'] };
  let service: RunningService;
  let admin: Record<string, string>;
  const providersUrl = (path = '') => `${service.url}/v1/providers${path}`;
  const exchange = (apiKey: string) => request('POST', `${service.url}/v1/auth/token`, undefined, { 'x-api-key': apiKey });

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    admin = await run.authority.headers({ role: 'admin' });
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
  });

  afterAll(async () => {
    await service?.close();
  });

  it('lets an administrator register a provider once, and list and read it', async () => {
    const created = await request('POST', providersUrl(), grid, admin);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...grid, createdAt: expect.any(String) });
    expect((await request('POST', providersUrl(), grid, admin)).status).toBe(409);
    expect((await request('GET', providersUrl(), undefined, admin)).body).toContainEqual(created.body);
    expect((await request('GET', providersUrl('/cq-grid'), undefined, admin)).body).toEqual(created.body);
    expect((await request('GET', providersUrl('/nobody'), undefined, admin)).status).toBe(404);
  });

  it.each([
    ['a figure the report has not', { figures: ['energy.wood'] }, 'figures[0]'],
    ['no figures', { figures: [] }, 'figures'],
    ['a region that is no GB/T 2260 prefix', { regionScope: '5' }, 'regionScope'],
    ['an unknown kind', { kind: 'bank' }, 'kind'],
  ])('refuses %s with 400 naming the field', async (_case, change, field) => {
    const response = await request('POST', providersUrl(), { ...grid, id: 'bad-provider', ...change }, admin);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses other roles', async () => {
    for (const headers of [await run.authority.headers({ role: 'regulator', region: '50' }), await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' })]) {
      expect((await request('POST', providersUrl(), { ...grid, id: 'rogue' }, headers)).status).toBe(403);
      expect((await request('GET', providersUrl(), undefined, headers)).status).toBe(403);
    }
  });

  it("exchanges a provider's API key for a provider token carrying its scope, until the key is revoked", async () => {
    const key = await request('POST', providersUrl('/cq-grid/api-keys'), undefined, admin);
    expect(key.status).toBe(201);
    const token = await exchange(key.body.apiKey);
    expect(token.status).toBe(200);
    const claims = decodeJwt(token.body.access_token);
    expect(claims).toMatchObject({ iss: run.authority.platformIssuer, sub: `api-key:${key.body.keyId}`, role: 'provider', provider_id: 'cq-grid', region: '50', figures: grid.figures });
    expect(claims.bank_id).toBeUndefined();
    const bearer = { authorization: `Bearer ${token.body.access_token}` };
    // Accepted (a provider may not list banks: 403, not 401).
    expect((await request('GET', `${service.url}/v1/banks`, undefined, bearer)).status).toBe(403);

    const listed = await request('GET', providersUrl('/cq-grid/api-keys'), undefined, admin);
    expect(listed.body).toEqual([{ keyId: key.body.keyId, providerId: 'cq-grid', createdAt: key.body.createdAt, revokedAt: null, lastUsedAt: expect.any(String) }]);
    // Not a bank's key.
    expect((await request('DELETE', `${service.url}/v1/banks/cq-green-bank/api-keys/${key.body.keyId}`, undefined, admin)).status).toBe(404);

    expect((await request('DELETE', providersUrl(`/cq-grid/api-keys/${key.body.keyId}`), undefined, admin)).status).toBe(204);
    expect((await exchange(key.body.apiKey)).status).toBe(401);
    await waitFor('the revoked token to be refused', async () => (await request('GET', `${service.url}/v1/banks`, undefined, bearer)).status === 401);
  });

  it('issues no key for a provider that is not registered', async () => {
    expect((await request('POST', providersUrl('/nobody/api-keys'), undefined, admin)).status).toBe(404);
  });
});
