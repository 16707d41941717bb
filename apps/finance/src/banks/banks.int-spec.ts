import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

describe('finance: banks (real database)', () => {
  const run = new IsolatedRun();
  const seeded = [
    { id: 'cq-green-bank', name: 'Chongqing Green Bank' },
    { id: 'cq-rural-bank', name: 'Chongqing Rural Commercial Bank' },
  ];
  let service: RunningService;
  let admin: Record<string, string>;
  const enterprise = () => run.authority.headers({ role: 'enterprise', uscc: makeUscc('91500000MA5U7AA1X') });
  const banksUrl = () => `${service.url}/v1/banks`;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    admin = await run.authority.headers({ role: 'admin' });
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { FINANCE_BANKS: JSON.stringify(seeded) }))));
  });

  afterAll(async () => {
    await service?.close();
  });

  it('seeds the configured banks and lists them to every signed-in role', async () => {
    const callers = [
      await enterprise(),
      await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' }),
      await run.authority.headers({ role: 'regulator', region: '50' }),
      admin,
    ];
    for (const headers of callers) {
      const response = await request('GET', banksUrl(), undefined, headers);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expect.arrayContaining(seeded));
    }
  });

  it('lets an administrator add a bank, once', async () => {
    const created = await request('POST', banksUrl(), { id: 'zj-huzhou-bank', name: ' Huzhou Bank ' }, admin);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'zj-huzhou-bank', name: 'Huzhou Bank' });
    expect((await request('GET', banksUrl(), undefined, admin)).body).toContainEqual({ id: 'zj-huzhou-bank', name: 'Huzhou Bank' });

    const again = await request('POST', banksUrl(), { id: 'zj-huzhou-bank', name: 'Another' }, admin);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect((await request('POST', banksUrl(), { id: 'cq-green-bank', name: 'Seeded' }, admin)).status).toBe(409);
  });

  it.each([
    ['an id with spaces', 'id', { id: 'Huzhou Bank', name: 'X' }],
    ['a one-letter id', 'id', { id: 'h', name: 'X' }],
    ['no name', 'name', { id: 'hz-bank' }],
    ['an unexpected field', 'colour', { id: 'hz-bank', name: 'X', colour: 'green' }],
  ])('refuses %s with 400 naming %s', async (_case, field, body) => {
    const response = await request('POST', banksUrl(), body, admin);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses other roles (403) and callers without a token (401)', async () => {
    const bank = { id: 'rogue-bank', name: 'Rogue' };
    for (const headers of [
      await enterprise(),
      await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' }),
      await run.authority.headers({ role: 'regulator', region: '50' }),
    ]) {
      expect((await request('POST', banksUrl(), bank, headers)).status).toBe(403);
    }
    expect((await request('POST', banksUrl(), bank)).status).toBe(401);
    expect((await request('GET', banksUrl())).status).toBe(401);
    expect((await request('GET', banksUrl(), undefined, admin)).body).not.toContainEqual(bank);
  });

  it('documents who may call each route', async () => {
    const docs = await request('GET', `${service.url}/docs-json`);
    expect(docs.body.paths['/v1/banks'].post['x-allowed-roles']).toEqual(['admin']);
    expect(docs.body.paths['/v1/banks'].get['x-allowed-roles']).toEqual(['enterprise', 'bank', 'regulator', 'admin']);
  });
});
