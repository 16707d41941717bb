import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { newId } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TokenClaims, waitFor, ratingChangedFixture } from '@gec/testing';
import { BanksRepository } from '../../banks/banks.repository';
import { createFinanceApp } from '../../finance.app';
import { readFinanceConfig } from '../../finance.config';
import { RecordRatingUseCase } from '../../ratings/record-rating/record-rating.use-case';

const BANK = 'cq-green-bank';
/** READ_MODEL_STALE_MS: how soon another replica must stop serving what changed. */
const STALE_BOUND_MS = 1000;

/**
 * The read path banks and regulators use at volume, answered from read models kept in memory: what must still hold
 * when two replicas serve it (both in this process, each with its own caches).
 */
describe('finance: eligibility read path from in-memory read models (real Kafka, database and Redis)', () => {
  const run = new IsolatedRun();
  let first: RunningService;
  let second: RunningService;
  let publisher: TestPublisher;
  let enterprises = 0;

  const newUscc = () => makeUscc(`91500000MA5Q${String(++enterprises).padStart(5, '0')}`);
  const headers = (claims: TokenClaims) => run.authority.headers(claims);
  const self = (uscc: string) => headers({ role: 'enterprise', uscc });
  const eligibility = (service: { url: string }, uscc: string, as: Record<string, string>) => request('GET', `${service.url}/v1/eligibility/${uscc}`, undefined, as);
  const grant = async (uscc: string, body: object) => request('POST', `${first.url}/v1/enterprises/${uscc}/consents`, body, await self(uscc));

  const rating = (uscc: string, grade: number) => ratingChangedFixture(uscc, { grade });

  /** An enterprise with a decision both replicas answer its own token with. */
  async function ratedEnterprise(): Promise<string> {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, 2));
    const own = await self(uscc);
    for (const service of [first, second]) await waitFor(`the decision for ${uscc}`, async () => (await eligibility(service, uscc, own)).status === 200);
    return uscc;
  }

  /** How long until `probe` holds, polled closely; fails after 5 s. */
  async function msUntil(description: string, probe: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    await waitFor(description, async () => (await probe()) || undefined, { timeoutMs: 5000, intervalMs: 10 });
    return Date.now() - started;
  }

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    // Two replicas on the same database and Redis; separate consumer groups, so neither waits for the other's partitions.
    first = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    second = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { KAFKA_CONSUMER_GROUP: 'finance-second' }))));
    await first.app.get(BanksRepository).upsert({ id: BANK, name: 'Chongqing Green Bank' });
    publisher = new TestPublisher(run.topicPrefix);
  });

  afterAll(async () => {
    await publisher?.close();
    await second?.close();
    await first?.close();
  });

  it(`stops a bank at once in the replica that revoked its consent, and within ${STALE_BOUND_MS} ms in another`, async () => {
    const uscc = await ratedEnterprise();
    const bank = await headers({ role: 'bank', bankId: BANK });
    expect((await grant(uscc, { bankId: BANK })).status).toBe(201);
    // Both replicas have read (and keep) the grant.
    for (const service of [first, second, first, second]) expect((await eligibility(service, uscc, bank)).status).toBe(200);

    expect((await request('DELETE', `${first.url}/v1/enterprises/${uscc}/consents/${BANK}`, undefined, await self(uscc))).status).toBe(204);
    expect((await eligibility(first, uscc, bank)).status).toBe(404);
    const elsewhere = await msUntil('the other replica to refuse the bank', async () => (await eligibility(second, uscc, bank)).status === 404);
    expect(elsewhere).toBeLessThan(STALE_BOUND_MS);

    // And a new grant lets it in again, the same way.
    expect((await grant(uscc, { bankId: BANK })).status).toBe(201);
    expect((await eligibility(first, uscc, bank)).status).toBe(200);
    expect(await msUntil('the other replica to let the bank in', async () => (await eligibility(second, uscc, bank)).status === 200)).toBeLessThan(STALE_BOUND_MS);
  });

  it('stops a bank the instant its consent expires, in every replica, with nothing written', async () => {
    const uscc = await ratedEnterprise();
    const bank = await headers({ role: 'bank', bankId: BANK });
    const expiresAt = Date.now() + 2000;
    expect((await grant(uscc, { bankId: BANK, expiresAt: new Date(expiresAt).toISOString() })).status).toBe(201);
    for (const service of [first, second]) expect((await eligibility(service, uscc, bank)).status).toBe(200);

    await waitFor('the consent to expire', () => Date.now() > expiresAt, { intervalMs: 5 });
    expect((await eligibility(first, uscc, bank)).status).toBe(404);
    expect((await eligibility(second, uscc, bank)).status).toBe(404);
  });

  it(`shows a new decision at once in the replica that made it, and within ${STALE_BOUND_MS} ms in another`, async () => {
    const uscc = newUscc();
    const own = await self(uscc);
    // Both replicas have looked and found no decision (and keep that).
    for (const service of [first, second, first, second]) expect((await eligibility(service, uscc, own)).status).toBe(404);

    // The first replica decides (as its consumer would on a rating event; the second hears of no event).
    const decide = (grade: number) => {
      const r = rating(uscc, grade);
      return first.app.get(RecordRatingUseCase).execute([{ ...r, methodologyId: r.methodology.id, methodologyVersion: r.methodology.version, eventId: newId() }]);
    };
    await decide(2);
    expect((await eligibility(first, uscc, own)).body).toMatchObject({ eligible: true, rating: { grade: 2 } });
    expect(await msUntil('the other replica to show the decision', async () => (await eligibility(second, uscc, own)).status === 200)).toBeLessThan(STALE_BOUND_MS);

    await decide(5);
    expect((await eligibility(first, uscc, own)).body).toMatchObject({ eligible: false, rating: { grade: 5 } });
    expect(await msUntil('the other replica to show the changed decision', async () => (await eligibility(second, uscc, own)).body?.eligible === false)).toBeLessThan(STALE_BOUND_MS);
  });

  it(`knows a product an administrator adds at once in the replica that saved it, and within ${STALE_BOUND_MS} ms in another`, async () => {
    const uscc = newUscc();
    const own = await self(uscc);
    const productId = `pilot-${enterprises}`;
    const unknownProduct = async (service: { url: string }) => {
      const response = await request('GET', `${service.url}/v1/eligibility/${uscc}?product=${productId}`, undefined, own);
      return response.status === 404 && (response.body.errors ?? []).some((e: { field: string }) => e.field === 'product');
    };
    // Both replicas have been asked and keep the product as unknown.
    for (const service of [first, second]) expect(await unknownProduct(service)).toBe(true);

    const saved = await request('PUT', `${first.url}/v1/products/${productId}`, { name: 'Pilot loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 3 }] } }, await headers({ role: 'admin' }));
    expect(saved.status).toBe(200);
    expect(await unknownProduct(first)).toBe(false);
    expect(await msUntil('the other replica to know the product', async () => !(await unknownProduct(second)))).toBeLessThan(STALE_BOUND_MS);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    const limited = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { KAFKA_CONSUMER_GROUP: 'finance-limited', RATE_LIMIT_PER_MINUTE: '5' }))));
    try {
      // A caller of its own, so no other test's requests count.
      const caller = await run.authority.headers({ role: 'admin' }, { subject: `admin-${newId()}` });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await request('GET', `${limited.url}/v1/products`, undefined, caller)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const refused = await request('GET', `${limited.url}/v1/products`, undefined, caller);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ status: 429 });
    } finally {
      await limited.close();
    }
  });
});
