import { makeUscc } from '@gec/domain';
import { crashInfrastructure, FaultPlatform, InfraComponent, InfraControl, INFRA_COMPONENTS, ReportBody, request, runFaultScenario, waitFor } from '@gec/testing';

const infra = new InfraControl();
const ours = INFRA_COMPONENTS.every((c) => infra.controllable(c));
if (!ours) {
  console.warn(`[faults] skipping infrastructure faults: instance ${infra.instance.instance} in ${infra.instance.localDir} does not run all of ${INFRA_COMPONENTS.join(', ')} itself (external URLs?)`);
}
const describeOwn = ours ? describe : describe.skip;

/** How long (e) gives intake to answer while the broker is down, before calling it hung. */
const BROKER_DOWN_ANSWER_TIMEOUT_MS = 5000;

/**
 * kill -9 of the test instance's Kafka broker, database and Redis in the middle of a steady load, each then started
 * again through deploy/local/infra.sh with the data it had. The platform (one process per service) must lose nothing,
 * get nothing wrong and publish no decision twice; clients retry what fails, with the same body.
 */
describeOwn('the platform when its infrastructure is killed -9 under load', () => {
  const platform = new FaultPlatform();
  // (e)'s probe: an enterprise of its own, reporting a period no load uses, so that a report whose POST timed out
  // (and that intake may still store later) never enters the oracle's inputs.
  const probe = { uscc: makeUscc('91500112MAPRB0001'), industryCode: 'C2614', name: 'Broker-down probe' };
  const probeReport: ReportBody = { period: '2026-11', valueAdded: 1500, outputValue: 6000, energy: [{ carrier: 'electricity', quantity: 900, unit: 'MWh' }] };
  let brokerDownAnswer: Awaited<ReturnType<FaultPlatform['client']['submitOnce']>> | undefined;
  const postWhileBrokerDown = async () => {
    brokerDownAnswer = await platform.client.submitOnce(probe.uscc, probeReport, BROKER_DOWN_ANSWER_TIMEOUT_MS);
  };

  beforeAll(async () => {
    await platform.start();
    await platform.client.register(probe);
  }, 180000);

  afterAll(async () => {
    // Whatever a test left behind, the next test file finds the infrastructure running.
    for (const component of INFRA_COMPONENTS) if (!infra.controllable(component)) await infra.start(component).catch(() => undefined);
    await platform.stop();
  }, 120000);

  it.each<[string, InfraComponent, string[], string]>([
    ['(b) the Kafka broker', 'kafka', ['2026-01', '2026-02'], 'KFK'],
    ['(c) the database', 'mongo', ['2026-03', '2026-04'], 'DBK'],
    ['(d) Redis (append-only file: BullMQ jobs survive)', 'redis', ['2026-05', '2026-06'], 'RDK'],
  ])('%s: nothing lost, nothing wrong, no decision published twice', async (_name, component, periods, tag) => {
    const result = await runFaultScenario(platform, {
      name: `${component} killed -9 under load`,
      load: { periods, tag },
      fault: async (load) => {
        await load.reached(0.35);
        // While the broker is down, (e) times a report POST too.
        return [await crashInfrastructure(infra, component, { load, whileDown: component === 'kafka' ? postWhileBrokerDown : undefined })];
      },
    });
    expect(result.lost).toEqual([]);
    expect(result.wrong).toEqual([]);
    expect(result.deadLettered).toEqual({});
    expect(result.settle).toMatchObject({ settled: true });
  });

  it('(e) accepts a report within 1 s (202) while the broker is down, and publishes it when the broker is back', async () => {
    // Measured during (b)'s outage; on its own, this test takes the broker down itself.
    if (!brokerDownAnswer) await crashInfrastructure(infra, 'kafka', { whileDown: postWhileBrokerDown });
    const answer = brokerDownAnswer!;
    console.log(`[faults] (e) with the broker down, a report POST answered ${answer.status} after ${answer.tookMs} ms (gave up at ${BROKER_DOWN_ANSWER_TIMEOUT_MS} ms)`);

    // Published once the broker is back: the revision intake stored reaches metrics.
    const headers = await platform.client.headers(probe.uscc);
    const stored = await waitFor('intake to serve the probe report', async () => {
      const response = await request('GET', `${platform.processes.urls.intake}/v1/enterprises/${probe.uscc}/reports/${probeReport.period}`, undefined, headers);
      return response.status === 200 && (response.body.revision as number);
    }, { timeoutMs: 60000, intervalMs: 250 });
    await waitFor('metrics to compute the probe report', async () => {
      const response = await request('GET', `${platform.processes.urls.metrics}/v1/enterprises/${probe.uscc}/indicators/${probeReport.period}`, undefined, headers);
      return response.status === 200 && response.body.revision >= stored;
    }, { timeoutMs: 60000, intervalMs: 250 });

    expect(answer).toMatchObject({ status: 202, revision: stored });
    expect(answer.tookMs).toBeLessThan(1000);
  });
});
