import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

describe('finance: products managed by administrators', () => {
  const run = new IsolatedRun();
  let service: RunningService;
  let admin: Record<string, string>;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    admin = await run.authority.headers({ role: 'admin' });
  });

  afterAll(async () => {
    await service?.close();
  });

  const put = (id: string, body: unknown, headers: Record<string, string>) => request('PUT', `${service.url}/v1/products/${id}`, body, headers);
  const products = async () => (await request('GET', `${service.url}/v1/products`, undefined, admin)).body as Array<{ id: string; name: string; rule: unknown }>;

  it('lets an administrator add a product and change the seeded one, and keeps the change across a restart', async () => {
    const transition = { name: 'Transition loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 4 }] } };
    expect((await put('transition-loan', transition, admin)).status).toBe(200);
    const stricter = { name: 'Green loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 2 }, { field: 'level', op: 'notIn', value: ['high'] }] } };
    expect((await put('green-loan', stricter, admin)).status).toBe(200);
    expect(await products()).toEqual([
      { id: 'green-loan', ...stricter },
      { id: 'transition-loan', ...transition },
    ]);

    // A second instance seeds from the same configuration: the administrator's rule stays.
    const restarted = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { QUEUE_PREFIX: `${run.id}-second`, KAFKA_CONSUMER_GROUP: 'finance-second' }))));
    await restarted.close();
    expect((await products()).find((p) => p.id === 'green-loan')).toEqual({ id: 'green-loan', ...stricter });
  });

  it.each([
    ['an enterprise', { role: 'enterprise', uscc: '91500000MA5U7AAA0X' }],
    ['a bank', { role: 'bank', bankId: 'cq-green-bank' }],
    ['a regulator', { role: 'regulator', region: '50' }],
  ] as const)('refuses %s with 403', async (_label, claims) => {
    expect((await put('green-loan', { name: 'X', rule: { conditions: [] } }, await run.authority.headers(claims))).status).toBe(403);
  });

  it('names the field of a rule it cannot evaluate', async () => {
    const response = await put('green-loan', { name: 'Green loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 9 }] } }, admin);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('rule.conditions[0].value');
    expect((await put('Bad Id', { name: 'X', rule: { conditions: [] } }, admin)).status).toBe(400);
  });
});
