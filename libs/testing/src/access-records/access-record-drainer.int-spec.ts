import pino from 'pino';
import { DataAccessed, EventEnvelope, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import {
  ACCESS_RECORD_GROUP,
  AccessRecordDrainer,
  AccessRecorder,
  accessRecordStreamKey,
  createKafkaClient,
  EnterpriseAccess,
  EventFactory,
  EventProducer,
  grantAccess,
  RedisConnection,
  TopicNames,
} from '@gec/platform';
import { createPlatformTopics } from '../platform-topics';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';

describe('access records through a Redis stream to Kafka (platform, real Redis and Kafka)', () => {
  const run = new IsolatedRun();
  const infra = testInfra();
  const logger = pino({ level: 'silent' });
  const stream = accessRecordStreamKey(run.id, 'probe');
  const redis = new RedisConnection(infra.redisUrl);
  let producer: EventProducer;
  let reader: TopicReader;
  const drainers: AccessRecordDrainer[] = [];

  const access = (uscc: string): EnterpriseAccess => grantAccess({ subject: 'regulator-50', role: 'regulator', regionPrefix: '50' }, uscc, ['jurisdiction'])!;
  const published = () => reader.json<EventEnvelope<DataAccessed>>();
  const drainer = async (claimIdleMs: number) => {
    const started = new AccessRecordDrainer(redis, stream, producer, logger, { intervalMs: 50, claimIdleMs });
    drainers.push(started);
    await started.start();
    return started;
  };

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    await redis.open();
    producer = new EventProducer(createKafkaClient({ brokers: infra.kafkaBrokers.split(','), clientId: 'drainer-test', logger }), new TopicNames(run.topicPrefix));
    reader = await new TopicReader(new TopicNames(run.topicPrefix).physical(TOPICS.dataAccessed.name)).start();
  });

  afterAll(async () => {
    for (const started of drainers) await started.stop();
    await Promise.all([reader?.stop(), producer?.disconnect()]);
    await redis.close();
  });

  it('publishes records a stopped consumer read and never acknowledged, once they are idle long enough, with the access id as event id', async () => {
    const recorder = new AccessRecorder(redis, stream, new EventFactory('probe'));
    const uscc = makeUscc('91500000MA5D00001');
    await redis.requests.xgroup('CREATE', stream, ACCESS_RECORD_GROUP, '0', 'MKSTREAM');
    await Promise.all([recorder.record(access(uscc), 'rating 2026-10'), recorder.record(access(uscc), 'rating 2026-09')]);
    // A consumer that read them and died before sending them on.
    const taken = (await redis.requests.xreadgroup('GROUP', ACCESS_RECORD_GROUP, 'dead-consumer', 'COUNT', 10, 'STREAMS', stream, '>')) as Array<[string, unknown[]]>;
    expect(taken[0][1].length).toBeGreaterThan(0);

    await drainer(300);
    const events = await waitFor('both records on Kafka', () => published().filter((e) => e.payload.uscc === uscc).length >= 2 && published().filter((e) => e.payload.uscc === uscc));
    expect(events.map((e) => e.payload.resource).sort()).toEqual(['rating 2026-09', 'rating 2026-10']);
    for (const event of events) {
      expect(event.eventId).toBe(event.payload.accessId);
      expect(event).toMatchObject({ type: TOPICS.dataAccessed.type, producer: 'probe', key: uscc, payload: { role: 'regulator', basis: 'jurisdiction', regionPrefix: '50' } });
    }
    // Acknowledged and deleted: nothing pending, nothing left.
    await waitFor('the stream to be empty', async () => (await redis.requests.xlen(stream)) === 0);
    const [pending] = (await redis.requests.xpending(stream, ACCESS_RECORD_GROUP)) as [number];
    expect(pending).toBe(0);
  });

  it('publishes what a process recorded before it stopped, in its last drain', async () => {
    for (const running of drainers.splice(0)) await running.stop();
    const recorder = new AccessRecorder(redis, stream, new EventFactory('probe'));
    const uscc = makeUscc('91500000MA5D00002');
    // Its next drain is an hour away: only the one at shutdown can publish these.
    const last = new AccessRecordDrainer(redis, stream, producer, logger, { intervalMs: 3_600_000, claimIdleMs: 60_000 });
    await last.start();
    await Promise.all(Array.from({ length: 120 }, (_, i) => recorder.record(access(uscc), `rating ${i}`)));
    expect(await redis.requests.xlen(stream)).toBeGreaterThan(0);
    await last.stop();
    expect(await redis.requests.xlen(stream)).toBe(0);
    await waitFor('every record on Kafka', () => published().filter((e) => e.payload.uscc === uscc).length === 120 || undefined);
  });
});
