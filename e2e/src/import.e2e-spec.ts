import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, waitFor } from '@gec/testing';

const PERIOD = '2026-08';

describe('a bulk import, through the whole platform', () => {
  const run = new IsolatedRun();
  let platform: PlatformProcesses;
  const members = [1, 2, 3].map((i) => makeUscc(`91500113MA5XMP00${i}`));

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

  it("turns an import's good rows into indicators, a benchmark and ratings, and leaves its bad row out", async () => {
    const { intake, metrics, rating } = platform.urls;
    const admin = await run.authority.headers({ role: 'admin' });
    for (const [i, uscc] of members.entries()) {
      expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name: `Import E2E ${i}`, industryCode: 'C31' }, admin)).status).toBe(201);
    }
    const file = [
      'uscc,period,value_added,output_value,electricity_kwh,raw_coal_t,new_water_m3',
      ...members.map((uscc, i) => `${uscc},${PERIOD},${1000 + i * 500},${4000 + i * 1000},800000,${100 + 50 * i},500`),
      `${members[0]},${PERIOD},-1,4000,800000,100,`,
    ].join('\n');
    const upload = await fetch(`${intake}/v1/imports?filename=e2e.csv`, { method: 'POST', body: file, headers: { ...admin, 'content-type': 'text/csv' } });
    expect(upload.status).toBe(202);
    const { importId } = (await upload.json()) as { importId: string };
    const done = await waitFor('the import done', async () => {
      const body = (await request('GET', `${intake}/v1/imports/${importId}`, undefined, admin)).body;
      return body.status === 'done' && body;
    });
    expect(done.rows).toEqual({ total: 4, done: 4, ok: 3, failed: 1 });

    // The bad row (a negative value added, row 5) was the first enterprise's revision: it stays at revision 1.
    for (const uscc of members) {
      const rated = await waitFor(`${uscc} rated`, async () => {
        const response = await request('GET', `${rating}/v1/ratings/${uscc}?period=${PERIOD}`, undefined, admin);
        return response.status === 200 && response.body;
      }, { timeoutMs: 30000 });
      expect(rated).toMatchObject({ grade: expect.any(Number), level: expect.any(String) });
      const indicators = await request('GET', `${metrics}/v1/enterprises/${uscc}/indicators/${PERIOD}`, undefined, admin);
      expect(indicators.body).toMatchObject({ revision: 1 });
    }
    const benchmark = await waitFor('all three in the benchmark', async () => {
      const response = await request('GET', `${metrics}/v1/benchmarks/C31/${PERIOD}`, undefined, admin);
      return response.body?.enterpriseCount === 3 && response.body;
    });
    expect(benchmark.totalValueAdded).toBe(1000 + 1500 + 2000);
  });
});
