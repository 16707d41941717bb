import { EligibilityChanged, EventEnvelope, Rated, TOPICS } from '@gec/contracts';
import { GREEN_LOAN_DEFAULT_RULE, makeUscc } from '@gec/domain';
import { deterministicId, grantAccess, pipelineKeys } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TopicReader, waitFor, ratingChangedFixture } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';
import { RatingsRepository } from '../ratings/ratings.repository';
import { RecordRatingUseCase } from '../ratings/record-rating/record-rating.use-case';
import { EligibilityRepository } from './eligibility.repository';

const TRANSITION_LOAN = { id: 'transition-loan', name: 'Transition loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 4 }] } };

describe('finance: eligibility from rating changes (real Kafka and database)', () => {
  const run = new IsolatedRun();
  let service: RunningService;
  let publisher: TestPublisher;
  let published: TopicReader;
  let enterprises = 0;

  const newUscc = () => makeUscc(`91330100MA2C${String(++enterprises).padStart(5, '0')}`);
  const self = (uscc: string) => run.authority.headers({ role: 'enterprise', uscc });
  const eligibility = async (uscc: string, query = '', headers?: Record<string, string>) =>
    request(`GET`, `${service.url}/v1/eligibility/${uscc}${query}`, undefined, headers ?? (await self(uscc)));
  const decisionsOf = (uscc: string, product = 'green-loan') =>
    published.json<EventEnvelope<EligibilityChanged>>().filter((e) => e.payload.uscc === uscc && e.payload.product === product);

  const rating = (uscc: string, period: string, grade: number, level: Rated['level'], regionCode: string | null = '330100') => {
    const { regionCode: _default, ...fixture } = ratingChangedFixture(uscc, { period, grade, level });
    return regionCode ? { ...fixture, regionCode } : fixture;
  };

  const waitForDecisions = (uscc: string, count: number, product = 'green-loan') =>
    waitFor(`${count} eligibility-changed events for ${uscc} (${product})`, () => decisionsOf(uscc, product).length >= count && decisionsOf(uscc, product));

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    const products = [{ id: 'green-loan', name: 'Green loan', rule: GREEN_LOAN_DEFAULT_RULE }, TRANSITION_LOAN];
    service = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { FINANCE_PRODUCTS: JSON.stringify(products) }))));
    publisher = new TestPublisher(run.topicPrefix);
    published = await new TopicReader(publisher.physical(TOPICS.eligibilityChanged)).start();
  });

  afterAll(async () => {
    await published?.stop();
    await publisher?.close();
    await service?.close();
  });

  it('makes a well-rated enterprise eligible, then ineligible when its grade drops, publishing each change', async () => {
    const uscc = newUscc();
    const first = await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-05', 2, 'low'));

    const eligible = await waitFor('an eligibility decision', async () => {
      const response = await eligibility(uscc);
      return response.status === 200 && response;
    });
    expect(eligible.body).toEqual({
      uscc,
      product: 'green-loan',
      eligible: true,
      reasons: ['carbon-efficiency grade 2 meets the required 3 or better', 'carbon level low is allowed (excluded: high)'],
      rating: { grade: 2, level: 'low', period: '2026-05', methodologyVersion: 'db33t1347-2023.1' },
      decidedAt: expect.any(String),
    });
    const [firstEvent] = await waitForDecisions(uscc, 1);
    expect(firstEvent.eventId).toBe(deterministicId(TOPICS.eligibilityChanged.name, first.eventId, 'green-loan'));
    expect(firstEvent.causationId).toBe(first.eventId);
    expect(firstEvent.payload).toMatchObject({ eligible: true, previouslyEligible: null, decidedAt: eligible.body.decidedAt });

    const second = await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-06', 4, 'low'));
    const [, secondEvent] = await waitForDecisions(uscc, 2);
    expect(secondEvent.payload).toMatchObject({ eligible: false, previouslyEligible: true, rating: { grade: 4, period: '2026-06' } });
    expect(secondEvent.payload.reasons).toContain('carbon-efficiency grade 4 is worse than the required 3 or better');
    const ineligible = await eligibility(uscc, '?product=green-loan');
    expect(ineligible.body).toMatchObject({ eligible: false, rating: { grade: 4, level: 'low', period: '2026-06' } });

    // Grade 4 still meets the transition loan's rule: one published decision, re-affirmed on the grade-4 rating.
    expect(decisionsOf(uscc, 'transition-loan')).toHaveLength(1);
    expect((await eligibility(uscc, '?product=transition-loan')).body).toMatchObject({ eligible: true, rating: { grade: 4 } });

    const history = (await service.app.get(EligibilityRepository).findHistory(grantAccess({ subject: 'admin', role: 'admin' }, uscc, ['admin'])!, 'green-loan')) ?? [];
    expect(history.map((h) => ({ changed: h.changed, eligible: h.eligible, causingEventId: h.causingEventId, eventId: h.eventId }))).toEqual([
      { changed: ['first'], eligible: true, causingEventId: first.eventId, eventId: firstEvent.eventId },
      { changed: ['eligible', 'conditions'], eligible: false, causingEventId: second.eventId, eventId: secondEvent.eventId },
    ]);
    expect(history[1]).toMatchObject({ previouslyEligible: true, rule: GREEN_LOAN_DEFAULT_RULE, rating: { grade: 4, period: '2026-06' } });
  });

  it('publishes nothing when a new rating keeps the decision (grade 2 -> 1), but answers with the rating it now rests on', async () => {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-05', 2, 'low'));
    await waitForDecisions(uscc, 1);
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-06', 1, 'low'));
    const reaffirmed = await waitFor('the decision re-affirmed on the grade-1 rating', async () => {
      const body = (await eligibility(uscc)).body;
      return body?.rating?.grade === 1 && body;
    });
    expect(reaffirmed).toMatchObject({ eligible: true, rating: { period: '2026-06', grade: 1 }, reasons: expect.arrayContaining([expect.stringMatching(/grade 1/)]) });
    // Same key, same partition: once the decision on this later rating is out, the grade-1 rating was handled.
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-07', 5, 'low'));

    const events = await waitForDecisions(uscc, 2);
    expect(events.map((e) => [e.payload.eligible, e.payload.rating?.grade])).toEqual([
      [true, 2],
      [false, 5],
    ]);
  });

  it("doesn't let an older period's rating override the latest", async () => {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-06', 2, 'low'));
    await waitForDecisions(uscc, 1);
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-05', 5, 'high'));
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-06', 4, 'low'));

    const events = await waitForDecisions(uscc, 2);
    expect(events).toHaveLength(2);
    expect(events[1].payload).toMatchObject({ eligible: false, rating: { grade: 4, level: 'low', period: '2026-06' } });
    expect((await eligibility(uscc)).body).toMatchObject({ eligible: false, rating: { grade: 4, period: '2026-06' } });
  });

  it('publishes one eligibility event for a rating event delivered twice', async () => {
    const uscc = newUscc();
    const entry = publisher.build(TOPICS.ratingChanged, rating(uscc, '2026-05', 3, 'medium'));
    await publisher.send([entry]);
    await publisher.send([entry]);
    await waitForDecisions(uscc, 1);
    // A redelivery that escaped the transport's dedupe (e.g. a crash before it remembered the event) decides nothing new.
    const payload = JSON.parse(entry.value) as EventEnvelope<Rated>;
    await service.app.get(RecordRatingUseCase).execute([
      {
        ...payload.payload,
        methodologyId: payload.payload.methodology.id,
        methodologyVersion: payload.payload.methodology.version,
        eventId: entry.eventId,
      },
    ]);
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-06', 3, 'high'));

    const events = await waitForDecisions(uscc, 2);
    expect(events.map((e) => e.payload.eligible)).toEqual([true, false]);
    expect(events[0].eventId).toBe(deterministicId(TOPICS.eligibilityChanged.name, entry.eventId, 'green-loan'));
  });

  it('answers 404 naming the product for an unknown product, 404 without a decision, 400 for a malformed code', async () => {
    const unknownProduct = await eligibility(newUscc(), '?product=gold-card');
    expect(unknownProduct.status).toBe(404);
    expect(unknownProduct.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknownProduct.body.errors).toEqual([{ field: 'product', reason: 'unknown product' }]);

    expect((await eligibility(newUscc())).status).toBe(404);

    const malformed = await eligibility('91330100MA2C0000XX', '', await run.authority.headers({ role: 'admin' }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['uscc']);
  });

  it('lists the products with their rules to any signed-in role, and to nobody else', async () => {
    for (const claims of [{ role: 'bank', bankId: 'cq-green-bank' }, { role: 'regulator', region: '50' }, { role: 'admin' }, { role: 'enterprise', uscc: newUscc() }] as const) {
      const response = await request('GET', `${service.url}/v1/products`, undefined, await run.authority.headers(claims));
      expect(response.status).toBe(200);
      expect(response.body).toEqual([{ id: 'green-loan', name: 'Green loan', rule: GREEN_LOAN_DEFAULT_RULE }, TRANSITION_LOAN]);
    }
    const anonymous = await request('GET', `${service.url}/v1/products`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it("shows a decision to the enterprise, regulators of its region and administrators, and hides it from everyone else", async () => {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc, '2026-05', 2, 'low', '330106'));
    await waitFor('the decision', async () => (await eligibility(uscc)).status === 200);
    const as = async (claims: Parameters<typeof run.authority.headers>[0]) => (await eligibility(uscc, '', await run.authority.headers(claims))).status;

    expect(await as({ role: 'regulator', region: '33' })).toBe(200);
    expect(await as({ role: 'regulator', region: '3301' })).toBe(200);
    expect(await as({ role: 'regulator', region: '330106' })).toBe(200);
    expect(await as({ role: 'regulator', region: '50' })).toBe(404);
    expect(await as({ role: 'regulator', region: '3302' })).toBe(404);
    expect(await as({ role: 'admin' })).toBe(200);
    expect(await as({ role: 'enterprise', uscc: newUscc() })).toBe(404);
    expect(await as({ role: 'bank', bankId: 'cq-green-bank' })).toBe(404);
    const anonymous = await request('GET', `${service.url}/v1/eligibility/${uscc}`);
    expect(anonymous.status).toBe(401);
    const forged = await request('GET', `${service.url}/v1/eligibility/${uscc}`, undefined, { authorization: `Bearer ${run.authority.unsignedToken({ role: 'admin' })}` });
    expect(forged.status).toBe(401);
  });

  it('keeps the region an older rating event lacks, and hides from regulators an enterprise whose region was never reported', async () => {
    const unknownRegion = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(unknownRegion, '2026-05', 2, 'low', null));
    await waitFor('the decision', async () => (await eligibility(unknownRegion)).status === 200);
    const regulator = await run.authority.headers({ role: 'regulator', region: '33' });
    expect((await eligibility(unknownRegion, '', regulator)).status).toBe(404);
    expect((await eligibility(unknownRegion, '', await run.authority.headers({ role: 'admin' }))).status).toBe(200);

    const known = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(known, '2026-05', 2, 'low', '330100'));
    await waitForDecisions(known, 1);
    await publisher.publish(TOPICS.ratingChanged, rating(known, '2026-06', 5, 'low', null));
    await waitForDecisions(known, 2);
    const ratings = service.app.get(RatingsRepository);
    expect((await ratings.findMany(pipelineKeys([known]))).get(known)?.rating).toMatchObject({ period: '2026-06', regionCode: '330100' });
    expect((await eligibility(known, '', regulator)).body).toMatchObject({ eligible: false, rating: { period: '2026-06', grade: 5 } });
  });
});
