import path from 'node:path';
import { BenchmarkUpdated, EligibilityChanged, EventEnvelope, Rated, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, TestPublisher, TopicReader, waitFor } from '@gec/testing';

const ENTERPRISES = 6;
const REVISIONS = 4;
const PERIOD = '2026-08';

/**
 * Revisions of several enterprises of one industry, interleaved as fast as intake takes them: every rating-changed
 * event must rest on a benchmark version that counts the enterprise at exactly the revision it was rated on, with
 * that version's industry intensity, and every eligibility-changed event on such a rating.
 */
describe('ratings and decisions rest on benchmarks that count the revision they rate', () => {
  const run = new IsolatedRun();
  const names = new TestPublisher(run.topicPrefix);
  let platform: PlatformProcesses;
  let benchmarks: TopicReader;
  let ratings: TopicReader;
  let decisions: TopicReader;
  const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => makeUscc(`91500116MA5CNT${String(i).padStart(3, '0')}`));

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    [benchmarks, ratings, decisions] = await Promise.all(
      [TOPICS.benchmarkUpdated, TOPICS.ratingChanged, TOPICS.eligibilityChanged].map((t) => new TopicReader(names.physical(t)).start()),
    );
    platform = await startPlatformProcesses({
      logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id),
      env: (name) => run.env(name, { LOG_LEVEL: 'warn', RERATE_COALESCE_MS: '300' }),
    });
  }, 120000);

  afterAll(async () => {
    await Promise.all([benchmarks, ratings, decisions].map((r) => r?.stop()));
    await names.close();
    await platform?.stop();
  });

  it('publishes no rating or decision that mixes revisions', async () => {
    const { intake, rating } = platform.urls;
    const headers = new Map(await Promise.all(enterprises.map(async (uscc) => [uscc, await run.authority.headers({ role: 'enterprise', uscc })] as const)));
    for (const uscc of enterprises) {
      expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name: `Consistency ${uscc}`, industryCode: 'C31' }, headers.get(uscc))).status).toBe(201);
    }
    // Each round revises every enterprise at once; coal swings widely so grades move with each revision.
    for (let revision = 1; revision <= REVISIONS; revision++) {
      await Promise.all(
        enterprises.map(async (uscc, i) => {
          const coal = 20 + ((i * 97 + revision * 211) % 600);
          const body = { period: PERIOD, valueAdded: 1000 + i * 50, outputValue: 4000, energy: [{ carrier: 'raw_coal', quantity: coal, unit: 't' }], ...(revision > 1 ? { reason: `round ${revision}` } : {}) };
          expect((await request('POST', `${intake}/v1/enterprises/${uscc}/reports`, body, headers.get(uscc))).status).toBe(202);
        }),
      );
    }
    // Settled: every enterprise rated on its last revision against the newest benchmark version.
    await waitFor(
      'every enterprise rated on its last revision',
      async () => {
        const newest = Math.max(0, ...benchmarks.json<EventEnvelope<BenchmarkUpdated>>().map((e) => e.payload.version));
        const served = await Promise.all(enterprises.map((uscc) => request('GET', `${rating}/v1/ratings/${uscc}?period=${PERIOD}`, undefined, headers.get(uscc))));
        return served.every((r) => r.status === 200 && r.body.indicatorsRevision === REVISIONS && r.body.benchmarkVersion === newest);
      },
      { timeoutMs: 90000 },
    );

    // The readers may trail the stored state by a moment: every enterprise has a first rating and a first decision.
    await waitFor('a rating event and a decision for every enterprise', () =>
      enterprises.every(
        (uscc) =>
          ratings.json<EventEnvelope<Rated>>().some((e) => e.payload.uscc === uscc) &&
          decisions.json<EventEnvelope<EligibilityChanged>>().some((e) => e.payload.uscc === uscc),
      ),
    );

    // What each benchmark version counted: members' revisions and intensities, accumulated in version order.
    const versions = benchmarks
      .json<EventEnvelope<BenchmarkUpdated>>()
      .map((e) => e.payload)
      .filter((b) => b.industryDivision === 'C31' && b.period === PERIOD)
      .sort((a, b) => a.version - b.version);
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    const counted = new Map<number, { intensity: number; members: Map<string, { revision: number; carbonIntensity: number }> }>();
    let members = new Map<string, { revision: number; carbonIntensity: number }>();
    for (const v of versions) {
      members = new Map(members);
      for (const m of v.changedMembers ?? []) members.set(m.uscc, { revision: m.revision, carbonIntensity: m.carbonIntensity });
      counted.set(v.version, { intensity: v.carbonIntensity, members });
    }

    const rated = ratings.json<EventEnvelope<Rated>>().filter((e) => enterprises.includes(e.payload.uscc));
    expect(rated.length).toBeGreaterThanOrEqual(ENTERPRISES);
    for (const { payload: r } of rated) {
      const basis = counted.get(r.benchmarkVersion);
      expect(basis).toBeDefined();
      expect({ uscc: r.uscc, counted: basis!.members.get(r.uscc)?.revision }).toEqual({ uscc: r.uscc, counted: r.indicatorsRevision });
      expect(r.carbonIntensity).toBe(basis!.members.get(r.uscc)!.carbonIntensity);
      expect(r.industryCarbonIntensity).toBe(basis!.intensity);
    }
    // Per enterprise, ratings only move forward in benchmark version.
    for (const uscc of enterprises) {
      const seen = rated.filter((e) => e.payload.uscc === uscc).map((e) => e.payload.benchmarkVersion);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }

    // Every decision was caused by one of those checked rating events, and states that rating's grade and level.
    const byId = new Map(rated.map((e) => [e.eventId, e.payload]));
    const decided = decisions.json<EventEnvelope<EligibilityChanged>>().filter((e) => enterprises.includes(e.payload.uscc));
    expect(decided.length).toBeGreaterThanOrEqual(ENTERPRISES);
    for (const d of decided) {
      const cause = byId.get(d.causationId ?? '');
      expect(cause).toBeDefined();
      expect(d.payload.rating).toMatchObject({ grade: cause!.grade, level: cause!.level, period: cause!.period });
    }
  });
});
