import { request, TokenClaims, waitFor } from '@gec/testing';
import { MetricsHarness, newUscc } from './testing/metrics-harness';

/** Who may read what: the harness registers every enterprise in region 330100 (Hangzhou, Zhejiang). */
describe('who may read indicators and benchmarks', () => {
  const h = new MetricsHarness();
  const period = '2024-03';
  let uscc: string;
  let watched: string;

  beforeAll(async () => {
    await h.start();
    [uscc, watched] = await Promise.all([h.register('C2614'), h.register('C2614')]);
    await Promise.all([h.report(uscc, period), h.report(watched, period)]);
    await waitFor('indicators of both', () => h.indicatorsEvents(uscc, period).length > 0 && h.indicatorsEvents(watched, period).length > 0);
    await waitFor('benchmark of both', () => h.benchmarkEvents('C26', period).some((e) => e.payload.enterpriseCount === 2));
  }, 60_000);
  afterAll(() => h.stop());

  const indicatorsOf = (code: string, headers?: Record<string, string>) => request('GET', h.url(`/v1/enterprises/${code}/indicators/${period}`), undefined, headers);
  const benchmarkOf = (headers?: Record<string, string>) => request('GET', h.url(`/v1/benchmarks/C26/${period}`), undefined, headers);

  describe('GET /v1/enterprises/:uscc/indicators/:period', () => {
    it.each<[string, number, (own: string) => TokenClaims]>([
      ['the enterprise itself', 200, (own) => ({ role: 'enterprise', uscc: own })],
      ['another enterprise', 404, () => ({ role: 'enterprise', uscc: newUscc() })],
      ['a regulator of the province (33)', 200, () => ({ role: 'regulator', region: '33' })],
      ['a regulator of the city (3301)', 200, () => ({ role: 'regulator', region: '3301' })],
      ['a regulator of the district (330100)', 200, () => ({ role: 'regulator', region: '330100' })],
      ['a regulator of another province (50)', 404, () => ({ role: 'regulator', region: '50' })],
      ['a regulator of another city in the province (3302)', 404, () => ({ role: 'regulator', region: '3302' })],
      ['a regulator of another district in the city (330102)', 404, () => ({ role: 'regulator', region: '330102' })],
      ['an administrator', 200, () => ({ role: 'admin' })],
      ['a bank (ratings and eligibility only)', 403, () => ({ role: 'bank', bankId: 'cq-green-bank' })],
    ])('answers %s with %i', async (_label, status, claims) => {
      const response = await indicatorsOf(uscc, await h.as(claims(uscc)));
      expect(response.status).toBe(status);
      if (status === 200) expect(response.body).toMatchObject({ uscc, period, regionCode: '330100' });
      else expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('answers an out-of-scope caller exactly as if the indicators did not exist', async () => {
      const stranger = newUscc();
      const missing = await indicatorsOf(stranger, await h.as({ role: 'admin' }));
      const hidden = await indicatorsOf(uscc, await h.as({ role: 'regulator', region: '50' }));
      const strip = (body: Record<string, unknown>, code: string) => ({ ...body, detail: String(body.detail).replace(code, '<uscc>'), instance: undefined, correlationId: undefined });
      expect(hidden.status).toBe(404);
      expect(strip(hidden.body, uscc)).toEqual(strip(missing.body, stranger));
    });

    it('records reads by regulators and administrators, but not the enterprise\'s own nor refused ones', async () => {
      await indicatorsOf(watched, await h.asSelf(watched));
      await indicatorsOf(watched, await h.as({ role: 'regulator', region: '50' }));
      await indicatorsOf(watched, await h.as({ role: 'bank', bankId: 'cq-green-bank' }));
      expect((await indicatorsOf(watched, await h.as({ role: 'regulator', region: '3301' }))).status).toBe(200);
      expect((await indicatorsOf(watched, await h.as({ role: 'admin' }))).status).toBe(200);

      const events = await waitFor('two access records', () => h.accessEvents(watched).length >= 2 && h.accessEvents(watched));
      const seen = events.map((e) => e.payload).sort((a, b) => a.role.localeCompare(b.role));
      expect(seen).toEqual([
        expect.objectContaining({ uscc: watched, service: 'metrics', resource: `indicators ${period}`, role: 'admin', basis: 'admin', subject: 'platform-admin', regionPrefix: null, consentId: null }),
        expect.objectContaining({ uscc: watched, service: 'metrics', resource: `indicators ${period}`, role: 'regulator', basis: 'jurisdiction', subject: 'regulator-3301', regionPrefix: '3301' }),
      ]);
      // A stray record would have been relayed by the time a later report's indicators event is.
      await h.drain(watched);
      expect(h.accessEvents(watched)).toHaveLength(2);
    });

    it('answers 401 without a token or with one signed by an untrusted key', async () => {
      const anonymous = await indicatorsOf(uscc);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      const forged = await indicatorsOf(uscc, await h.run.authority.headers({ role: 'enterprise', uscc }, { untrustedKey: true }));
      expect(forged.status).toBe(401);
    });
  });

  describe('GET /v1/benchmarks/:industryDivision/:period', () => {
    it.each<[string, number, TokenClaims]>([
      ['any enterprise, also one outside the industry', 200, { role: 'enterprise', uscc: newUscc() }],
      ['a regulator of any region', 200, { role: 'regulator', region: '50' }],
      ['an administrator', 200, { role: 'admin' }],
      ['a bank', 403, { role: 'bank', bankId: 'cq-green-bank' }],
    ])('answers %s with %i', async (_label, status, claims) => {
      const response = await benchmarkOf(await h.as(claims));
      expect(response.status).toBe(status);
      if (status === 200) {
        expect(response.body).toMatchObject({ industryDivision: 'C26', period, enterpriseCount: 2 });
        expect(response.body).not.toHaveProperty('members');
      }
    });

    it('shows no figure of fewer than 3 enterprises to an enterprise, nor to a regulator whose region does not hold them all', async () => {
      const withheld = { enterpriseCount: 2, totalCo2Tonnes: null, totalValueAdded: null, carbonIntensity: null, withheld: expect.stringContaining('fewer than 3') };
      expect((await benchmarkOf(await h.as({ role: 'enterprise', uscc }))).body).toMatchObject(withheld);
      const elsewhere = (await benchmarkOf(await h.as({ role: 'regulator', region: '50' }))).body;
      expect(elsewhere).toMatchObject(withheld);
      // A regulator's share of the industry is its own enterprises': none here.
      expect(elsewhere.jurisdiction).toEqual({ region: '50', enterpriseCount: 0, totalCo2Tonnes: 0, totalValueAdded: 0, carbonIntensity: 0 });
      expect((await benchmarkOf(await h.as({ role: 'regulator', region: '330102' }))).body).toMatchObject(withheld);
    });

    it('shows them to an administrator and to a regulator of a region that holds every member', async () => {
      const figures = { totalCo2Tonnes: expect.any(Number), totalValueAdded: expect.any(Number), carbonIntensity: expect.any(Number) };
      const admin = (await benchmarkOf(await h.as({ role: 'admin' }))).body;
      expect(admin).toMatchObject(figures);
      expect(admin).not.toHaveProperty('withheld');
      const province = (await benchmarkOf(await h.as({ role: 'regulator', region: '33' }))).body;
      expect(province).toMatchObject({ ...figures, jurisdiction: { region: '33', enterpriseCount: 2, totalCo2Tonnes: admin.totalCo2Tonnes } });
      expect(province).not.toHaveProperty('withheld');
    });

    it('answers 401 without a token', async () => {
      const anonymous = await benchmarkOf();
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    });
  });

  it('states in its OpenAPI document who may call each route', async () => {
    const docs = await request('GET', h.url('/docs-json'));
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.body.paths['/v1/enterprises/{uscc}/indicators/{period}'].get['x-allowed-roles']).toEqual(['enterprise', 'regulator', 'admin']);
    expect(docs.body.paths['/v1/benchmarks/{industryDivision}/{period}'].get['x-allowed-roles']).toEqual(['enterprise', 'regulator', 'admin']);
  });
});
