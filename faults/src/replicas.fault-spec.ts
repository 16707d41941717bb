import { FaultPlatform, runFaultScenario } from '@gec/testing';

/**
 * The same inputs through a platform with one process per service and through one with metrics and rating at two
 * replicas each (sharing their consumer groups, topics of 6 partitions): both must end up with what the oracle
 * expects, so with the same results.
 */
describe('two replicas of metrics and rating against one', () => {
  const single = new FaultPlatform();
  const replicated = new FaultPlatform({ replicas: { metrics: 2, rating: 2 } });

  beforeAll(async () => {
    await Promise.all([single.start(), replicated.start()]);
  }, 240000);

  afterAll(async () => {
    await Promise.all([single.stop(), replicated.stop()]);
  }, 60000);

  it('serves what the oracle expects with either, and the same results', async () => {
    const load = { periods: ['2026-09', '2026-10'], tag: 'RPL', seed: 7 };
    const [one, two] = await Promise.all([
      runFaultScenario(single, { name: 'one replica each', load }),
      runFaultScenario(replicated, { name: 'metrics and rating x2', load }),
    ]);
    for (const result of [one, two]) {
      expect(result.lost).toEqual([]);
      expect(result.wrong).toEqual([]);
      expect(result.deadLettered).toEqual({});
      expect(result.settle).toMatchObject({ settled: true });
    }
    const outcome = (r: typeof one) => ({
      ratings: Object.fromEntries([...r.observed.ratings].map(([key, o]) => [key, o && { grade: o.grade, level: o.level, k: o.k }])),
      eligibility: Object.fromEntries([...r.observed.eligibility].map(([key, o]) => [key, o && { eligible: o.eligible, period: o.rating?.period }])),
      revisions: Object.fromEntries([...r.observed.indicators].map(([key, o]) => [key, o?.revision])),
    });
    expect(outcome(two)).toEqual(outcome(one));
  });
});
