import pino from 'pino';
import { Model, Schema } from 'mongoose';
import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createKafkaClient, EventFactory, EventProducer, isDuplicateKey, MongoConnection, Outbox, outboxField, OutboxEntry, TopicNames } from '@gec/platform';
import { createPlatformTopics } from '../platform-topics';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';
import { TestPublisher } from '../test-publisher';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';

/**
 * The two windows in which the first outbox design stranded an acknowledged event: (1) a write that failed after the
 * server had applied it removed its pointer; (2) a later commit of the same document that wrote nothing removed the
 * pointer an earlier, unsent commit had left (a registration whose send failed, then a retried POST answered 409).
 */
describe('outbox (platform): no window strands an event', () => {
  const isolated = new IsolatedRun();
  const infra = testInfra();
  const publisher = new TestPublisher(isolated.topicPrefix);
  const logger = pino({ level: 'silent' });
  const events = new EventFactory('outbox-windows');
  let reader: TopicReader;
  let mongo: MongoConnection;
  let producer: EventProducer;
  let model: Model<never>;

  const registration = (uscc: string): OutboxEntry =>
    events.create(TOPICS.enterpriseRegistered, { uscc, name: 'Probe', industryCode: 'C26', industryDivision: 'C26', regionCode: '500000', registeredAt: new Date().toISOString() });
  const insert = async (uscc: string, event: OutboxEntry) => {
    try {
      await model.collection.insertOne({ _id: uscc, name: 'Probe', outbox: [event] } as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  };
  const published = (eventId: string) => reader.json<{ eventId: string }>().filter((e) => e.eventId === eventId);
  const outboxOf = async (uscc: string) => ((await model.findById(uscc).lean()) as unknown as { outbox: unknown[] }).outbox;

  beforeAll(async () => {
    await createPlatformTopics(isolated.topicPrefix);
    reader = await new TopicReader(publisher.physical(TOPICS.enterpriseRegistered)).start();
    mongo = new MongoConnection(infra.mongoUrl, isolated.dbName('outbox_windows'));
    model = mongo.model('WindowProbe', new Schema({ _id: String, name: String, outbox: outboxField }), 'window_probes') as never;
    await mongo.open();
    producer = new EventProducer(createKafkaClient({ brokers: infra.kafkaBrokers.split(','), clientId: 'outbox-windows', logger }), new TopicNames(isolated.topicPrefix));
  });

  afterAll(async () => {
    await Promise.all([reader?.stop(), producer?.disconnect(), publisher.close()]);
    await mongo?.close();
  });

  it('(1) publishes the event of a write that failed after the server applied it (a timeout)', async () => {
    const outbox = new Outbox(mongo, producer, logger);
    const uscc = makeUscc('91500000WNDW00001');
    const event = registration(uscc);
    await expect(
      outbox.commit({ model, id: uscc }, async () => {
        await insert(uscc, event);
        throw Object.assign(new Error('operation timed out'), { name: 'MongoNetworkTimeoutError' });
      }),
    ).rejects.toThrow('timed out');
    await outbox.drain();
    await waitFor('the event published', () => published(event.eventId).length === 1);
    expect(await outboxOf(uscc)).toEqual([]);
    expect(await outbox.sweep(0)).toBe(0);
  });

  it('(2) publishes an earlier unsent event when a later commit of the same document writes nothing (409)', async () => {
    const uscc = makeUscc('91500000WNDW00002');
    const event = registration(uscc);
    // The first request's process wrote the document and its pointer, and stopped before its relay could send.
    const first = new Outbox(mongo, producer, logger);
    await first.stopRelay();
    await first.commit({ model, id: uscc }, () => insert(uscc, event));
    expect(published(event.eventId)).toHaveLength(0);

    // The client retries on another replica: the registration exists, the write does nothing (the API answers 409).
    const second = new Outbox(mongo, producer, logger);
    expect(await second.commit({ model, id: uscc }, () => insert(uscc, registration(uscc)))).toBe(false);
    await second.drain();
    await waitFor('the first event published', () => published(event.eventId).length === 1);
    expect(await outboxOf(uscc)).toEqual([]);
    // The first commit's pointer is left to the sweep, which finds nothing more to send and removes it.
    expect(await second.sweep(0)).toBe(1);
    await second.drain();
    expect(await second.sweep(0)).toBe(0);
    expect(published(event.eventId)).toHaveLength(1);
  });
});
