// Run as a child process by outbox-crash.int-spec.ts: writes a document with its event through the outbox,
// then dies with SIGKILL before the relay can publish, as a crash between the write and the send would.
import 'reflect-metadata';
import pino from 'pino';
import { Schema } from 'mongoose';
import { createKafkaClient, EventFactory, EventProducer, MongoConnection, Outbox, outboxField, TopicNames } from '@gec/platform';
import { TOPICS } from '@gec/contracts';

async function main() {
  const [mongoUrl, dbName, brokers, prefix, uscc] = process.argv.slice(2);
  const logger = pino({ level: 'silent' });
  const mongo = new MongoConnection(mongoUrl, dbName);
  const model = mongo.model('CrashProbe', new Schema({ _id: String, name: String, outbox: outboxField }), 'crash_probes');
  await mongo.open();
  const producer = new EventProducer(createKafkaClient({ brokers: brokers.split(','), clientId: 'crash', logger }), new TopicNames(prefix));
  const outbox = new Outbox(mongo, producer, logger);
  const event = new EventFactory('crash-fixture').create(TOPICS.enterpriseRegistered, {
    uscc,
    name: 'Crash Probe',
    industryCode: 'C26',
    industryDivision: 'C26',
    regionCode: '500000',
    registeredAt: new Date().toISOString(),
  });
  await outbox.commit({ model: model as never, id: uscc }, async () => {
    await model.collection.insertOne({ _id: uscc, name: 'Crash Probe', outbox: [event] } as never);
    process.stdout.write(`${event.eventId}\n`);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  });
}

void main();
