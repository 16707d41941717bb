import { Consumer, KafkaMessage } from 'kafkajs';
import { createKafkaClient } from '@gec/platform';
import pino from 'pino';
import { testInfra } from './test-infra';

/** Reads everything published to one topic (e.g. a dead-letter topic), from the beginning, for assertions. */
export class TopicReader {
  readonly messages: KafkaMessage[] = [];
  private consumer?: Consumer;

  constructor(private readonly topic: string) {}

  async start(): Promise<this> {
    const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'test-reader', logger: pino({ level: 'silent' }) });
    this.consumer = kafka.consumer({ groupId: `reader-${this.topic}-${Date.now()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ message }) => void this.messages.push(message) });
    return this;
  }

  json<T = unknown>(): T[] {
    return this.messages.map((m) => JSON.parse(m.value!.toString()) as T);
  }

  header(message: KafkaMessage, name: string): string | undefined {
    return message.headers?.[name]?.toString();
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
