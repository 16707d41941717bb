import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, waitFor } from '@gec/testing';

const report = (period: string, valueAdded: number, rawCoalT: number) => ({
  period,
  valueAdded,
  outputValue: valueAdded * 4,
  energy: [
    { carrier: 'electricity', quantity: 800, unit: 'MWh' },
    { carrier: 'raw_coal', quantity: rawCoalT, unit: 't' },
  ],
});

describe('the platform, driven through its public APIs', () => {
  const run = new IsolatedRun();
  let platform: PlatformProcesses;
  const glass = makeUscc('91500116MA5E2E001');
  const cement = makeUscc('91500113MA5E2E002');

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    platform = await startPlatformProcesses({
      logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id),
      env: (name) => run.env(name, { LOG_LEVEL: 'info' }),
    });
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('turns a registered report into indicators, a rating and an eligibility decision, and follows a revision downstream', async () => {
    const { intake, metrics, rating, finance } = platform.urls;
    const as = { [glass]: await run.authority.headers({ role: 'enterprise', uscc: glass }), [cement]: await run.authority.headers({ role: 'enterprise', uscc: cement }) };
    const regulator = await run.authority.headers({ role: 'regulator', region: '50' });
    for (const [uscc, name] of [[glass, 'E2E Glass'], [cement, 'E2E Cement']]) {
      expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name, industryCode: 'C30' }, as[uscc])).status).toBe(201);
    }
    expect((await request('POST', `${intake}/v1/enterprises/${glass}/reports`, report('2026-10', 2000, 100), as[glass])).status).toBe(202);
    expect((await request('POST', `${intake}/v1/enterprises/${cement}/reports`, report('2026-10', 2000, 150), as[cement])).status).toBe(202);

    // Both emit little CO2 against the industry (grade 3 at worst, level low): both are eligible.
    for (const uscc of [glass, cement]) {
      const decision = await waitFor(`an eligibility decision for ${uscc}`, async () => {
        const response = await request('GET', `${finance}/v1/eligibility/${uscc}?product=green-loan`, undefined, as[uscc]);
        return response.status === 200 && response.body.eligible === true && response.body;
      });
      expect(decision).toMatchObject({ rating: { period: '2026-10', methodologyVersion: expect.any(String) } });
    }

    const indicators = await request('GET', `${metrics}/v1/enterprises/${glass}/indicators/2026-10`, undefined, as[glass]);
    expect(indicators.body).toMatchObject({ revision: 1, factorTableVersion: expect.any(String) });
    const benchmark = await waitFor('both enterprises in the benchmark', async () => {
      const response = await request('GET', `${metrics}/v1/benchmarks/C30/2026-10`, undefined, regulator);
      return response.body?.enterpriseCount === 2 && response.body;
    });
    const expectedIndustryL = benchmark.totalCo2Tonnes / benchmark.totalValueAdded;
    expect(benchmark.carbonIntensity).toBeCloseTo(expectedIndustryL, 6);

    const glassRating = await waitFor('the glass maker rated against both', async () => {
      const response = await request('GET', `${rating}/v1/ratings/${glass}?period=2026-10`, undefined, as[glass]);
      return response.status === 200 && response.body.benchmarkVersion >= benchmark.version && response.body;
    });
    expect(glassRating).toMatchObject({ methodology: { id: 'zhejiang-carbon-efficiency' }, grade: expect.any(Number), level: expect.any(String) });

    // The cement works revises its report with far more coal: its rating worsens and it loses eligibility.
    const revised = await request('POST', `${intake}/v1/enterprises/${cement}/reports`, { ...report('2026-10', 2000, 3000), reason: 'coal deliveries were under-counted' }, as[cement]);
    expect(revised.body).toMatchObject({ revision: 2 });
    const ineligible = await waitFor('the revision to reach eligibility', async () => {
      const response = await request('GET', `${finance}/v1/eligibility/${cement}?product=green-loan`, undefined, as[cement]);
      return response.status === 200 && response.body.eligible === false && response.body;
    });
    expect(ineligible.reasons.join(' ')).toMatch(/grade|level/);
    const revisedIndicators = await request('GET', `${metrics}/v1/enterprises/${cement}/indicators/2026-10`, undefined, as[cement]);
    expect(revisedIndicators.body.revision).toBe(2);
    const revisedBenchmark = await request('GET', `${metrics}/v1/benchmarks/C30/2026-10`, undefined, regulator);
    expect(revisedBenchmark.body.enterpriseCount).toBe(2);
    const history = await request('GET', `${rating}/v1/ratings/${cement}/history`, undefined, as[cement]);
    expect(history.body.entries.length).toBeGreaterThanOrEqual(2);
  });
});
