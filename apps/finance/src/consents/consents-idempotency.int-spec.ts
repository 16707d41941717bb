import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { BanksRepository } from '../banks/banks.repository';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

const BANK = 'cq-green-bank';

describe('finance: Idempotency-Key on consents and API keys (real service, database and Redis)', () => {
  const run = new IsolatedRun();
  let service: RunningService;
  let serial = 0;
  const newUscc = () => makeUscc(`91500000MA5U${String(++serial).padStart(4, '0')}F`);
  const self = (uscc: string) => run.authority.headers({ role: 'enterprise', uscc });
  const consents = (uscc: string) => `${service.url}/v1/enterprises/${uscc}/consents`;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    await service.app.get(BanksRepository).upsert({ id: BANK, name: 'Chongqing Green Bank' });
  });

  afterAll(() => service?.close());

  it('grants a consent once when the grant is sent twice with one key', async () => {
    const uscc = newUscc();
    const headers = { ...(await self(uscc)), 'idempotency-key': `grant-${run.id}` };
    const first = await request('POST', consents(uscc), { bankId: BANK, scopes: ['rating'] }, headers);
    expect(first.status).toBe(201);
    const again = await request('POST', consents(uscc), { scopes: ['rating'], bankId: BANK }, headers);
    expect(again).toMatchObject({ status: 201, body: first.body });

    const listed = await request('GET', consents(uscc), undefined, await self(uscc));
    expect(listed.body.grants).toEqual([expect.objectContaining({ consentId: first.body.consentId })]);
    expect(listed.body.revoked).toEqual([]);

    // Without the key a repeat is a new grant, replacing the first (today's behaviour).
    const plain = await request('POST', consents(uscc), { bankId: BANK, scopes: ['rating'] }, await self(uscc));
    expect(plain.body.consentId).not.toBe(first.body.consentId);
  });

  it('refuses a key where the answer holds a secret (issuing an API key), issuing nothing', async () => {
    const admin = await run.authority.headers({ role: 'admin' });
    const refused = await request('POST', `${service.url}/v1/banks/${BANK}/api-keys`, undefined, { ...admin, 'idempotency-key': 'issue-1' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.stringMatching(/not stored/) }]);
    expect((await request('GET', `${service.url}/v1/banks/${BANK}/api-keys`, undefined, admin)).body).toEqual([]);
    const document = (await request('GET', `${service.url}/docs-json`)).body;
    expect(JSON.stringify(document.paths['/v1/banks/{bankId}/api-keys'].post.parameters ?? [])).not.toContain('Idempotency-Key');
    expect(document.paths['/v1/enterprises/{uscc}/consents'].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
  });
});
