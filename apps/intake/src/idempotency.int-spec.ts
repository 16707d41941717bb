import { TOPICS, EventEnvelope, EnterpriseRegistered } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TopicReader, waitFor } from '@gec/testing';
import { readIntakeConfig } from './intake.config';
import { createIntakeApp } from './intake.app';

const report = {
  period: '2026-09',
  valueAdded: 1250.5,
  outputValue: 5300,
  energy: [{ carrier: 'electricity', quantity: 1000, unit: 'MWh' }],
};

/** Idempotency-Key on a real intake service (real Redis, database and Kafka): the platform's hooks, not a mock. */
describe('intake: Idempotency-Key', () => {
  const run = new IsolatedRun();
  const publisher = new TestPublisher(run.topicPrefix);
  let service: RunningService;
  let registered: TopicReader;
  let serial = 0;

  const newUscc = () => makeUscc(`91500000MA5U${String(++serial).padStart(4, '0')}K`);
  const own = (uscc: string) => run.authority.headers({ role: 'enterprise', uscc });
  const admin = () => run.authority.headers({ role: 'admin' });
  const key = () => `k-${run.id}-${++serial}`;
  const register = async (body: object, as: Record<string, string>, idempotencyKey?: string) =>
    request('POST', `${service.url}/v1/enterprises`, body, { ...as, ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }) });
  const submit = async (uscc: string, body: object, idempotencyKey?: string) =>
    request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, body, { ...(await own(uscc)), ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }) });
  const registrationsOf = (uscc: string) => registered.json<EventEnvelope<EnterpriseRegistered>>().filter((e) => e.payload.uscc === uscc);

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    service = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake'))));
    registered = await new TopicReader(publisher.physical(TOPICS.enterpriseRegistered)).start();
  });

  afterAll(async () => {
    await Promise.all([registered?.stop(), publisher.close()]);
    await service?.close();
  });

  it('answers a repeated registration with the first 201 and its body, registering once', async () => {
    const uscc = newUscc();
    const body = { uscc, name: 'Chongqing Glass', industryCode: 'C3041' };
    const k = key();
    const first = await register(body, await own(uscc), k);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same body re-serialised with another key order is the same request.
    const again = await register({ industryCode: 'C3041', name: 'Chongqing Glass', uscc }, await own(uscc), `"${k}"`);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-correlation-id')).not.toBe(first.headers.get('x-correlation-id'));

    // Without the key the same registration is what it always was: a conflict.
    expect((await register(body, await own(uscc))).status).toBe(409);
    await waitFor('the registration event', () => registrationsOf(uscc).length > 0);
    expect(registrationsOf(uscc)).toHaveLength(1);
  });

  it('replays an error the exception filter made (problem+json) just as a success', async () => {
    const uscc = newUscc();
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const k = key();
    const first = await register({ uscc: wrong, name: 'X', industryCode: 'C30' }, await admin(), k);
    expect(first.status).toBe(400);
    expect(first.headers.get('content-type')).toContain('application/problem+json');
    const again = await register({ uscc: wrong, name: 'X', industryCode: 'C30' }, await admin(), k);
    expect(again).toMatchObject({ status: 400, body: first.body });
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('makes one revision of a report submitted twice with one key, and a new one with a new key', async () => {
    const uscc = newUscc();
    expect((await register({ uscc, name: 'Revisions Ltd', industryCode: 'C3041' }, await own(uscc))).status).toBe(201);
    const k = key();
    const first = await submit(uscc, report, k);
    expect(first).toMatchObject({ status: 202, body: { revision: 1 } });
    const again = await submit(uscc, report, k);
    expect(again).toMatchObject({ status: 202, body: first.body });
    const latest = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/${report.period}`, undefined, await own(uscc));
    expect(latest.body).toMatchObject({ revision: 1 });
    expect((await submit(uscc, { ...report, reason: 'a second revision' }, key())).body).toMatchObject({ revision: 2 });
  });

  it('refuses the same key with another body with 422 naming the header', async () => {
    const uscc = newUscc();
    const k = key();
    expect((await register({ uscc, name: 'First', industryCode: 'C3041' }, await admin(), k)).status).toBe(201);
    const other = await register({ uscc, name: 'Second', industryCode: 'C3041' }, await admin(), k);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body).toMatchObject({ status: 422, errors: [{ field: 'Idempotency-Key', reason: expect.any(String) }] });
    expect((await register({ uscc, name: 'First', industryCode: 'C3041' }, await admin(), k)).status).toBe(201);

    const reportKey = key();
    expect((await submit(uscc, report, reportKey)).status).toBe(202);
    expect((await submit(uscc, { ...report, valueAdded: 1 }, reportKey)).status).toBe(422);
  });

  it('runs concurrent duplicates once: the others get 409 or the same answer', async () => {
    const uscc = newUscc();
    const body = { uscc, name: 'Concurrent Co', industryCode: 'C3041' };
    const k = key();
    const headers = await own(uscc);
    const answers = await Promise.all(Array.from({ length: 6 }, () => register(body, headers, k)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body).toEqual(created[0].body);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.stringMatching(/still being processed/) }]);
      expect(answer.headers.get('retry-after')).toBe('1');
    }
    // Once answered, a retry gets the first answer.
    expect(await register(body, headers, k)).toMatchObject({ status: 201, body: created[0].body });
    await waitFor('the registration event', () => registrationsOf(uscc).length > 0);
    expect(registrationsOf(uscc)).toHaveLength(1);
  });

  it('keeps callers apart: another caller with the same key runs its own request', async () => {
    const a = newUscc();
    const b = newUscc();
    const k = key();
    expect((await register({ uscc: a, name: 'A', industryCode: 'C3041' }, await own(a), k)).status).toBe(201);
    const second = await register({ uscc: b, name: 'B', industryCode: 'C3041' }, await own(b), k);
    expect(second).toMatchObject({ status: 201, body: { uscc: b } });
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    // The same subject under another role is another caller too.
    expect((await register({ uscc: a, name: 'A', industryCode: 'C3041' }, await admin(), k)).status).toBe(409);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(256)],
    ['with a space', 'two words'],
    ['an unterminated string', '"abc'],
  ])('refuses a malformed key (%s) with 400 naming the header, changing nothing', async (_name, header) => {
    const uscc = newUscc();
    const answer = await register({ uscc, name: 'Malformed', industryCode: 'C3041' }, await own(uscc), header);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}`, undefined, await own(uscc))).status).toBe(404);
  });

  it('ignores the header where it means nothing: reads, and callers refused before the handler', async () => {
    const uscc = newUscc();
    const read = await request('GET', `${service.url}/v1/enterprises/${uscc}`, undefined, { ...(await own(uscc)), 'idempotency-key': 'two words' });
    expect(read.status).toBe(404);
    const anonymous = await request('POST', `${service.url}/v1/enterprises`, { uscc }, { 'idempotency-key': key() });
    expect(anonymous.status).toBe(401);
  });

  it('documents the header on every operation that changes something', async () => {
    const document = (await request('GET', `${service.url}/docs-json`)).body;
    const post = document.paths['/v1/enterprises'].post;
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['400', '409', '422']));
    expect(document.paths['/v1/enterprises/{uscc}/reports'].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
    expect(JSON.stringify(document.paths['/v1/enterprises/{uscc}'].get)).not.toContain('Idempotency-Key');
  });
});
