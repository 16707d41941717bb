import { ComputedIndicators as IndicatorsComputed, TOPICS } from '@gec/contracts';
import { JobQueues } from '@gec/platform';
import { request, waitFor } from '@gec/testing';
import { benchmarkOf, indicatorsOf, own, RatingHarness, testUscc } from '../testing/rating.harness';
import { RATING_QUEUE } from './rating.queue';

const PERIOD = '2026-02';

describe('rating: a new benchmark version re-rates the whole industry', () => {
  const rating = new RatingHarness();

  beforeAll(async () => {
    await rating.start();
  });

  afterAll(async () => {
    await rating.close();
  });

  const ratingOf = async (uscc: string) => (await rating.get(`/v1/ratings/${uscc}?period=${PERIOD}`, own(uscc))).body;
  const queue = () => rating.service.app.get(JobQueues).queue(RATING_QUEUE);

  it('re-rates the other three when a fourth enterprise joins and moves the industry L', async () => {
    // L = 0.5, 0.6, 0.7 (low, low, medium); industry L of all three 0.6 -> K 0.8333, 1, 1.1667: all grade 3.
    const members: IndicatorsComputed[] = [50, 60, 70].map((co2, i) => indicatorsOf(testUscc(10 + i), 'C32', PERIOD, co2));
    for (const m of members) await rating.publisher.publish(TOPICS.indicatorsComputed, m);
    for (let v = 1; v <= 3; v++) await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkOf('C32', PERIOD, v, members.slice(0, v), [members[v - 1]]));
    for (const m of members) {
      await waitFor(`${m.uscc} rated against v3`, async () => {
        const body = await ratingOf(m.uscc);
        return body.benchmarkVersion === 3 && body.grade === 3;
      });
    }

    // L = 3 lifts the industry L to 480 / 400 = 1.2 -> K 0.4167, 0.5, 0.5833: all grade 1.
    const fourth = indicatorsOf(testUscc(13), 'C32', PERIOD, 300);
    await rating.publisher.publish(TOPICS.indicatorsComputed, fourth);
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkOf('C32', PERIOD, 4, [...members, fourth], [fourth]));

    for (const [i, m] of members.entries()) {
      const body = await waitFor(`${m.uscc} re-rated against v4`, async () => {
        const body = await ratingOf(m.uscc);
        return body.benchmarkVersion === 4 && body;
      });
      const level = ['low', 'low', 'medium'][i];
      expect(body).toMatchObject({ grade: 1, level, industryCarbonIntensity: 1.2, k: [0.4167, 0.5, 0.5833][i] });
      const event = await waitFor(`${m.uscc}'s v4 event`, () => rating.eventsOf(m.uscc).find((e) => e.benchmarkVersion === 4));
      expect(event).toMatchObject({ grade: 1, level, previous: { grade: 3, level } });
    }
    await waitFor('the fourth rated against v4', async () => (await ratingOf(fourth.uscc)).benchmarkVersion === 4);
    expect(await ratingOf(fourth.uscc)).toMatchObject({ grade: 5, level: 'high', k: 2.5 });
  });

  it('rates each enterprise once per benchmark version when the event is delivered twice, and changes nothing', async () => {
    const uscc = testUscc(20);
    const indicators = indicatorsOf(uscc, 'C33', PERIOD, 80);
    const benchmark = benchmarkOf('C33', PERIOD, 1, [indicators, indicatorsOf(testUscc(21), 'C33', PERIOD, 80)]);
    const event = rating.publisher.build(TOPICS.benchmarkUpdated, benchmark);
    await rating.publisher.send([event]);
    const rated = await waitFor('the rating', async () => (await ratingOf(uscc)).benchmarkVersion === 1 && ratingOf(uscc));
    await waitFor('its event', () => rating.eventsOf(uscc).length === 1);

    // The same event again, and the same benchmark under a new event id (as a producer retrying would send it).
    await rating.publisher.send([event]);
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmark);
    // Same key, same partition: once the sentinel is rated, both deliveries above have been handled.
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkOf('C33', '2026-03', 1, [indicatorsOf(uscc, 'C33', '2026-03', 80)]));
    await waitFor('the sentinel rated', async () => (await rating.get(`/v1/ratings/${uscc}?period=2026-03`, own(uscc))).status === 200);
    await waitFor('no re-rating pending', async () => Object.values(await queue().getJobCounts('delayed', 'waiting', 'active')).every((n) => n === 0));
    expect(await ratingOf(uscc)).toEqual(rated);
    expect(rating.eventsOf(uscc).filter((e) => e.period === PERIOD)).toHaveLength(1);
  });

  it('re-rates an industry on request as a job whose progress an administrator reads', async () => {
    const members = Array.from({ length: 30 }, (_, i) => indicatorsOf(testUscc(100 + i), 'C36', PERIOD, 40 + i));
    await rating.publisher.publish(TOPICS.benchmarkUpdated, benchmarkOf('C36', PERIOD, 1, members));
    await waitFor('all rated', async () => (await ratingOf(members[29].uscc)).benchmarkVersion === 1);
    const admin = { role: 'admin' as const };
    const started = await request('POST', rating.url(`/v1/rerating/C36/${PERIOD}`), undefined, await rating.as(admin));
    expect(started.status).toBe(202);
    const progress = await waitFor('the job done', async () => {
      const body = (await rating.get(`/v1/rerating/C36/${PERIOD}`, admin)).body;
      return body.jobId === started.body.jobId && body.state === 'done' && body;
    });
    expect(progress).toMatchObject({ total: 30, done: 30, benchmarkVersion: 1, etaSeconds: 0 });
    expect((await rating.get(`/v1/rerating/C36/${PERIOD}`, own(members[0].uscc))).status).toBe(403);
    // Nothing moved, so nothing was announced again.
    expect(rating.eventsOf(members[0].uscc)).toHaveLength(1);
  });

  it('shows its jobs at /metrics: durations by queue and outcome, and the queue depth by state', async () => {
    const text = await (await fetch(rating.url('/metrics'))).text();
    expect(text).toMatch(new RegExp(`^gec_queue_job_duration_seconds_count\\{[^}]*queue="${RATING_QUEUE}"[^}]*outcome="completed"[^}]*\\} [1-9]`, 'm'));
    expect(text).toMatch(new RegExp(`^gec_queue_jobs\\{[^}]*queue="${RATING_QUEUE}"[^}]*state="waiting"[^}]*\\} \\d+`, 'm'));
  });
});
