import { ConsentChanged, DataAccessed, EventEnvelope, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { newId } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TokenClaims, TopicReader, waitFor, ratingChangedFixture } from '@gec/testing';
import { BanksRepository } from '../banks/banks.repository';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

const GREEN_BANK = 'cq-green-bank';
const OTHER_BANK = 'zj-loan-bank';

describe('finance: consents, bank access to eligibility, and the access log (real Kafka and database)', () => {
  const run = new IsolatedRun();
  let service: RunningService;
  let publisher: TestPublisher;
  let consentEvents: TopicReader;
  let enterprises = 0;

  const newUscc = () => makeUscc(`91500000MA5U${String(++enterprises).padStart(5, '0')}`);
  const headers = (claims: TokenClaims) => run.authority.headers(claims);
  const self = (uscc: string) => headers({ role: 'enterprise', uscc });
  const bank = (bankId = GREEN_BANK) => headers({ role: 'bank', bankId });
  const consents = (uscc: string) => `${service.url}/v1/enterprises/${uscc}/consents`;
  const eligibility = async (uscc: string, as: Record<string, string>) => request('GET', `${service.url}/v1/eligibility/${uscc}`, undefined, as);
  const accessLog = async (uscc: string, as: Record<string, string>, query = '') => request('GET', `${service.url}/v1/enterprises/${uscc}/access-log${query}`, undefined, as);
  const grant = async (uscc: string, body: object) => request('POST', consents(uscc), body, await self(uscc));
  const withoutUscc = <T extends { uscc?: string }>({ uscc: _uscc, ...rest }: T) => rest;
  const consentEventsOf = (uscc: string) => consentEvents.json<EventEnvelope<ConsentChanged>>().filter((e) => e.payload.uscc === uscc);

  const rating = (uscc: string, grade: number) => ratingChangedFixture(uscc, { grade });

  /** An enterprise with an eligibility decision its own token can read. */
  async function ratedEnterprise(): Promise<string> {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, 2));
    const own = await self(uscc);
    await waitFor(`the decision for ${uscc}`, async () => (await eligibility(uscc, own)).status === 200);
    return uscc;
  }

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    const banks = service.app.get(BanksRepository);
    await banks.upsert({ id: GREEN_BANK, name: 'Chongqing Green Bank' });
    await banks.upsert({ id: OTHER_BANK, name: 'Zhejiang Loan Bank' });
    publisher = new TestPublisher(run.topicPrefix);
    consentEvents = await new TopicReader(publisher.physical(TOPICS.consentChanged)).start();
  });

  afterAll(async () => {
    await consentEvents?.stop();
    await publisher?.close();
    await service?.close();
  });

  it('grants, re-grants, lists and revokes consents, publishing each change', async () => {
    const uscc = newUscc();
    const first = await grant(uscc, { bankId: GREEN_BANK });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ uscc, bankId: GREEN_BANK, consentId: expect.any(String), scopes: ['rating', 'eligibility'], grantedAt: expect.any(String), expiresAt: null });

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const second = await grant(uscc, { bankId: GREEN_BANK, scopes: ['rating'], expiresAt });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ bankId: GREEN_BANK, scopes: ['rating'], expiresAt });
    expect(second.body.consentId).not.toBe(first.body.consentId);
    const other = await grant(uscc, { bankId: OTHER_BANK, scopes: ['eligibility', 'rating', 'eligibility'] });
    expect(other.body.scopes).toEqual(['rating', 'eligibility']);

    const listed = await request('GET', consents(uscc), undefined, await self(uscc));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      uscc,
      grants: [
        { ...withoutUscc(other.body), inForce: true },
        { ...withoutUscc(second.body), inForce: true },
      ],
      revoked: [{ bankId: GREEN_BANK, consentId: first.body.consentId, scopes: ['rating', 'eligibility'], grantedAt: first.body.grantedAt, expiresAt: null, revokedAt: second.body.grantedAt, replacedBy: second.body.consentId }],
    });

    const revoke = await request('DELETE', `${consents(uscc)}/${GREEN_BANK}`, undefined, await self(uscc));
    expect(revoke.status).toBe(204);
    expect((await request('DELETE', `${consents(uscc)}/${GREEN_BANK}`, undefined, await self(uscc))).status).toBe(404);
    const afterRevoke = await request('GET', consents(uscc), undefined, await headers({ role: 'admin' }));
    expect(afterRevoke.status).toBe(200);
    expect(afterRevoke.body.grants.map((g: { bankId: string }) => g.bankId)).toEqual([OTHER_BANK]);
    expect(afterRevoke.body.revoked).toEqual([
      expect.objectContaining({ consentId: second.body.consentId, replacedBy: null, revokedAt: expect.any(String) }),
      expect.objectContaining({ consentId: first.body.consentId, replacedBy: second.body.consentId }),
    ]);

    const events = await waitFor('four consent-changed events', () => consentEventsOf(uscc).length >= 4 && consentEventsOf(uscc));
    expect(events).toHaveLength(4);
    expect(events.map((e) => ({ key: e.key, type: e.type, producer: e.producer }))).toEqual(Array(4).fill({ key: uscc, type: TOPICS.consentChanged.type, producer: 'finance' }));
    expect(events.map((e) => e.payload)).toEqual([
      { uscc, bankId: GREEN_BANK, consentId: first.body.consentId, granted: true, scopes: ['rating', 'eligibility'], expiresAt: null, changedAt: first.body.grantedAt },
      { uscc, bankId: GREEN_BANK, consentId: second.body.consentId, granted: true, scopes: ['rating'], expiresAt, changedAt: second.body.grantedAt },
      { uscc, bankId: OTHER_BANK, consentId: other.body.consentId, granted: true, scopes: ['rating', 'eligibility'], expiresAt: null, changedAt: other.body.grantedAt },
      { uscc, bankId: GREEN_BANK, consentId: second.body.consentId, granted: false, scopes: ['rating'], expiresAt, changedAt: afterRevoke.body.revoked[0].revokedAt },
    ]);
  });

  it('refuses an unknown bank, a past expiry, an unknown scope and a malformed code with 400 naming the field', async () => {
    const uscc = newUscc();
    const cases: Array<[object, string]> = [
      [{ bankId: 'no-such-bank' }, 'bankId'],
      [{ bankId: 'Not A Bank!' }, 'bankId'],
      [{ bankId: GREEN_BANK, expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      [{ bankId: GREEN_BANK, expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ bankId: GREEN_BANK, scopes: ['reports'] }, 'scopes[0]'],
      [{ bankId: GREEN_BANK, scopes: [] }, 'scopes'],
      [{ bankId: GREEN_BANK, colour: 'green' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await grant(uscc, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await request('GET', consents('91500000MA5U0000XX'), undefined, await headers({ role: 'admin' }))).status).toBe(400);
    expect((await request('DELETE', `${consents(uscc)}/Not_A_Bank`, undefined, await self(uscc))).status).toBe(400);
    expect(consentEventsOf(uscc)).toEqual([]);
  });

  it("hides an enterprise's consents from other enterprises and refuses roles that may not call", async () => {
    const uscc = newUscc();
    await grant(uscc, { bankId: GREEN_BANK });
    const stranger = await self(newUscc());
    expect((await request('GET', consents(uscc), undefined, stranger)).status).toBe(404);
    expect((await request('POST', consents(uscc), { bankId: OTHER_BANK }, stranger)).status).toBe(404);
    expect((await request('DELETE', `${consents(uscc)}/${GREEN_BANK}`, undefined, stranger)).status).toBe(404);
    expect((await request('GET', consents(uscc), undefined, await bank())).status).toBe(403);
    expect((await request('GET', consents(uscc), undefined, await headers({ role: 'regulator', region: '50' }))).status).toBe(403);
    expect((await request('POST', consents(uscc), { bankId: OTHER_BANK }, await headers({ role: 'admin' }))).status).toBe(403);
    expect((await request('DELETE', `${consents(uscc)}/${GREEN_BANK}`, undefined, await bank())).status).toBe(403);
    const anonymous = await request('GET', consents(uscc));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it("lets a bank read eligibility only under an unrevoked, unexpired consent that includes 'eligibility'", async () => {
    const uscc = await ratedEnterprise();
    const greenBank = await bank();
    expect((await eligibility(uscc, greenBank)).status).toBe(404);

    expect((await grant(uscc, { bankId: GREEN_BANK, scopes: ['eligibility'] })).status).toBe(201);
    const read = await eligibility(uscc, greenBank);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ uscc, product: 'green-loan', eligible: true, rating: { grade: 2, period: '2026-06' } });
    // Another bank's consent is not this bank's.
    expect((await eligibility(uscc, await bank(OTHER_BANK))).status).toBe(404);

    expect((await request('DELETE', `${consents(uscc)}/${GREEN_BANK}`, undefined, await self(uscc))).status).toBe(204);
    expect((await eligibility(uscc, greenBank)).status).toBe(404);

    await grant(uscc, { bankId: GREEN_BANK, scopes: ['rating'] });
    expect((await eligibility(uscc, greenBank)).status).toBe(404);

    await grant(uscc, { bankId: GREEN_BANK, expiresAt: new Date(Date.now() + 3000).toISOString() });
    expect((await eligibility(uscc, greenBank)).status).toBe(200);
    await waitFor('the consent to expire', async () => (await eligibility(uscc, greenBank)).status === 404, { timeoutMs: 10_000, intervalMs: 250 });
  });

  it("shows the enterprise each bank read of its data, with the consent it relied on, through Kafka", async () => {
    const uscc = await ratedEnterprise();
    const { body: consent } = await grant(uscc, { bankId: GREEN_BANK });
    expect((await eligibility(uscc, await bank())).status).toBe(200);
    const admin = await headers({ role: 'admin' });
    expect((await eligibility(uscc, admin)).status).toBe(200);

    const own = await self(uscc);
    const log = await waitFor('both reads in the access log', async () => {
      const response = await accessLog(uscc, own);
      return response.status === 200 && response.body.entries.length >= 2 && response.body;
    });
    const month = new Date().toISOString().slice(0, 7);
    expect(log).toMatchObject({ uscc, month });
    expect(log.entries).toHaveLength(2);
    const [newest, older] = log.entries;
    expect(older).toEqual({
      accessId: expect.any(String),
      accessedAt: expect.any(String),
      service: 'finance',
      resource: 'eligibility green-loan',
      role: 'bank',
      subject: `bank-officer-${GREEN_BANK}`,
      bankId: GREEN_BANK,
      regionPrefix: null,
      basis: 'consent',
      consentId: consent.consentId,
    });
    expect(newest).toMatchObject({ role: 'admin', basis: 'admin', bankId: null, consentId: null, resource: 'eligibility green-loan' });
    expect(Date.parse(newest.accessedAt)).toBeGreaterThanOrEqual(Date.parse(older.accessedAt));
    // The enterprise's own reads are not recorded.
    expect((await eligibility(uscc, own)).status).toBe(200);

    expect((await accessLog(uscc, own, `?month=${month}`)).body.entries).toHaveLength(2);
    expect((await accessLog(uscc, own, '?month=2020-01')).body).toEqual({ uscc, month: '2020-01', entries: [], next: null });
    const badMonth = await accessLog(uscc, own, '?month=2026-13');
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.errors.map((e: { field: string }) => e.field)).toEqual(['month']);
    expect((await accessLog(uscc, admin)).status).toBe(200);
    expect((await accessLog(uscc, await self(newUscc()))).status).toBe(404);
    expect((await accessLog(uscc, await bank())).status).toBe(403);
    expect((await accessLog(uscc, await headers({ role: 'regulator', region: '50' }))).status).toBe(403);
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/access-log`)).status).toBe(401);
  });

  it("files other services' records by the month they happened, once per access even when delivered twice", async () => {
    const uscc = newUscc();
    const accessed: DataAccessed = {
      accessId: newId(),
      uscc,
      service: 'rating',
      resource: 'rating 2026-10',
      subject: 'regulator-50',
      role: 'regulator',
      bankId: null,
      regionPrefix: '50',
      basis: 'jurisdiction',
      consentId: null,
      accessedAt: '2026-10-31T23:59:59.000Z',
    };
    await publisher.publish(TOPICS.dataAccessed, accessed);
    // The same access in a second event (a producer retry that got a new event id) is still one entry.
    await publisher.publish(TOPICS.dataAccessed, accessed);
    const later = { ...accessed, accessId: newId(), accessedAt: '2026-11-01T00:00:00.000Z' };
    await publisher.publish(TOPICS.dataAccessed, later);

    const own = await self(uscc);
    const november = await waitFor('the November entry', async () => {
      const body = (await accessLog(uscc, own, '?month=2026-11')).body;
      return body?.entries?.length === 1 && body;
    });
    expect(november.entries[0]).toMatchObject({ accessId: later.accessId, service: 'rating', role: 'regulator', basis: 'jurisdiction', regionPrefix: '50' });
    // Same key, same partition: the November entry came after both October deliveries.
    const october = await accessLog(uscc, own, '?month=2026-10');
    expect(october.body.entries).toEqual([withoutUscc(accessed)]);
  });

  it('documents who may call each route', async () => {
    const { paths } = (await request('GET', `${service.url}/docs-json`)).body;
    expect(paths['/v1/enterprises/{uscc}/consents'].post['x-allowed-roles']).toEqual(['enterprise']);
    expect(paths['/v1/enterprises/{uscc}/consents'].get['x-allowed-roles']).toEqual(['enterprise', 'admin']);
    expect(paths['/v1/enterprises/{uscc}/consents/{bankId}'].delete['x-allowed-roles']).toEqual(['enterprise']);
    expect(paths['/v1/enterprises/{uscc}/access-log'].get['x-allowed-roles']).toEqual(['enterprise', 'admin']);
    expect(paths['/v1/eligibility/{uscc}'].get['x-allowed-roles']).toEqual(['enterprise', 'bank', 'regulator', 'admin']);
    expect(paths['/v1/products'].get['x-allowed-roles']).toEqual(['enterprise', 'bank', 'regulator', 'admin']);
  });
});
