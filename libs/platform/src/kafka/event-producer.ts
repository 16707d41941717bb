import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { OutboxEntry } from '../outbox/outbox-entry';
import { TopicNames } from './topic-names';
import type { PlatformMetrics } from '../observability/platform-metrics';

/**
 * The broker no longer accepts this producer's idempotence session (seen after a broker restarted from kill -9 in the
 * middle of a send): every later send would fail the same way, so the producer is replaced by a new session.
 */
const BROKEN_SESSION_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

/** Sends events to Kafka in the order given; the only producer a service has. */
export class EventProducer {
  private producer: Producer;
  private connected?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly metrics?: PlatformMetrics,
  ) {
    this.producer = this.newProducer();
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
    await this.renewingBrokenSession(() =>
      this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: this.topics.physical(topic),
          messages: list.map((e) => ({ key: e.key, value: e.value, headers: e.headers })),
        })),
      }),
    );
    for (const [topic, list] of byTopic) this.metrics?.eventsProduced.inc({ topic }, list.length);
  }

  /** Sends raw bytes to an already physical topic name (dead letters keep the original value). */
  async sendRaw(topic: string, message: { key: Buffer | string | null; value: Buffer | string | null; headers: Record<string, string | Buffer> }): Promise<void> {
    await this.connect();
    await this.renewingBrokenSession(() => this.producer.send({ topic, acks: -1, messages: [message] }));
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }

  /** Runs a send; when the broker refused the session, starts a new one and rethrows, so the caller's retry can succeed. */
  private async renewingBrokenSession<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (brokenSession(error)) {
        const old = this.producer;
        this.producer = this.newProducer();
        this.connected = undefined;
        await old.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  private newProducer(): Producer {
    // Idempotent producer: a retried send can't duplicate or reorder within a partition.
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }
}

function brokenSession(error: unknown): boolean {
  const e = error as { type?: string; cause?: unknown; originalError?: unknown; errors?: unknown[] } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.type && BROKEN_SESSION_ERRORS.has(e.type)) return true;
  // kafkajs wraps the broker's answer (retries exceeded, non-retriable, aggregate over brokers).
  return brokenSession(e.cause) || brokenSession(e.originalError) || (e.errors ?? []).some(brokenSession);
}
