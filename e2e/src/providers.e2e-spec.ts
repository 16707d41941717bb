import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, waitFor } from '@gec/testing';

const PERIOD = '2026-10';

/**
 * Issue #8 item 5, done when: a provider's electricity figure and an enterprise's self-reported one for the same period
 * are both visible, the configured one (by default the provider's) is used downstream, and the disagreement is flagged.
 */
describe("a data provider's figures, through the platform's public APIs", () => {
  const run = new IsolatedRun();
  let platform: PlatformProcesses;
  const uscc = makeUscc('91500112MA5PRE001');

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    platform = await startPlatformProcesses({ logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id), env: (name) => run.env(name, { LOG_LEVEL: 'info' }) });
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it("uses the grid's electricity downstream, keeps the enterprise's beside it and flags the disagreement", async () => {
    const { intake, metrics, finance } = platform.urls;
    const admin = await run.authority.headers({ role: 'admin' });
    const own = await run.authority.headers({ role: 'enterprise', uscc });
    const regulator = await run.authority.headers({ role: 'regulator', region: '50' });

    // An administrator registers the grid and gives its machine client a key, which it exchanges for a token.
    const provider = { id: 'cq-grid', name: 'State Grid Chongqing', kind: 'grid', regionScope: '50', figures: ['energy.electricity'] };
    expect((await request('POST', `${finance}/v1/providers`, provider, admin)).status).toBe(201);
    const key = await request('POST', `${finance}/v1/providers/cq-grid/api-keys`, undefined, admin);
    expect(key.status).toBe(201);
    const token = await request('POST', `${finance}/v1/auth/token`, undefined, { 'x-api-key': key.body.apiKey });
    expect(token.status).toBe(200);
    const grid = { authorization: `Bearer ${token.body.access_token}` };

    expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name: 'Yubei Steel', industryCode: 'C31' }, own)).status).toBe(201);
    const report = { period: PERIOD, valueAdded: 1000, outputValue: 4000, energy: [{ carrier: 'electricity', quantity: 650, unit: 'MWh' }] };
    expect((await request('POST', `${intake}/v1/enterprises/${uscc}/reports`, report, own)).status).toBe(202);
    const first = await waitFor('indicators of the enterprise\'s own report', async () => {
      const response = await request('GET', `${metrics}/v1/enterprises/${uscc}/indicators/${PERIOD}`, undefined, own);
      return response.status === 200 && response.body;
    });

    const put = await request('PUT', `${intake}/v1/enterprises/${uscc}/reports/${PERIOD}/sources/cq-grid`, { figures: { 'energy.electricity': 700000 } }, grid);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ revision: 2, warnings: [expect.objectContaining({ code: 'source-disagreement', field: 'energy.electricity' })] });

    // Downstream: metrics computes from the provider's 700 MWh, not the enterprise's 650.
    const second = await waitFor('indicators of the revision with the provider\'s figure', async () => {
      const response = await request('GET', `${metrics}/v1/enterprises/${uscc}/indicators/${PERIOD}`, undefined, own);
      return response.status === 200 && response.body.revision === 2 && response.body;
    });
    expect(second.energyTce / first.energyTce).toBeCloseTo(700 / 650, 6);

    // Both visible side by side, to the enterprise and its regulator, with the disagreement flagged.
    for (const headers of [own, regulator]) {
      const sources = await request('GET', `${intake}/v1/enterprises/${uscc}/reports/${PERIOD}/sources`, undefined, headers);
      expect(sources.status).toBe(200);
      expect(sources.body.figures).toContainEqual({
        key: 'energy.electricity',
        unit: 'kWh',
        used: 'provider:cq-grid',
        value: 700000,
        disagrees: true,
        values: [expect.objectContaining({ source: 'provider:cq-grid', value: 700000 }), expect.objectContaining({ source: 'self', value: 650000 })],
      });
    }
    const revisions = await request('GET', `${intake}/v1/enterprises/${uscc}/reports/${PERIOD}/revisions`, undefined, own);
    expect(revisions.body.revisions[1]).toMatchObject({ reason: 'figures from provider cq-grid: energy.electricity', warnings: [expect.objectContaining({ code: 'source-disagreement' })] });

    // Revoking the key shuts the provider out.
    expect((await request('DELETE', `${finance}/v1/providers/cq-grid/api-keys/${key.body.keyId}`, undefined, admin)).status).toBe(204);
    await waitFor('the revoked provider token to be refused', async () => (await request('GET', `${intake}/v1/enterprises/${uscc}/reports/${PERIOD}/sources`, undefined, grid)).status === 401);
  });
});
