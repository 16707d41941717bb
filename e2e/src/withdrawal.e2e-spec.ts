import path from 'node:path';
import { BenchmarkUpdated, EligibilityChanged, EventEnvelope, IndicatorsComputed, isRatingWithdrawn, RatingChanged, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, PlatformProcesses, request, startPlatformProcesses, TestPublisher, TopicReader, waitFor } from '@gec/testing';

const PERIOD = '2026-07';
const DIVISION = 'C31';

/**
 * A report withdrawn through intake's API drops out downstream: its indicators are withdrawn, it leaves its
 * industry's benchmark (count and totals go down, a new version), its rating for the period is withdrawn while the
 * others are re-rated against that version, and finance's decisions on it change. Submitted again, it is live again.
 */
describe('a withdrawn report drops out of indicators, benchmarks, ratings and eligibility', () => {
  const run = new IsolatedRun();
  const names = new TestPublisher(run.topicPrefix);
  let platform: PlatformProcesses;
  let indicatorsEvents: TopicReader;
  let benchmarks: TopicReader;
  let ratings: TopicReader;
  let decisions: TopicReader;
  const enterprises = Array.from({ length: 4 }, (_, i) => makeUscc(`91500116MA5WDR${String(i).padStart(3, '0')}`));
  const [withdrawn, ...others] = enterprises;
  const headers = new Map<string, Record<string, string>>();
  let admin: Record<string, string>;

  const body = (i: number, extra: object = {}) => ({ period: PERIOD, valueAdded: 1000 + i * 100, outputValue: 4000, energy: [{ carrier: 'raw_coal', quantity: 100 + i * 150, unit: 't' }], ...extra });
  const newestVersion = () => Math.max(0, ...benchmarkVersions().map((b) => b.version));
  const benchmarkVersions = () =>
    benchmarks
      .json<EventEnvelope<BenchmarkUpdated>>()
      .map((e) => e.payload)
      .filter((b) => b.industryDivision === DIVISION && b.period === PERIOD);
  const ratingOf = (uscc: string) => request('GET', `${platform.urls.rating}/v1/ratings/${uscc}?period=${PERIOD}`, undefined, admin);
  const eligibilityOf = (uscc: string) => request('GET', `${platform.urls.finance}/v1/eligibility/${uscc}?product=green-loan`, undefined, headers.get(uscc));
  const benchmark = async () => (await request('GET', `${platform.urls.metrics}/v1/benchmarks/${DIVISION}/${PERIOD}`, undefined, admin)).body;
  const allRatedAgainstNewest = async (usccs: string[]) => {
    const newest = newestVersion();
    const served = await Promise.all(usccs.map(ratingOf));
    return served.every((r) => r.status === 200 && r.body.benchmarkVersion === newest);
  };

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    [indicatorsEvents, benchmarks, ratings, decisions] = await Promise.all(
      [TOPICS.indicatorsComputed, TOPICS.benchmarkUpdated, TOPICS.ratingChanged, TOPICS.eligibilityChanged].map((t) => new TopicReader(names.physical(t)).start()),
    );
    platform = await startPlatformProcesses({
      logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id),
      env: (name) => run.env(name, { LOG_LEVEL: 'warn', RERATE_COALESCE_MS: '300' }),
    });
    admin = await run.authority.headers({ role: 'admin' });
    for (const uscc of enterprises) headers.set(uscc, await run.authority.headers({ role: 'enterprise', uscc }));
  }, 120000);

  afterAll(async () => {
    await Promise.all([indicatorsEvents, benchmarks, ratings, decisions].map((r) => r?.stop()));
    await names.close();
    await platform?.stop();
  });

  it('withdraws one report of an industry and every service follows', async () => {
    const { intake, metrics, rating } = platform.urls;
    for (const [i, uscc] of enterprises.entries()) {
      expect((await request('POST', `${intake}/v1/enterprises`, { uscc, name: `Withdrawal ${i}`, industryCode: 'C3110' }, headers.get(uscc))).status).toBe(201);
      expect((await request('POST', `${intake}/v1/enterprises/${uscc}/reports`, body(i), headers.get(uscc))).status).toBe(202);
    }
    await waitFor('every enterprise rated against the benchmark counting all four', async () => (await benchmark())?.enterpriseCount === 4 && allRatedAgainstNewest(enterprises), { timeoutMs: 90000 });
    await waitFor('a decision for the enterprise to withdraw', async () => (await eligibilityOf(withdrawn)).status === 200);
    const before = await benchmark();
    const own = (await request('GET', `${metrics}/v1/enterprises/${withdrawn}/indicators/${PERIOD}`, undefined, admin)).body;
    const ratedBefore = (await ratingOf(withdrawn)).body;

    // The HTTP edge: another enterprise is refused, a period without a report is not found, a reason is required.
    const stranger = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/withdrawal`, { reason: 'not mine' }, headers.get(others[0]));
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');
    const missing = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/2026-01/withdrawal`, { reason: 'never reported' }, headers.get(withdrawn));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const blank = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/withdrawal`, { reason: '   ' }, headers.get(withdrawn));
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    const reason = 'reported for the wrong legal entity';
    const keyed = { ...headers.get(withdrawn), 'idempotency-key': `withdraw-${withdrawn}` };
    const accepted = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/withdrawal`, { reason: `  ${reason} ` }, keyed);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ uscc: withdrawn, period: PERIOD, revision: 2, status: 'withdrawn', reason });
    // A retry under the same Idempotency-Key gets the same answer (not a second withdrawal, not 409).
    const retried = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/withdrawal`, { reason: `  ${reason} ` }, keyed);
    expect({ status: retried.status, body: retried.body }).toEqual({ status: 202, body: accepted.body });
    const again = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/withdrawal`, { reason }, admin);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');

    // intake: the report shows its withdrawal; its revisions keep the first one and the withdrawal with its reason.
    expect((await request('GET', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}`, undefined, headers.get(withdrawn))).body).toMatchObject({ revision: 2, status: 'withdrawn', reason, supersededRevisions: [1] });
    const revisions = (await request('GET', `${intake}/v1/enterprises/${withdrawn}/reports/${PERIOD}/revisions`, undefined, admin)).body.revisions;
    expect(revisions.map((r: { revision: number; status: string; reason?: string }) => [r.revision, r.status, r.reason ?? null])).toEqual([
      [1, 'submitted', null],
      [2, 'withdrawn', reason],
    ]);

    // metrics: the indicators are withdrawn (a new revision, no values), and announced so.
    const indicators = await waitFor('withdrawn indicators', async () => {
      const r = await request('GET', `${metrics}/v1/enterprises/${withdrawn}/indicators/${PERIOD}`, undefined, admin);
      return r.body.status === 'withdrawn' && r.body;
    });
    expect(indicators).toMatchObject({ uscc: withdrawn, period: PERIOD, revision: 2 });
    expect(indicators.co2Tonnes).toBeUndefined();
    await waitFor('indicators-computed withdrawn', () =>
      indicatorsEvents.json<EventEnvelope<IndicatorsComputed>>().some((e) => e.payload.uscc === withdrawn && 'withdrawn' in e.payload && e.payload.revision === 2),
    );

    // The benchmark loses the member: count and totals go down by its figures, in a new version announced as removing it.
    const after = await waitFor('the benchmark without the withdrawn member', async () => {
      const b = await benchmark();
      return b.enterpriseCount === 3 && b;
    });
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.totalCo2Tonnes).toBeCloseTo(before.totalCo2Tonnes - own.co2Tonnes, 3);
    expect(after.totalValueAdded).toBeCloseTo(before.totalValueAdded - own.valueAdded, 3);
    const removing = await waitFor('benchmark-updated removing the member', () => benchmarkVersions().find((b) => b.removedMembers?.some((m) => m.uscc === withdrawn)));
    expect(removing).toMatchObject({ version: after.version, enterpriseCount: 3, removedMembers: [{ uscc: withdrawn, revision: 2 }] });

    // rating: the withdrawn period has no rating (the history keeps the earlier one and records the withdrawal); the
    // others are re-rated against the version without it.
    await waitFor('the others re-rated against the new version', () => allRatedAgainstNewest(others), { timeoutMs: 60000 });
    for (const uscc of others) expect((await ratingOf(uscc)).body.industryCarbonIntensity).toBeCloseTo(after.carbonIntensity, 4);
    await waitFor('no rating for the withdrawn period', async () => (await ratingOf(withdrawn)).status === 404);
    const history = (await request('GET', `${rating}/v1/ratings/${withdrawn}/history`, undefined, admin)).body.entries;
    expect(history[0]).toMatchObject({ period: PERIOD, withdrawn: true, previous: { grade: ratedBefore.grade, level: ratedBefore.level } });
    expect(history[1]).toMatchObject({ period: PERIOD, grade: ratedBefore.grade, level: ratedBefore.level });
    const withdrawal = await waitFor('rating-changed announcing the withdrawal', () =>
      ratings.json<EventEnvelope<RatingChanged>>().find((e) => e.payload.uscc === withdrawn && isRatingWithdrawn(e.payload)),
    );
    expect(withdrawal.payload).toMatchObject({ period: PERIOD, withdrawn: true, indicatorsRevision: 2, benchmarkVersion: after.version });

    // finance: the decision on the withdrawn rating changes, is published, and names the withdrawal.
    const decision = await waitFor('the decision without a rating', async () => {
      const r = await eligibilityOf(withdrawn);
      return r.body.rating === null && r.body;
    });
    expect(decision).toMatchObject({ eligible: false, reasons: [expect.stringContaining(`rating for ${PERIOD} was withdrawn`)] });
    const changed = await waitFor('eligibility-changed on the withdrawal', () =>
      decisions.json<EventEnvelope<EligibilityChanged>>().find((e) => e.payload.uscc === withdrawn && e.payload.rating === null),
    );
    expect(changed.causationId).toBe(withdrawal.eventId);
    expect(changed.payload).toMatchObject({ product: 'green-loan', eligible: false });

    // Submitted again (a revision, so with a reason): live again everywhere.
    const resubmitted = await request('POST', `${intake}/v1/enterprises/${withdrawn}/reports`, body(0, { reason: 'the right entity after all' }), headers.get(withdrawn));
    expect(resubmitted.status).toBe(202);
    expect(resubmitted.body).toMatchObject({ revision: 3 });
    await waitFor('the benchmark counting it again', async () => (await benchmark()).enterpriseCount === 4);
    await waitFor('rated again', async () => {
      const r = await ratingOf(withdrawn);
      return r.status === 200 && r.body.indicatorsRevision === 3;
    });
    await waitFor('a decision on the new rating', async () => (await eligibilityOf(withdrawn)).body.rating?.period === PERIOD);
  });
});
