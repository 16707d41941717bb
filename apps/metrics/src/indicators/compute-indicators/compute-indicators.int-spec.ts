import { TOPICS } from '@gec/contracts';
import { computeIndicators, computeResourceIndicators, CURRENT_FACTOR_TABLES } from '@gec/domain';
import { request, waitFor } from '@gec/testing';
import { MetricsHarness, reportPayload } from '../../testing/metrics-harness';
import { IndicatorsRepository } from '../indicators.repository';

describe('report accepted -> indicators and industry benchmark', () => {
  const h = new MetricsHarness();

  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  // Each enterprise reads its own indicators; benchmarks are read as an administrator.
  const indicatorsOf = async (uscc: string, period: string) => request('GET', h.url(`/v1/enterprises/${uscc}/indicators/${period}`), undefined, await h.asSelf(uscc));
  const benchmarkOf = async (division: string, period: string) => request('GET', h.url(`/v1/benchmarks/${division}/${period}`), undefined, await h.as({ role: 'admin' }));

  it('computes indicators, serves them, and announces them and the benchmark', async () => {
    const uscc = await h.register();
    const sent = await h.report(uscc, '2024-03');

    const [event] = await waitFor('indicators-computed', () => h.indicatorsEvents(uscc, '2024-03').length === 1 && h.indicatorsEvents(uscc, '2024-03'));
    const expected = computeIndicators(reportPayload(uscc, '2024-03'), CURRENT_FACTOR_TABLES);
    expect(event.causationId).toBe(sent.eventId);
    expect(event.payload).toMatchObject({ revision: 1, co2Tonnes: expected.co2Tonnes });

    const response = await indicatorsOf(uscc, '2024-03');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      uscc,
      period: '2024-03',
      revision: 1,
      industryDivision: 'C26',
      regionCode: '330100',
      valueAdded: 1000,
      energyTce: expected.energyTce,
      co2Tonnes: expected.co2Tonnes,
      co2ByCarrier: expected.co2ByCarrier,
      ownRenewableCo2AvoidedTonnes: 0,
      energyIntensity: expected.energyIntensity,
      carbonIntensity: expected.carbonIntensity,
      gridFactor: { year: expected.gridFactor.year, tco2PerMwh: expected.gridFactor.tco2PerMwh },
      factorTableVersion: CURRENT_FACTOR_TABLES.version,
      units: { energyIntensity: 'tce per 10,000 yuan', carbonIntensity: 't CO2 per 10,000 yuan' },
    });

    const [benchmark] = await waitFor('benchmark-updated', () => h.benchmarkEvents('C26', '2024-03').length > 0 && h.benchmarkEvents('C26', '2024-03'));
    // Totals are kept exact in thousandths (kg of CO2, 10 yuan), so they do not depend on the order members arrive in.
    expect(benchmark.payload).toMatchObject({ version: 1, enterpriseCount: 1, totalCo2Tonnes: Math.round(expected.co2Tonnes * 1000) / 1000, totalValueAdded: 1000, changedMember: uscc });
    expect(benchmark.payload.changedMembers).toEqual([
      { uscc, revision: 1, regionCode: '330100', co2Tonnes: expected.co2Tonnes, valueAdded: 1000, carbonIntensity: expected.carbonIntensity },
    ]);
    const served = await benchmarkOf('C26', '2024-03');
    expect(served.status).toBe(200);
    // The event names the member whose figures changed it; the API never says who is in an industry.
    const { changedMember: _member, changedMembers: _members, ...figures } = benchmark.payload;
    expect(served.body).toEqual(figures);
    expect(served.body).not.toHaveProperty('members');
  });

  it('weights the industry benchmark by value added: sum of CO2 / sum of value added', async () => {
    const [a, b] = await Promise.all([h.register('C2211'), h.register('C2211')]);
    await h.report(a, '2024-04', { valueAdded: 100, energy: [{ carrier: 'raw_coal', quantity: 100, unit: 't' }] });
    await h.report(b, '2024-04', { valueAdded: 900, energy: [{ carrier: 'raw_coal', quantity: 10, unit: 't' }] });

    const latest = await waitFor('benchmark of two', () => h.benchmarkEvents('C22', '2024-04').find((e) => e.payload.enterpriseCount === 2));
    const co2 = (t: number, va: number) => computeIndicators(reportPayload(a, '2024-04', { valueAdded: va, energy: [{ carrier: 'raw_coal', quantity: t, unit: 't' }] }), CURRENT_FACTOR_TABLES).co2Tonnes;
    const total = co2(100, 100) + co2(10, 900);
    expect(latest.payload.totalValueAdded).toBe(1000);
    expect(latest.payload.totalCo2Tonnes).toBeCloseTo(total, 2);
    expect(latest.payload.carbonIntensity).toBeCloseTo(total / 1000, 5);
    // A mean of the two ratios would be (1.98 + 0.022) / 2, about 1.0; the weighted one is about 0.22.
    expect(latest.payload.carbonIntensity).toBeLessThan(0.3);
    // Members arriving in one batch make one version; apart, two.
    expect((await benchmarkOf('C22', '2024-04')).body).toMatchObject({ enterpriseCount: 2, version: latest.payload.version });
  });

  it('lets a revised report supersede the old one, and ignores the old one arriving late', async () => {
    const [a, b] = await Promise.all([h.register('C3011'), h.register('C3011')]);
    const first = await h.report(a, '2024-05', { revision: 1, valueAdded: 500 });
    await h.report(b, '2024-05', { revision: 1, valueAdded: 500 });
    await waitFor('both in the benchmark', () => h.benchmarkEvents('C30', '2024-05').some((e) => e.payload.enterpriseCount === 2));

    await h.report(a, '2024-05', { revision: 2, valueAdded: 1500 });
    const revised = await waitFor('revised benchmark', () => h.benchmarkEvents('C30', '2024-05').find((e) => e.payload.totalValueAdded === 2000));
    expect(revised.payload.enterpriseCount).toBe(2);
    expect((await indicatorsOf(a, '2024-05')).body).toMatchObject({ revision: 2, valueAdded: 1500 });

    // Revision 1 again: the same event redelivered, and the same report re-published under a new id.
    await h.publisher.send([first]);
    await h.report(a, '2024-05', { revision: 1, valueAdded: 500 });
    await h.drain(a);

    expect((await indicatorsOf(a, '2024-05')).body).toMatchObject({ revision: 2, valueAdded: 1500 });
    expect(h.indicatorsEvents(a, '2024-05').map((e) => e.payload.revision)).toEqual([1, 2]);
    const benchmark = await benchmarkOf('C30', '2024-05');
    expect(benchmark.body).toMatchObject({ version: revised.payload.version, enterpriseCount: 2, totalValueAdded: 2000 });
    const versions = h.benchmarkEvents('C30', '2024-05').map((e) => e.payload.version);
    expect(versions).toEqual([...new Set(versions)].sort((x, y) => x - y));
    expect(versions[versions.length - 1]).toBe(revised.payload.version);
  });

  it('announces indicators once when the same event is delivered twice', async () => {
    const uscc = await h.register();
    const entry = h.publisher.build(TOPICS.reportAccepted, reportPayload(uscc, '2024-06'));
    await h.publisher.send([entry, entry]);
    await h.drain(uscc);
    expect(h.indicatorsEvents(uscc, '2024-06')).toHaveLength(1);
  });

  it('sends what a stop between the write and the send left in the outbox when the report is redelivered', async () => {
    const uscc = await h.register('C2511');
    const report = reportPayload(uscc, '2024-09');
    const computed = computeIndicators(report, CURRENT_FACTOR_TABLES);
    const indicators = { uscc, period: '2024-09', revision: 1, industryDivision: 'C25', regionCode: '330100', valueAdded: 1000, ...computed, resources: computeResourceIndicators({}, 1000, 0), warnings: [], computedAt: new Date().toISOString() };
    const { co2ByCarrier: _c, ownRenewableCo2AvoidedTonnes: _o, gridFactor, resources: _r, warnings: _w, ...figures } = indicators;
    const member = { uscc, revision: 1, regionCode: '330100', co2Tonnes: computed.co2Tonnes, valueAdded: 1000, carbonIntensity: computed.carbonIntensity };
    // The indicators and their events written, as if the service had stopped right before sending them.
    await h.service.app.get(IndicatorsRepository).saveNewer([
      {
        indicators,
        events: [
          h.publisher.build(TOPICS.indicatorsComputed, { ...figures, gridFactorYear: gridFactor.year }),
          h.publisher.build(TOPICS.industryMember, { industryDivision: 'C25', period: '2024-09', member }),
        ],
      },
    ]);

    await h.publisher.publish(TOPICS.reportAccepted, report);
    const [benchmark] = await waitFor('benchmark from the stranded member event', () => h.benchmarkEvents('C25', '2024-09').length > 0 && h.benchmarkEvents('C25', '2024-09'));
    expect(benchmark.payload).toMatchObject({ version: 1, enterpriseCount: 1, totalCo2Tonnes: Math.round(computed.co2Tonnes * 1000) / 1000 });
    await h.drain(uscc);
    expect(h.indicatorsEvents(uscc, '2024-09')).toHaveLength(1);
  });

  it.each([
    ['a malformed code', '/v1/enterprises/91330100ABC/indicators/2024-03', 'uscc'],
    ['a malformed period', '/v1/enterprises/91350100M000100Y43/indicators/2024-13', 'period'],
    ['a malformed division', '/v1/benchmarks/C2614/2024-03', 'industryDivision'],
    ['a malformed benchmark period', '/v1/benchmarks/C26/202403', 'period'],
  ])('answers 400 naming the field for %s', async (_label, path, field) => {
    const response = await request('GET', h.url(path), undefined, await h.as({ role: 'admin' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('answers 404 for indicators and benchmarks it does not have', async () => {
    expect((await indicatorsOf('91350100M000100Y43', '2019-01')).status).toBe(404);
    expect((await benchmarkOf('C13', '2019-01')).status).toBe(404);
  });
});
