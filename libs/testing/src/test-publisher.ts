import { TopicDefinition } from '@gec/contracts';
import { createKafkaClient, EventFactory, EventOptions, EventProducer, OutboxEntry, TopicNames } from '@gec/platform';
import pino from 'pino';
import { testInfra } from './test-infra';

/** Publishes events onto a run's topics as an upstream service would, or raw bytes as a broken one might. */
export class TestPublisher {
  private readonly events = new EventFactory('test');
  private readonly producer: EventProducer;
  private readonly topics: TopicNames;

  constructor(topicPrefix: string) {
    this.topics = new TopicNames(topicPrefix);
    const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'test-publisher', logger: pino({ level: 'silent' }) });
    this.producer = new EventProducer(kafka, this.topics);
  }

  build<P>(topic: TopicDefinition<P>, payload: P, options?: EventOptions): OutboxEntry {
    return this.events.create(topic, payload, options);
  }

  async publish<P>(topic: TopicDefinition<P>, payload: P, options?: EventOptions): Promise<OutboxEntry> {
    const entry = this.build(topic, payload, options);
    await this.producer.send([entry]);
    return entry;
  }

  async send(entries: OutboxEntry[]): Promise<void> {
    await this.producer.send(entries);
  }

  async publishRaw(topic: TopicDefinition<unknown>, key: string, value: string): Promise<void> {
    await this.producer.sendRaw(this.topics.physical(topic.name), { key, value, headers: {} });
  }

  physical(topic: TopicDefinition<unknown>): string {
    return this.topics.physical(topic.name);
  }

  deadLetter(topic: TopicDefinition<unknown>): string {
    return this.topics.deadLetter(topic.name);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
