import { EventEnvelope, SubmittedReport, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TopicReader, waitFor } from '@gec/testing';
import { createIntakeApp } from '../../intake.app';
import { readIntakeConfig } from '../../intake.config';

const PERIOD = '2026-10';
const report = { period: PERIOD, valueAdded: 1500, outputValue: 6000, energy: [{ carrier: 'electricity', quantity: 650, unit: 'MWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }] };

describe('intake: data providers, provenance and precedence (real infrastructure)', () => {
  const run = new IsolatedRun();
  const publisher = new TestPublisher(run.topicPrefix);
  let service: RunningService;
  let accepted: TopicReader;
  // Yubei district, Chongqing (500112).
  const uscc = makeUscc('91500112MA5PRW01X');
  let own: Record<string, string>;
  const url = (path = '') => `${service.url}/v1/enterprises/${uscc}/reports/${PERIOD}/sources${path}`;

  /** A provider token as finance mints it for the provider's API key (the platform issuer's key signs it). */
  const providerHeaders = async (providerId: string, region: string, figures: string[]) => ({ authorization: `Bearer ${await run.authority.providerToken({ providerId, region, figures })}` });

  const acceptedOf = (revision: number) =>
    waitFor(`report-accepted revision ${revision}`, () =>
      accepted.json<EventEnvelope<SubmittedReport>>().find((e) => e.payload.uscc === uscc && e.payload.period === PERIOD && e.payload.revision === revision),
    );

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    own = await run.authority.headers({ role: 'enterprise', uscc });
    service = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake'))));
    accepted = await new TopicReader(publisher.physical(TOPICS.reportAccepted)).start();
    expect((await request('POST', `${service.url}/v1/enterprises`, { uscc, name: 'Yubei Glass', industryCode: 'C3041' }, own)).status).toBe(201);
    expect((await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report, own)).status).toBe(202);
  });

  afterAll(async () => {
    await Promise.all([accepted?.stop(), publisher.close()]);
    await service?.close();
  });

  it("uses a grid's electricity over the enterprise's own, keeps both side by side and flags the disagreement", async () => {
    const grid = await providerHeaders('cq-grid', '50', ['energy.electricity']);
    const put = await request('PUT', url('/cq-grid'), { figures: { 'energy.electricity': 700000 } }, grid);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ uscc, period: PERIOD, source: 'provider:cq-grid', revision: 2, warnings: [expect.objectContaining({ code: 'source-disagreement', field: 'energy.electricity' })] });

    // Downstream: the new revision carries the provider's figure, a generated reason and the warning.
    const event = await acceptedOf(2);
    expect(event.payload.energy).toEqual(expect.arrayContaining([{ carrier: 'electricity', quantity: 700000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }]));
    expect(event.payload.reason).toBe('figures from provider cq-grid: energy.electricity');
    expect(event.payload.warnings).toEqual([expect.objectContaining({ code: 'source-disagreement', field: 'energy.electricity', message: expect.stringMatching(/provider:cq-grid gives 700000 \(used\), self gives 650000/) })]);

    const latest = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/${PERIOD}`, undefined, own);
    expect(latest.body).toMatchObject({ revision: 2, provenance: { 'energy.electricity': 'provider:cq-grid' } });

    const sources = await request('GET', url(), undefined, own);
    expect(sources.status).toBe(200);
    expect(sources.body).toMatchObject({ revision: 2, precedence: ['provider', 'self'], tolerance: 0.05 });
    const electricity = sources.body.figures.find((f: { key: string }) => f.key === 'energy.electricity');
    expect(electricity).toMatchObject({ unit: 'kWh', used: 'provider:cq-grid', value: 700000, disagrees: true });
    expect(electricity.values.map((v: { source: string; value: number }) => [v.source, v.value])).toEqual([['provider:cq-grid', 700000], ['self', 650000]]);
    expect(sources.body.figures.find((f: { key: string }) => f.key === 'valueAdded')).toMatchObject({ used: 'self', value: 1500, disagrees: false });
  });

  it('makes no revision when the figures do not change', async () => {
    const grid = await providerHeaders('cq-grid', '50', ['energy']);
    const again = await request('PUT', url('/cq-grid'), { figures: { 'energy.electricity': 700000 } }, grid);
    expect(again.status).toBe(200);
    expect(again.body.revision).toBeNull();
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/${PERIOD}`, undefined, own)).body.revision).toBe(2);
  });

  it("keeps the provider's figure when the enterprise revises its own, and the enterprise's new figure beside it", async () => {
    const revised = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, energy: [{ carrier: 'electricity', quantity: 710, unit: 'MWh' }, { carrier: 'raw_coal', quantity: 130, unit: 't' }], reason: 'coal recounted' }, own);
    expect(revised.status).toBe(202);
    expect(revised.body).toMatchObject({ revision: 3, warnings: [] });
    const event = await acceptedOf(3);
    expect(event.payload.energy).toEqual(expect.arrayContaining([{ carrier: 'electricity', quantity: 700000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 130, unit: 't' }]));
    const electricity = (await request('GET', url(), undefined, own)).body.figures.find((f: { key: string }) => f.key === 'energy.electricity');
    expect(electricity).toMatchObject({ used: 'provider:cq-grid', disagrees: false, values: [expect.objectContaining({ value: 700000 }), expect.objectContaining({ source: 'self', value: 710000 })] });
  });

  it('refuses an enterprise outside the region scope, a figure not allowed and another provider\'s path with 403 naming the field', async () => {
    const zhejiang = await providerHeaders('zj-grid', '33', ['energy.electricity']);
    const outside = await request('PUT', url('/zj-grid'), { figures: { 'energy.electricity': 1 } }, zhejiang);
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-type')).toContain('application/problem+json');
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'uscc' })]);

    const grid = await providerHeaders('cq-grid', '50', ['energy.electricity']);
    const gas = await request('PUT', url('/cq-grid'), { figures: { 'energy.electricity': 700000, 'energy.natural_gas': 5 } }, grid);
    expect(gas.status).toBe(403);
    expect(gas.body.errors).toEqual([expect.objectContaining({ field: 'figures.energy.natural_gas' })]);

    expect((await request('PUT', url('/cq-gas'), { figures: { 'energy.electricity': 1 } }, grid)).status).toBe(403);
    const unknown = await request('PUT', url('/cq-grid'), { figures: { 'energy.wood': 1 } }, grid);
    expect(unknown.status).toBe(400);
  });

  it('shows the sources to regulators of the region and administrators, a provider only its own, nobody else', async () => {
    const regulator = await request('GET', url(), undefined, await run.authority.headers({ role: 'regulator', region: '5001' }));
    expect(regulator.status).toBe(200);
    expect((await request('GET', url(), undefined, await run.authority.headers({ role: 'admin' }))).status).toBe(200);
    expect((await request('GET', url(), undefined, await run.authority.headers({ role: 'regulator', region: '33' }))).status).toBe(404);
    expect((await request('GET', url(), undefined, await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' }))).status).toBe(403);

    const mine = await request('GET', url(), undefined, await providerHeaders('cq-grid', '50', ['energy.electricity']));
    expect(mine.status).toBe(200);
    expect(mine.body.figures).toEqual([{ key: 'energy.electricity', unit: 'kWh', values: [expect.objectContaining({ source: 'provider:cq-grid', value: 700000 })] }]);
    expect((await request('GET', url(), undefined, await providerHeaders('cq-gas', '50', ['energy.natural_gas']))).status).toBe(404);
  });

  it("keeps a provider's figures for a period the enterprise has not reported, and uses them once it does", async () => {
    const period = '2026-09';
    const grid = await providerHeaders('cq-grid', '50', ['energy.electricity']);
    const early = await request('PUT', `${service.url}/v1/enterprises/${uscc}/reports/${period}/sources/cq-grid`, { figures: { 'energy.electricity': 500000 } }, grid);
    expect(early.status).toBe(200);
    expect(early.body.revision).toBeNull();
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/${period}`, undefined, own)).status).toBe(404);
    const first = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, period }, own);
    expect(first.status).toBe(202);
    expect(first.body.revision).toBe(1);
    const event = await waitFor('the first revision of September', () => accepted.json<EventEnvelope<SubmittedReport>>().find((e) => e.payload.uscc === uscc && e.payload.period === period));
    expect(event.payload.energy).toContainEqual({ carrier: 'electricity', quantity: 500000, unit: 'kWh' });
  });

  it("combines a provider's figures with an imported row of the enterprise, as with a report submitted alone", async () => {
    const period = '2026-08';
    const grid = await providerHeaders('cq-grid', '50', ['energy.electricity']);
    expect((await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, { ...report, period }, own)).status).toBe(202);
    expect((await request('PUT', `${service.url}/v1/enterprises/${uscc}/reports/${period}/sources/cq-grid`, { figures: { 'energy.electricity': 800000 } }, grid)).body.revision).toBe(2);
    const csv = `uscc,period,value_added,output_value,electricity_kwh,raw_coal_t\n${uscc},${period},1600,6000,640000,125\n`;
    const upload = await fetch(`${service.url}/v1/imports?filename=august.csv`, { method: 'POST', body: csv, headers: { ...own, 'content-type': 'text/csv' } });
    expect(upload.status).toBe(202);
    const event = await waitFor('the imported revision', () => accepted.json<EventEnvelope<SubmittedReport>>().find((e) => e.payload.uscc === uscc && e.payload.period === period && e.payload.revision === 3));
    expect(event.payload).toMatchObject({ valueAdded: 1600, reason: 'bulk import august.csv' });
    expect(event.payload.energy).toEqual(expect.arrayContaining([{ carrier: 'electricity', quantity: 800000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 125, unit: 't' }]));
    const electricity = (await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/${period}/sources`, undefined, own)).body.figures.find((f: { key: string }) => f.key === 'energy.electricity');
    expect(electricity.values.map((v: { source: string; value: number }) => [v.source, v.value])).toEqual([['provider:cq-grid', 800000], ['self', 640000]]);
  });
});
