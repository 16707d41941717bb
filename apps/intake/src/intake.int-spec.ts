import { TOPICS, EventEnvelope, ReportAccepted, EnterpriseRegistered } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TopicReader, TestPublisher, waitFor } from '@gec/testing';
import { readIntakeConfig } from './intake.config';
import { createIntakeApp } from './intake.app';

const report = {
  period: '2026-10',
  valueAdded: 1250.5,
  outputValue: 5300,
  energy: [
    { carrier: 'electricity', quantity: 1000, unit: 'MWh' },
    { carrier: 'natural_gas', quantity: 2, unit: '10^4 m3' },
    { carrier: 'raw_coal', quantity: 50, unit: 't' },
  ],
  ownRenewableElectricity: { quantity: 200000, unit: 'kWh' },
};

describe('intake service', () => {
  const run = new IsolatedRun();
  const publisher = new TestPublisher(run.topicPrefix);
  let service: RunningService;
  let registered: TopicReader;
  let accepted: TopicReader;
  const uscc = makeUscc('91500000MA5U7AA1X');
  let own: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    own = await run.authority.headers({ role: 'enterprise', uscc });
    admin = await run.authority.headers({ role: 'admin' });
    service = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake'))));
    registered = await new TopicReader(publisher.physical(TOPICS.enterpriseRegistered)).start();
    accepted = await new TopicReader(publisher.physical(TOPICS.reportAccepted)).start();
  });

  afterAll(async () => {
    await Promise.all([registered?.stop(), accepted?.stop(), publisher.close()]);
    await service?.close();
  });

  it('registers an enterprise, defaulting the region to the one inside its code, and publishes it', async () => {
    const response = await request('POST', `${service.url}/v1/enterprises`, { uscc, name: 'Chongqing Glass', industryCode: 'C3041' }, own);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ uscc, industryCode: 'C3041', industryDivision: 'C30', regionCode: '500000' });
    const [event] = await waitFor('enterprise-registered event', () => registered.json<EventEnvelope<EnterpriseRegistered>>().length > 0 && registered.json<EventEnvelope<EnterpriseRegistered>>());
    expect(event).toMatchObject({ key: uscc, type: TOPICS.enterpriseRegistered.type, payload: { uscc, industryDivision: 'C30' } });
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}`, undefined, own)).body).toMatchObject({ uscc, name: 'Chongqing Glass' });
  });

  it('refuses a second registration with 409 and a wrong check character with 400 naming the field', async () => {
    const again = await request('POST', `${service.url}/v1/enterprises`, { uscc, name: 'Again', industryCode: 'C30' }, own);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const bad = await request('POST', `${service.url}/v1/enterprises`, { uscc: wrong, name: 'X', industryCode: 'C30' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'uscc', reason: expect.stringMatching(/check character/) })]);
  });

  it.each([
    ['a class that is not in GB/T 4754-2017', { industryCode: 'C3043' }, 'industryCode', /industry class C3043 does not exist in GB\/T 4754-2017/],
    ['a division outside its section', { industryCode: 'S90' }, 'industryCode', /S covers 91-96/],
    ['a region that is not in GB/T 2260', { industryCode: 'C3041', regionCode: '500199' }, 'regionCode', /500199 is not a GB\/T 2260 division/],
    ['no region, and none in its code', { uscc: makeUscc('91100000MA5U7CT1X'), industryCode: 'C3041' }, 'regionCode', /\(100000\) is not a GB\/T 2260 division; give regionCode/],
  ])('refuses to register with %s, 400 naming the field', async (_label, change, field, reason) => {
    const body = { uscc: makeUscc('91500103MA5U7CT0X'), name: 'Code Tables Co.', ...change };
    const response = await request('POST', `${service.url}/v1/enterprises`, body, admin);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]);
  });

  it.each([
    ['the county in its code', '91500103MA5U7CT2X', undefined, '500103'],
    ['the one given', '91500103MA5U7CT3X', '500229', '500229'],
    ['the nearest listed division when its code names an authority outside the table', '91320594MA5U7CT4X', undefined, '320500'],
  ])('registers an enterprise in %s', async (_label, prefix17, regionCode, expected) => {
    const body = { uscc: makeUscc(prefix17), name: 'Region Co.', industryCode: 'D4411', ...(regionCode ? { regionCode } : {}) };
    const response = await request('POST', `${service.url}/v1/enterprises`, body, admin);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ regionCode: expected, industryCode: 'D4411', industryDivision: 'D44' });
  });

  it('accepts a report in canonical units and makes each resubmission a new revision', async () => {
    const first = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report, own);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ revision: 1 });
    const unexplained = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, valueAdded: 1300 }, own);
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const second = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, valueAdded: 1300, reason: 'audited accounts' }, own);
    expect(second.body).toMatchObject({ revision: 2, warnings: [] });

    const latest = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-10`, undefined, own);
    expect(latest.body).toMatchObject({ revision: 2, valueAdded: 1300, supersededRevisions: [1], ownRenewableElectricityKwh: 200000 });
    expect(latest.body.energy).toEqual([
      { carrier: 'electricity', quantity: 1000000, unit: 'kWh' },
      { carrier: 'natural_gas', quantity: 20000, unit: 'm3' },
      { carrier: 'raw_coal', quantity: 50, unit: 't' },
    ]);
    const events = await waitFor('two report-accepted events', () => accepted.messages.length >= 2 && accepted.json<EventEnvelope<ReportAccepted>>());
    expect(events.map((e) => e.payload.revision)).toEqual([1, 2]);
    expect(events[1].payload).toMatchObject({ reason: 'audited accounts', warnings: [] });

    const history = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-10/revisions`, undefined, own);
    expect(history.body.revisions.map((r: { revision: number; reason?: string }) => [r.revision, r.reason ?? null])).toEqual([[1, null], [2, 'audited accounts']]);
  });

  it('takes the full report, warns about unlikely figures without refusing them, and sends every figure downstream', async () => {
    const full = {
      ...report,
      period: '2026-08',
      ownRenewableElectricity: undefined,
      headcount: 240,
      renewables: { pv: { selfConsumedKwh: 150_000, exportedKwh: 20_000 }, wind: { selfConsumedKwh: 50_000 } },
      greenElectricity: { certificatesKwh: 100_000 },
      water: { newWaterM3: 12_000, reusedM3: 48_000 },
      solidWaste: { generatedT: 300, utilisedT: 280, priorStockUtilisedT: 10, disposedT: 15, storedT: 15 },
      hazardousWaste: { generatedT: 2, disposedCompliantlyT: 2 },
      pollutants: { so2T: 1.2, noxT: 2.5, particulateT: 0.4, vocsT: 0.8, codT: 3.1, ammoniaNitrogenT: 0.2 },
    };
    const august = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, full, own);
    expect(august.status).toBe(202);
    expect(august.body.warnings).toEqual([]);
    // September: value added above output value, and energy up more than 5x on August.
    const september = { ...full, period: '2026-09', outputValue: 1000, energy: [{ carrier: 'raw_coal', quantity: 50_000, unit: 't' }] };
    const warned = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, september, own);
    expect(warned.status).toBe(202);
    expect(warned.body.warnings.map((w: { code: string; field: string }) => `${w.code}:${w.field}`)).toEqual(['value-added-above-output:valueAdded', 'month-on-month-jump:energy']);
    const stored = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-09`, undefined, own);
    expect(stored.body).toMatchObject({ ownRenewableElectricityKwh: 200_000, water: full.water, warnings: warned.body.warnings });

    const events = await waitFor('the September report downstream', () => {
      const september = accepted.json<EventEnvelope<ReportAccepted>>().filter((e) => e.payload.period === '2026-09');
      return september.length > 0 && september;
    });
    expect(events[0].payload).toMatchObject({ headcount: 240, renewables: full.renewables, solidWaste: full.solidWaste, pollutants: full.pollutants, warnings: warned.body.warnings });
  });

  it.each([
    ['a future period', 'period', { period: '2099-01' }],
    ['a negative quantity', 'energy[0].quantity', { energy: [{ carrier: 'coke', quantity: -1, unit: 't' }] }],
    ['an unknown carrier', 'energy[0].carrier', { energy: [{ carrier: 'plutonium', quantity: 1, unit: 't' }] }],
    ['an unknown unit', 'energy[0].unit', { energy: [{ carrier: 'electricity', quantity: 1, unit: 'BTU' }] }],
    ['value added of zero', 'valueAdded', { valueAdded: 0 }],
    ['an unexpected field', 'colour', { colour: 'green' }],
    ['waste utilised beyond what there was', 'solidWaste.utilisedT', { solidWaste: { generatedT: 1, utilisedT: 2 } }],
  ])('rejects %s with 400 naming %s', async (_label, field, change) => {
    const response = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, ...change }, own);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 as problem+json for an unknown enterprise or report, and 400 for malformed JSON', async () => {
    const stranger = makeUscc('91500000MA5U7YY9X');
    const unknown = await request('POST', `${service.url}/v1/enterprises/${stranger}/reports`, report, await run.authority.headers({ role: 'enterprise', uscc: stranger }));
    expect(unknown.status).toBe(404);
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2025-01`, undefined, own)).status).toBe(404);
    expect((await request('GET', `${service.url}/v1/enterprises/not-a-code`, undefined, admin)).status).toBe(400);
    const malformed = await request('POST', `${service.url}/v1/enterprises`, '{"uscc":', admin);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
  });

  it("hides another enterprise's data and refuses roles that may not call", async () => {
    const other = await run.authority.headers({ role: 'enterprise', uscc: makeUscc('91500000MA5U7YY8X') });
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}`, undefined, other)).status).toBe(404);
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-10`, undefined, other)).status).toBe(404);
    expect((await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report, other)).status).toBe(404);
    const bank = await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' });
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}`, undefined, bank)).status).toBe(403);
    const anonymous = await request('GET', `${service.url}/v1/enterprises/${uscc}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('limits each caller to its requests per minute, answering 429 with Retry-After', async () => {
    const limited = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake', { RATE_LIMIT_PER_MINUTE: '3', QUEUE_PREFIX: `${run.id}-limited` }))));
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await request('GET', `${limited.url}/v1/enterprises/${uscc}`, undefined, own)).status);
      const refused = await request('GET', `${limited.url}/v1/enterprises/${uscc}`, undefined, own);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another caller has its own allowance.
      expect((await request('GET', `${limited.url}/v1/enterprises/${uscc}`, undefined, admin)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('serves its OpenAPI document and health', async () => {
    const docs = await request('GET', `${service.url}/docs-json`);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/enterprises', '/v1/enterprises/{uscc}/reports']));
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.body.paths['/v1/enterprises/{uscc}/reports'].post['x-allowed-roles']).toEqual(['enterprise']);
    expect((await request('GET', `${service.url}/health/live`)).status).toBe(200);
    const ready = await request('GET', `${service.url}/health/ready`);
    expect(ready.body).toMatchObject({ status: 'up', checks: { mongo: 'up', kafka: 'up', redis: 'up' } });
  });
});
