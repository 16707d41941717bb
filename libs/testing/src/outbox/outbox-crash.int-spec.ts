import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import pino from 'pino';
import { Schema } from 'mongoose';
import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createKafkaClient, EventProducer, MongoConnection, Outbox, outboxField, TopicNames } from '@gec/platform';
import { createPlatformTopics } from '../platform-topics';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';
import { TestPublisher } from '../test-publisher';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';

const run = promisify(execFile);

describe('outbox (platform) after a crash', () => {
  const isolated = new IsolatedRun();
  const infra = testInfra();
  const publisher = new TestPublisher(isolated.topicPrefix);
  let reader: TopicReader;
  let mongo: MongoConnection;
  let producer: EventProducer;

  beforeAll(async () => {
    await createPlatformTopics(isolated.topicPrefix);
    reader = await new TopicReader(publisher.physical(TOPICS.enterpriseRegistered)).start();
    mongo = new MongoConnection(infra.mongoUrl, isolated.dbName('outbox'));
    mongo.model('CrashProbe', new Schema({ _id: String, name: String, outbox: outboxField }), 'crash_probes');
    await mongo.open();
    const logger = pino({ level: 'silent' });
    producer = new EventProducer(createKafkaClient({ brokers: infra.kafkaBrokers.split(','), clientId: 'outbox-test', logger }), new TopicNames(isolated.topicPrefix));
  });

  afterAll(async () => {
    await Promise.all([reader?.stop(), producer?.disconnect(), publisher.close()]);
    await mongo?.close();
  });

  it('publishes an event whose process was killed between the database write and the Kafka send', async () => {
    const uscc = makeUscc('91500000CRAH00001');
    const fixture = path.join(__dirname, 'outbox-crash.fixture.ts');
    const crashed = await run(process.execPath, ['-r', '@swc-node/register', fixture, infra.mongoUrl, isolated.dbName('outbox'), infra.kafkaBrokers, isolated.topicPrefix, uscc], {
      env: { ...process.env, SWC_NODE_PROJECT: path.join(__dirname, '../../../../tsconfig.base.json') },
    }).catch((error: { signal?: string; stdout: string }) => error);
    expect((crashed as { signal?: string }).signal).toBe('SIGKILL');
    const eventId = (crashed as { stdout: string }).stdout.trim();

    // The write is whole: the document and its pending event are there; nothing reached Kafka.
    const probes = mongo.modelForCollection('crash_probes')!;
    const stored = (await probes.findById(uscc).lean()) as unknown as { outbox: Array<{ eventId: string }> };
    expect(stored.outbox.map((e) => e.eventId)).toEqual([eventId]);
    expect(reader.messages).toHaveLength(0);

    // A restarted service's sweep publishes it and clears the pending list.
    const restarted = new Outbox(mongo, producer, pino({ level: 'silent' }));
    expect(await restarted.sweep(0)).toBe(1);
    await restarted.drain();
    await waitFor('the relay to publish', () => reader.json<{ eventId: string }>().find((e) => e.eventId === eventId));
    const after = (await probes.findById(uscc).lean()) as unknown as { outbox: unknown[] };
    expect(after.outbox).toEqual([]);
    expect(await restarted.sweep(0)).toBe(0);
  });
});
