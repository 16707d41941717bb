import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { OutboxEntry } from '../outbox/outbox-entry';
import { TopicNames } from './topic-names';

/** Sends events to Kafka in the order given; the only producer a service has. */
export class EventProducer {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly topics: TopicNames,
  ) {
    // Idempotent producer: a retried send can't duplicate or reorder within a partition.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async send(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, OutboxEntry[]>();
    for (const entry of entries) byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: this.topics.physical(topic),
        messages: list.map((e) => ({ key: e.key, value: e.value, headers: e.headers })),
      })),
    });
  }

  /** Sends raw bytes to an already physical topic name (dead letters keep the original value). */
  async sendRaw(topic: string, message: { key: Buffer | string | null; value: Buffer | string | null; headers: Record<string, string | Buffer> }): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages: [message] });
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
