import { ConsentChanged, DataAccessed, EventEnvelope, TOPICS } from '@gec/contracts';
import { request, TokenClaims, TopicReader, waitFor } from '@gec/testing';
import { benchmarkWithIntensity, indicatorsOf, own, RatingHarness, testUscc } from '../testing/rating.harness';

const PERIOD = '2026-04';

describe("rating: who may read an enterprise's ratings", () => {
  const rating = new RatingHarness();
  let accessed: TopicReader;
  // Rated in region 330100 (Hangzhou, Zhejiang).
  const uscc = testUscc(30);
  const rated = `/v1/ratings/${uscc}`;
  const history = `/v1/ratings/${uscc}/history`;
  const bank = (bankId: string): TokenClaims => ({ role: 'bank', bankId });
  const regulator = (region: string): TokenClaims => ({ role: 'regulator', region });
  const statusOf = async (path: string, claims: TokenClaims) => (await rating.get(path, claims)).status;
  const statusBecomes = (path: string, claims: TokenClaims, status: number, timeoutMs?: number) =>
    waitFor(`${JSON.stringify(claims)} gets ${status} for ${path}`, async () => (await statusOf(path, claims)) === status, { timeoutMs });

  let clock = Date.parse('2026-11-01T00:00:00.000Z');
  /** Consent changes in the order they were made (each a second after the last), unless a test says otherwise. */
  const consent = (bankId: string, change: Partial<ConsentChanged> = {}): ConsentChanged => ({
    uscc,
    bankId,
    consentId: `consent-${bankId}`,
    granted: true,
    scopes: ['rating', 'eligibility'],
    expiresAt: null,
    changedAt: new Date((clock += 1000)).toISOString(),
    ...change,
  });
  const grant = (bankId: string, change?: Partial<ConsentChanged>) => rating.publisher.publish(TOPICS.consentChanged, consent(bankId, change));
  /** Consent changes of one enterprise share a partition: once a later grant works, the earlier changes were recorded. */
  const afterEarlierChanges = async () => {
    const sentinel = `sentinel-${clock}`;
    await grant(sentinel);
    await statusBecomes(rated, bank(sentinel), 200);
  };
  const accessRecords = () =>
    accessed
      .json<EventEnvelope<DataAccessed>>()
      .map((e) => e.payload)
      .filter((p) => p.uscc === uscc);

  beforeAll(async () => {
    await rating.start();
    accessed = await new TopicReader(rating.publisher.physical(TOPICS.dataAccessed)).start();
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C34', PERIOD, 1, 0.5, indicatorsOf(uscc, 'C34', PERIOD, 50)));
    await rating.publisher.publish(TOPICS.indicatorsComputed, indicatorsOf(uscc, 'C34', PERIOD, 50));
    await statusBecomes(rated, own(uscc), 200);
  });

  afterAll(async () => {
    await accessed?.stop();
    await rating.close();
  });

  it('shows an enterprise its own ratings and hides them from another enterprise (404)', async () => {
    expect(await statusOf(history, own(uscc))).toBe(200);
    const other = own(testUscc(31));
    expect(await statusOf(rated, other)).toBe(404);
    expect(await statusOf(history, other)).toBe(404);
  });

  it('lets a bank read only while it holds a granted consent, recording the read with the consent', async () => {
    const bankId = 'cq-green-bank';
    expect(await statusOf(rated, bank(bankId))).toBe(404);
    expect(await statusOf(history, bank(bankId))).toBe(404);

    await grant(bankId);
    await statusBecomes(rated, bank(bankId), 200);
    const [record] = await waitFor('the access record', () => accessRecords().filter((r) => r.bankId === bankId).length > 0 && accessRecords().filter((r) => r.bankId === bankId));
    expect(accessRecords().filter((r) => r.bankId === bankId)).toHaveLength(1);
    expect(record).toEqual({
      accessId: expect.any(String),
      uscc,
      service: 'rating',
      resource: `rating ${PERIOD}`,
      subject: `bank-officer-${bankId}`,
      role: 'bank',
      bankId,
      regionPrefix: null,
      basis: 'consent',
      consentId: `consent-${bankId}`,
      accessedAt: expect.any(String),
    });
    expect(await statusOf(history, bank(bankId))).toBe(200);
    await waitFor('the history read recorded', () => accessRecords().some((r) => r.bankId === bankId && r.resource === 'rating history'));

    const revokedAt = clock + 1000;
    await grant(bankId, { granted: false });
    await statusBecomes(rated, bank(bankId), 404);
    expect(await statusOf(history, bank(bankId))).toBe(404);

    // A grant made before the revocation but delivered after it doesn't bring the access back.
    await grant(bankId, { changedAt: new Date(revokedAt - 500).toISOString() });
    await afterEarlierChanges();
    expect(await statusOf(rated, bank(bankId))).toBe(404);
  });

  it('refuses a bank whose consent lacks the rating scope or has expired (404)', async () => {
    await grant('eligibility-only-bank', { scopes: ['eligibility'] });
    await grant('expired-bank', { expiresAt: new Date(Date.now() - 60000).toISOString() });
    await afterEarlierChanges();
    expect(await statusOf(rated, bank('eligibility-only-bank'))).toBe(404);
    expect(await statusOf(history, bank('eligibility-only-bank'))).toBe(404);
    expect(await statusOf(rated, bank('expired-bank'))).toBe(404);

    // A consent lapses at its expiry without any further event.
    await grant('lapsing-bank', { expiresAt: new Date(Date.now() + 5000).toISOString() });
    await statusBecomes(rated, bank('lapsing-bank'), 200, 5000);
    await statusBecomes(rated, bank('lapsing-bank'), 404, 10000);
  });

  it('lets a regulator read within its region only, and records the read', async () => {
    for (const region of ['33', '3301', '330100']) {
      expect(await statusOf(rated, regulator(region))).toBe(200);
      expect(await statusOf(history, regulator(region))).toBe(200);
    }
    for (const region of ['50', '3302', '330102']) {
      expect(await statusOf(rated, regulator(region))).toBe(404);
      expect(await statusOf(history, regulator(region))).toBe(404);
    }
    const records = await waitFor('the regulator reads recorded', () => {
      const mine = accessRecords().filter((r) => r.role === 'regulator');
      return mine.length === 6 && mine;
    });
    expect(records.every((r) => r.basis === 'jurisdiction' && r.consentId === null && ['33', '3301', '330100'].includes(r.regionPrefix!))).toBe(true);
  });

  it('lets an administrator read any enterprise, and records the read', async () => {
    expect((await rating.get(rated, { role: 'admin' })).body).toMatchObject({ uscc, period: PERIOD });
    const record = await waitFor('the admin read recorded', () => accessRecords().find((r) => r.role === 'admin'));
    expect(record).toMatchObject({ subject: 'platform-admin', basis: 'admin', resource: `rating ${PERIOD}`, consentId: null });
  });

  it('answers 401 without a valid token, and the enterprise reading itself leaves no access record', async () => {
    const anonymous = await request('GET', rating.url(rated));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await rating.run.authority.headers(own(uscc), { untrustedKey: true });
    expect((await request('GET', rating.url(history), undefined, forged)).status).toBe(401);
    expect(accessRecords().some((r) => (r.role as string) === 'enterprise')).toBe(false);
  });

  it('states in its OpenAPI document who may call each route', async () => {
    const docs = await request('GET', rating.url('/docs-json'));
    for (const path of ['/v1/ratings/{uscc}', '/v1/ratings/{uscc}/history']) {
      expect(docs.body.paths[path].get['x-allowed-roles']).toEqual(['enterprise', 'bank', 'regulator', 'admin']);
      expect(docs.body.paths[path].get.summary).toMatch(/a bank it consented to/);
    }
  });
});
