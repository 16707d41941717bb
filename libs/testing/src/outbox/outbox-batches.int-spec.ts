import pino from 'pino';
import { Model, Schema } from 'mongoose';
import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createKafkaClient, DocumentEvents, EventFactory, EventProducer, MongoConnection, Outbox, outboxBatchesField, OUTBOX_BATCHES_COLLECTION, OutboxEntry, pendingEvents, TopicNames } from '@gec/platform';
import { createPlatformTopics } from '../platform-topics';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';
import { TestPublisher } from '../test-publisher';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';

interface Probe {
  _id: string;
  name: string;
  outboxBatches?: string[];
}

/**
 * A unit of work that writes many documents keeps their events in one batch document, staged before the state; each
 * document names the batch in its own write. Redone after a crash, the work sends what its documents name; a batch
 * whose documents were never written (or only some of them) sends nothing for the others.
 */
describe('outbox (platform): events of many documents in one batch', () => {
  const isolated = new IsolatedRun();
  const infra = testInfra();
  const publisher = new TestPublisher(isolated.topicPrefix);
  const logger = pino({ level: 'silent' });
  const factory = new EventFactory('outbox-batches');
  let reader: TopicReader;
  let mongo: MongoConnection;
  let producer: EventProducer;
  let model: Model<never>;
  let outbox: Outbox;

  const registration = (uscc: string): OutboxEntry =>
    factory.create(TOPICS.enterpriseRegistered, { uscc, name: 'Probe', industryCode: 'C26', industryDivision: 'C26', regionCode: '500000', registeredAt: new Date().toISOString() });
  const published = (eventId: string) => reader.json<{ eventId: string }>().filter((e) => e.eventId === eventId);
  const batchExists = async (id: string) => (await mongo.connection.db!.collection(OUTBOX_BATCHES_COLLECTION).countDocuments({ _id: id } as never)) === 1;
  const write = (uscc: string, batch: string | undefined) => model.collection.insertOne({ _id: uscc, name: 'Probe', ...(batch ? { outboxBatches: [batch] } : {}) } as never);
  // What a unit of work read: every document it asked for, found or not, with what each still waits for.
  const read = async (ids: string[]): Promise<DocumentEvents[]> => {
    const found = pendingEvents(model, (await model.find({ _id: { $in: ids } } as never).lean()) as unknown as Probe[]);
    return ids.map((id) => found.find((p) => p.id === id) ?? { model, id, events: [] });
  };

  beforeAll(async () => {
    await createPlatformTopics(isolated.topicPrefix);
    reader = await new TopicReader(publisher.physical(TOPICS.enterpriseRegistered)).start();
    mongo = new MongoConnection(infra.mongoUrl, isolated.dbName('outbox_batches'));
    model = mongo.model('BatchProbe', new Schema({ _id: String, name: String, outboxBatches: outboxBatchesField }), 'batch_probes') as never;
    await mongo.open();
    producer = new EventProducer(createKafkaClient({ brokers: infra.kafkaBrokers.split(','), clientId: 'outbox-batches', logger }), new TopicNames(isolated.topicPrefix));
    outbox = new Outbox(mongo, producer, logger);
  });

  afterAll(async () => {
    await Promise.all([reader?.stop(), producer?.disconnect(), publisher.close()]);
    await mongo?.close();
  });

  it('sends a batch written whole and deletes it', async () => {
    const [a, b] = [makeUscc('91500000BTCH00001'), makeUscc('91500000BTCH00002')];
    const events = [registration(a), registration(b)];
    const staged = await outbox.stage([a, b].map((id, i) => ({ model, id, events: [events[i]] })));
    expect(staged.batches).toHaveLength(1);
    for (const id of [a, b]) await write(id, staged.batchOf.get(id));
    await outbox.publish([], { staged });
    await waitFor('both published', () => events.every((e) => published(e.eventId).length === 1));
    expect(await batchExists(staged.batches[0]._id)).toBe(false);
  });

  it('after a crash between the writes and the send, sends only the events of the documents that name the batch', async () => {
    const [written, notWritten] = [makeUscc('91500000BTCH00003'), makeUscc('91500000BTCH00004')];
    const events = [registration(written), registration(notWritten)];
    const staged = await outbox.stage([written, notWritten].map((id, i) => ({ model, id, events: [events[i]] })));
    // The process died after one of the two writes applied: nothing was sent.
    await write(written, staged.batchOf.get(written));
    const batchId = staged.batches[0]._id;
    expect(await batchExists(batchId)).toBe(true);

    // The work is redone: it reads the same documents and sends what they still wait for.
    await outbox.publish(await read([written, notWritten]));
    await waitFor('the written one published', () => published(events[0].eventId).length === 1);
    expect(published(events[1].eventId)).toHaveLength(0);
    // Every document of the batch was read, so no one can still come to name it: it is gone.
    expect(await batchExists(batchId)).toBe(false);
    // Read again, the document names a batch that no longer exists: nothing more to send.
    await outbox.publish(await read([written]));
    expect(published(events[0].eventId)).toHaveLength(1);
  });

  it('keeps a batch while some of its documents were not read', async () => {
    const [a, b] = [makeUscc('91500000BTCH00005'), makeUscc('91500000BTCH00006')];
    const events = [registration(a), registration(b)];
    const staged = await outbox.stage([a, b].map((id, i) => ({ model, id, events: [events[i]] })));
    for (const id of [a, b]) await write(id, staged.batchOf.get(id));
    await outbox.publish(await read([a]));
    await waitFor('a published', () => published(events[0].eventId).length === 1);
    expect(await batchExists(staged.batches[0]._id)).toBe(true);
    await outbox.publish(await read([a, b]));
    await waitFor('b published', () => published(events[1].eventId).length === 1);
    expect(await batchExists(staged.batches[0]._id)).toBe(false);
  });
});
