import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, waitFor } from '@gec/testing';

type Caller = 'own' | 'other' | 'consentedBank' | 'otherBank' | 'regulatorIn' | 'regulatorOut' | 'admin';
const CALLERS: Caller[] = ['own', 'other', 'consentedBank', 'otherBank', 'regulatorIn', 'regulatorOut', 'admin'];

const BANK = 'cq-green-bank';
const PERIOD = '2026-10';
// The enterprise under test is in Chongqing's Yubei district (500112); the other one in Hangzhou (330100).
const target = makeUscc('91500112MA5ACL001');
const stranger = makeUscc('91330100MA5ACL002');

const report = { period: PERIOD, valueAdded: 1500, outputValue: 6000, energy: [{ carrier: 'electricity', quantity: 700, unit: 'MWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }] };

describe('who may call what, and whose data they see (all four services running)', () => {
  const run = new IsolatedRun();
  let platform: PlatformProcesses;
  const headers = {} as Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    platform = await startPlatformProcesses({ logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id), env: (name) => run.env(name, { LOG_LEVEL: 'info' }) });
    const a = run.authority;
    Object.assign(headers, {
      own: await a.headers({ role: 'enterprise', uscc: target }),
      other: await a.headers({ role: 'enterprise', uscc: stranger }),
      consentedBank: await a.headers({ role: 'bank', bankId: BANK }),
      otherBank: await a.headers({ role: 'bank', bankId: 'another-bank' }),
      regulatorIn: await a.headers({ role: 'regulator', region: '50' }),
      regulatorOut: await a.headers({ role: 'regulator', region: '33' }),
      admin: await a.headers({ role: 'admin' }),
    });
    const { intake, finance } = platform.urls;
    for (const [uscc, as] of [[target, headers.own], [stranger, headers.other]] as const) {
      expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name: `Enterprise ${uscc}`, industryCode: 'C3041' }, as)).status).toBe(201);
      expect((await request('POST', `${intake}/v1/enterprises/${uscc}/reports`, report, as)).status).toBe(202);
    }
    expect((await request('POST', `${finance}/v1/banks`, { id: 'another-bank', name: 'Another Bank' }, headers.admin)).status).toBe(201);
    expect((await request('POST', `${finance}/v1/enterprises/${target}/consents`, { bankId: BANK }, headers.own)).status).toBe(201);
    for (const uscc of [target, stranger]) {
      await waitFor(`eligibility of ${uscc}`, async () => (await request('GET', `${finance}/v1/eligibility/${uscc}`, undefined, headers.admin)).status === 200, { timeoutMs: 30000 });
    }
    // The rating service learns of the consent through Kafka.
    await waitFor('the consent to reach rating', async () => (await request('GET', `${platform.urls.rating}/v1/ratings/${target}`, undefined, headers.consentedBank)).status === 200, { timeoutMs: 30000 });
  }, 180000);

  afterAll(async () => {
    await platform?.stop();
  });

  const url = (service: keyof PlatformProcesses['urls'], p: string) => `${platform.urls[service]}${p}`;

  // Each row: an endpoint, then the exact status for each caller. The enterprise under test is `target`.
  const matrix: Array<[string, () => [string, string, unknown?], Record<Caller, number>]> = [
    ['intake GET enterprise', () => ['GET', url('intake', `/v1/enterprises/${target}`)], { own: 200, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 200, regulatorOut: 404, admin: 200 }],
    ['intake POST enterprise (already registered)', () => ['POST', url('intake', '/v1/enterprises'), { uscc: target, name: 'Again', industryCode: 'C30' }], { own: 409, other: 403, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 409 }],
    ['intake POST report', () => ['POST', url('intake', `/v1/enterprises/${target}/reports`), report], { own: 202, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 403 }],
    ['intake GET report', () => ['GET', url('intake', `/v1/enterprises/${target}/reports/${PERIOD}`)], { own: 200, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 200 }],
    ['metrics GET indicators', () => ['GET', url('metrics', `/v1/enterprises/${target}/indicators/${PERIOD}`)], { own: 200, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 200, regulatorOut: 404, admin: 200 }],
    ['metrics GET benchmark', () => ['GET', url('metrics', `/v1/benchmarks/C30/${PERIOD}`)], { own: 200, other: 200, consentedBank: 403, otherBank: 403, regulatorIn: 200, regulatorOut: 200, admin: 200 }],
    ['rating GET rating', () => ['GET', url('rating', `/v1/ratings/${target}`)], { own: 200, other: 404, consentedBank: 200, otherBank: 404, regulatorIn: 200, regulatorOut: 404, admin: 200 }],
    ['rating GET history', () => ['GET', url('rating', `/v1/ratings/${target}/history`)], { own: 200, other: 404, consentedBank: 200, otherBank: 404, regulatorIn: 200, regulatorOut: 404, admin: 200 }],
    ['finance GET eligibility', () => ['GET', url('finance', `/v1/eligibility/${target}?product=green-loan`)], { own: 200, other: 404, consentedBank: 200, otherBank: 404, regulatorIn: 200, regulatorOut: 404, admin: 200 }],
    ['finance GET products', () => ['GET', url('finance', '/v1/products')], { own: 200, other: 200, consentedBank: 200, otherBank: 200, regulatorIn: 200, regulatorOut: 200, admin: 200 }],
    ['finance GET consents', () => ['GET', url('finance', `/v1/enterprises/${target}/consents`)], { own: 200, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 200 }],
    ['finance GET access log', () => ['GET', url('finance', `/v1/enterprises/${target}/access-log`)], { own: 200, other: 404, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 200 }],
    ['finance PUT product', () => ['PUT', url('finance', '/v1/products/green-loan'), { name: 'Green loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 3 }, { field: 'level', op: 'notIn', value: ['high'] }] } }], { own: 403, other: 403, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 200 }],
    ['finance GET banks', () => ['GET', url('finance', '/v1/banks')], { own: 200, other: 200, consentedBank: 200, otherBank: 200, regulatorIn: 200, regulatorOut: 200, admin: 200 }],
    ['finance GET api keys', () => ['GET', url('finance', `/v1/banks/${BANK}/api-keys`)], { own: 403, other: 403, consentedBank: 403, otherBank: 403, regulatorIn: 403, regulatorOut: 403, admin: 200 }],
  ];

  it.each(matrix.flatMap(([name, endpoint, expected]) => CALLERS.map((caller) => [name, caller, endpoint, expected[caller]] as const)))(
    '%s as %s',
    async (_name, caller, endpoint, status) => {
      const [method, target, body] = endpoint();
      const response = await request(method, target, body, headers[caller]);
      expect({ status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ status, body: undefined });
      if (status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
    },
  );

  const badTokens: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no token', async () => ({})],
    ['a malformed header', async () => ({ authorization: 'Bearer' })],
    ['an expired token', async () => run.authority.headers({ role: 'admin' }, { expiresInSeconds: -60 })],
    ['a token for another audience', async () => run.authority.headers({ role: 'admin' }, { audience: 'another-platform' })],
    ['a token from another issuer', async () => run.authority.headers({ role: 'admin' }, { issuer: 'https://evil.example' })],
    ['an unsigned token (alg none)', async () => ({ authorization: `Bearer ${run.authority.unsignedToken({ role: 'admin' })}` })],
    ['a token signed with another key', async () => run.authority.headers({ role: 'admin' }, { untrustedKey: true })],
  ];

  it.each(badTokens.flatMap(([name, make]) => (['intake', 'metrics', 'rating', 'finance'] as const).map((service) => [service, name, make] as const)))(
    '%s rejects %s with 401',
    async (service, _name, make) => {
      const paths = { intake: `/v1/enterprises/${target}`, metrics: `/v1/enterprises/${target}/indicators/${PERIOD}`, rating: `/v1/ratings/${target}`, finance: `/v1/eligibility/${target}` };
      const response = await request('GET', url(service, paths[service]), undefined, await make());
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    },
  );

  it("shows the enterprise a bank's read of its rating in its access log", async () => {
    expect((await request('GET', url('rating', `/v1/ratings/${target}?period=${PERIOD}`), undefined, headers.consentedBank)).status).toBe(200);
    const entry = await waitFor('the access record', async () => {
      const log = await request('GET', url('finance', `/v1/enterprises/${target}/access-log`), undefined, headers.own);
      return (log.body.entries as Array<Record<string, unknown>>).find((e) => e.service === 'rating' && e.role === 'bank');
    });
    expect(entry).toMatchObject({ bankId: BANK, basis: 'consent', consentId: expect.any(String), resource: expect.stringContaining('rating') });
  });

  it('lets a bank whose consent was revoked see nothing any more', async () => {
    expect((await request('DELETE', url('finance', `/v1/enterprises/${target}/consents/${BANK}`), undefined, headers.own)).status).toBe(204);
    expect((await request('GET', url('finance', `/v1/eligibility/${target}`), undefined, headers.consentedBank)).status).toBe(404);
    await waitFor('the revocation to reach rating', async () => (await request('GET', url('rating', `/v1/ratings/${target}`), undefined, headers.consentedBank)).status === 404);
  });
});
