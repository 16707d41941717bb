import { TOPICS } from '@gec/contracts';
import { waitFor } from '@gec/testing';
import { benchmarkWithIntensity, indicatorsOf, own, RatingHarness, testUscc } from '../testing/rating.harness';

const PERIOD = '2026-01';

describe('rating: indicators and benchmarks in, ratings and rating-changed events out', () => {
  const rating = new RatingHarness();

  beforeAll(async () => {
    await rating.start();
  });

  afterAll(async () => {
    await rating.close();
  });

  // These benchmarks count one or two enterprises, so K is only shown to an administrator (see the disclosure test).
  const ratingOf = async (uscc: string, query = '') => (await rating.get(`/v1/ratings/${uscc}${query}`, { role: 'admin' })).body;
  const ratedAgainst = (uscc: string, benchmarkVersion: number) =>
    waitFor(`${uscc} rated against benchmark v${benchmarkVersion}`, async () => {
      const response = await rating.get(`/v1/ratings/${uscc}?period=${PERIOD}`, { role: 'admin' });
      return response.status === 200 && response.body.benchmarkVersion === benchmarkVersion && response.body;
    });

  it('answers 400 naming the field for a malformed uscc or period, 404 when there is no rating', async () => {
    const badUscc = await rating.get('/v1/ratings/91330100MA0000000X', { role: 'admin' });
    expect(badUscc.status).toBe(400);
    expect(badUscc.body.errors).toEqual([expect.objectContaining({ field: 'uscc' })]);
    const badPeriod = await rating.get(`/v1/ratings/${testUscc(1)}?period=2026-13`, own(testUscc(1)));
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors).toEqual([expect.objectContaining({ field: 'period' })]);
    expect((await rating.get(`/v1/ratings/${testUscc(1)}`, own(testUscc(1)))).status).toBe(404);
    expect((await rating.get(`/v1/ratings/${testUscc(1)}/history`, own(testUscc(1)))).status).toBe(404);
    expect((await rating.get(`/v1/ratings/${testUscc(1)}`, { role: 'admin' })).status).toBe(404);
  });

  it('rates an enterprise whose indicators come before the benchmark', async () => {
    const uscc = testUscc(2);
    await rating.publisher.publish(TOPICS.indicatorsComputed, indicatorsOf(uscc, 'C31', PERIOD, 45.32));
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C31', PERIOD, 1, 0.4623, indicatorsOf(uscc, 'C31', PERIOD, 45.32)));

    const body = await ratedAgainst(uscc, 1);
    expect(body).toEqual({
      uscc,
      period: PERIOD,
      methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
      level: 'low',
      grade: 3,
      k: 0.9803,
      carbonIntensity: 0.4532,
      industryCarbonIntensity: 0.4623,
      benchmarkVersion: 1,
      benchmarkEnterpriseCount: 2,
      indicatorsRevision: 1,
      ratedAt: expect.any(String),
      explanation: [
        'Carbon intensity L = 0.4532 t CO2 per 10,000 yuan: low (L <= 0.6)',
        'K = L / industry L = 0.4532 / 0.4623 = 0.9803: grade 3 (0.8 < K <= 1.2)',
      ],
    });
    const [event] = await waitFor('the rating-changed event', () => rating.eventsOf(uscc).length > 0 && rating.eventsOf(uscc));
    expect(event).toMatchObject({ uscc, period: PERIOD, regionCode: '330100', grade: 3, level: 'low', k: 0.9803, benchmarkVersion: 1, indicatorsRevision: 1, previous: null });
  });

  it('announces grade changes, refreshes K silently otherwise, and keeps the history of changes', async () => {
    const uscc = testUscc(3);
    // Benchmark first this time: L = 0.5
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C30', PERIOD, 1, 0.5, indicatorsOf(uscc, 'C30', PERIOD, 50)));
    await rating.publisher.publish(TOPICS.indicatorsComputed, indicatorsOf(uscc, 'C30', PERIOD, 50));
    expect(await ratedAgainst(uscc, 1)).toMatchObject({ grade: 3, level: 'low', k: 1 });

    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C30', PERIOD, 2, 1));
    expect(await ratedAgainst(uscc, 2)).toMatchObject({ grade: 1, k: 0.5 });

    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C30', PERIOD, 3, 0.9));
    expect(await ratedAgainst(uscc, 3)).toMatchObject({ grade: 1, k: 0.5556, industryCarbonIntensity: 0.9 });

    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C30', PERIOD, 4, 0.25));
    expect(await ratedAgainst(uscc, 4)).toMatchObject({ grade: 4, k: 2 });

    // One enterprise's events are published in order, so the v4 event arriving means a v3 event would have too.
    await waitFor('the v4 event', () => rating.eventsOf(uscc).some((e) => e.benchmarkVersion === 4));
    expect(rating.eventsOf(uscc).map((e) => [e.benchmarkVersion, e.grade, e.previous?.grade ?? null])).toEqual([
      [1, 3, null],
      [2, 1, 3],
      [4, 4, 1],
    ]);

    const history = await rating.get(`/v1/ratings/${uscc}/history`, { role: 'admin' });
    expect(history.status).toBe(200);
    // The enterprise itself sees the grades, not K: its benchmark counts fewer than 3 enterprises.
    const ownHistory = await rating.get(`/v1/ratings/${uscc}/history`, own(uscc));
    expect(ownHistory.body.entries.map((e: { grade: number; k: number | null }) => [e.grade, e.k])).toEqual([[4, null], [1, null], [3, null]]);
    const ownRating = (await rating.get(`/v1/ratings/${uscc}?period=${PERIOD}`, own(uscc))).body;
    expect(ownRating).toMatchObject({ grade: 4, k: null, industryCarbonIntensity: null, withheld: expect.stringContaining('fewer than 3') });
    expect(ownRating.explanation).toHaveLength(2);
    expect(ownRating.explanation[1]).toMatch(/withheld/);
    expect(history.body.uscc).toBe(uscc);
    expect(history.body.entries.map((e: { grade: number; k: number }) => [e.grade, e.k])).toEqual([
      [4, 2],
      [1, 0.5],
      [3, 1],
    ]);
    expect(history.body.entries[0]).toEqual({
      period: PERIOD,
      level: 'low',
      grade: 4,
      methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
      k: 2,
      benchmarkEnterpriseCount: expect.any(Number),
      ratedAt: expect.any(String),
      previous: { level: 'low', grade: 1, methodologyVersion: 'db33t1347-2023.1' },
    });
  });

  it('serves the latest rated period when none is asked for', async () => {
    const uscc = testUscc(4);
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C29', '2025-12', 1, 1, indicatorsOf(uscc, 'C29', '2025-12', 50)));
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkWithIntensity('C29', PERIOD, 1, 1, indicatorsOf(uscc, 'C29', PERIOD, 150)));
    await rating.publisher.publish(TOPICS.indicatorsComputed, indicatorsOf(uscc, 'C29', PERIOD, 150));
    await rating.publisher.publish(TOPICS.indicatorsComputed, indicatorsOf(uscc, 'C29', '2025-12', 50));
    await waitFor('both periods rated', async () => (await ratingOf(uscc, '?period=2025-12')).grade === 1 && (await ratingOf(uscc, `?period=${PERIOD}`)).grade);
    expect(await ratingOf(uscc)).toMatchObject({ period: PERIOD, grade: 4, level: 'medium' });
  });

  it('published exactly one event for an enterprise rated once', () => {
    expect(rating.eventsOf(testUscc(2))).toHaveLength(1);
  });
});
