import { crashServicesInTurn, DOWN_MS, FaultPlatform, request, runFaultScenario, sleep, waitFor } from '@gec/testing';

/**
 * kill -9 of the services themselves in the middle of a steady load, metrics and rating running as two replicas
 * that share their consumer group. Each killed process is started again (same environment and port) after a
 * couple of seconds; intake's clients retry what fails, with the same body.
 */
describe('the platform when its services are killed -9 under load', () => {
  const platform = new FaultPlatform({ replicas: { metrics: 2, rating: 2 } });

  beforeAll(async () => {
    await platform.start();
  }, 180000);

  afterAll(async () => {
    await platform.stop();
  }, 60000);

  it('(a) metrics, rating, finance and intake killed one after another: nothing lost, nothing wrong, no decision published twice', async () => {
    const result = await runFaultScenario(platform, {
      name: 'services killed -9 under load (metrics and rating x2)',
      load: { periods: ['2026-07', '2026-08'], tag: 'PRC' },
      fault: async (load) => {
        await load.reached(0.1);
        return crashServicesInTurn(platform, [{ service: 'metrics', replica: 1 }, { service: 'rating', replica: 0 }, { service: 'finance' }, { service: 'intake' }], { load });
      },
    });
    expect(result.lost).toEqual([]);
    expect(result.wrong).toEqual([]);
    expect(result.deadLettered).toEqual({});
    expect(result.settle).toMatchObject({ settled: true });
  });

  it('(f) metrics, restarted after kill -9, handles a report sent after the restart within 10 s', async () => {
    const sent = platform.client.sentReports();
    expect(sent.length).toBeGreaterThan(0);
    const { uscc, body } = sent[sent.length - 1];
    const headers = await platform.client.headers(uscc);
    await platform.processes.kill('metrics', { signal: 'SIGKILL' });
    await sleep(DOWN_MS);
    const restartedAt = Date.now();
    let readyAt: number | undefined;
    const restarting = platform.processes.restart('metrics').then(() => (readyAt = Date.now()));

    // Sent while metrics starts (intake is up): it waits on Kafka until metrics consumes again.
    const revision = await platform.client.submit(uscc, { ...body, valueAdded: body.valueAdded + 1 });
    const handledAt = await waitFor(
      `metrics to compute revision ${revision} of ${uscc} ${body.period}`,
      async () => {
        const response = await request('GET', `${platform.processes.urls.metrics}/v1/enterprises/${uscc}/indicators/${body.period}`, undefined, headers);
        return response.status === 200 && response.body.revision >= revision && Date.now();
      },
      { timeoutMs: 90000, intervalMs: 100 },
    );
    await restarting;
    const tookMs = handledAt - restartedAt;
    console.log(
      `[faults] (f) metrics (both replicas) killed -9 and restarted: ready ${((readyAt! - restartedAt) / 1000).toFixed(1)} s after the restart, ` +
        `the report sent after the restart handled ${(tookMs / 1000).toFixed(1)} s after the restart`,
    );
    expect(tookMs).toBeLessThan(10000);
  });
});
