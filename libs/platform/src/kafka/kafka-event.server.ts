import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { ALL_TOPICS, DLQ_HEADERS, TopicDefinition } from '@gec/contracts';
import { Consumer, EachMessagePayload, IHeaders, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { requestContext } from '../context/request-context';
import { EventContext } from './event-context';
import { isInfrastructureError, PermanentEventError } from './event-errors';
import { EventProducer } from './event-producer';
import { ProcessedEventsRepository } from './processed-events.repository';
import { TopicNames } from './topic-names';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  groupId: string;
  topics: TopicNames;
  producer: EventProducer;
  processed: ProcessedEventsRepository;
  logger: Logger;
  /** Attempts for an application error before the event is dead-lettered. */
  maxAttempts?: number;
  retryBaseMs?: number;
  partitionsConsumedConcurrently?: number;
}

const TOPIC_BY_NAME = new Map<string, TopicDefinition<unknown>>(ALL_TOPICS.map((t) => [t.name, t as TopicDefinition<unknown>]));

/**
 * Kafka transport for @EventPattern handlers: validates each event against its topic's schema,
 * skips events this group already processed, retries transient failures with backoff, and moves
 * events that can't succeed to `<topic>.dlq` with the reason, then goes on with the next one.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private closing = false;
  private readonly log: Logger;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.log = options.logger.child({ component: 'kafka-consumer', group: options.groupId });
  }

  async listen(callback: (...args: unknown[]) => void): Promise<void> {
    const logicalTopics = [...this.messageHandlers.keys()];
    if (logicalTopics.length === 0) return callback();
    for (const name of logicalTopics) {
      if (!TOPIC_BY_NAME.has(name)) throw new Error(`@OnEvent handler for unknown topic "${name}"`);
    }
    this.consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: logicalTopics.map((t) => this.options.topics.physical(t)), fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.handleMessage(payload),
    });
    this.log.info({ topics: logicalTopics }, 'consuming');
    callback();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.consumer?.disconnect();
  }

  on(): void {
    // kafkajs events are logged through the client's logger.
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async handleMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const logical = this.options.topics.logical(topic);
    const definition = TOPIC_BY_NAME.get(logical)!;
    const parsed = parseEnvelope(definition, message.value);
    if (!parsed.ok) return this.deadLetter(payload, logical, parsed.reason);
    const envelope = parsed.envelope;
    const context = {
      correlationId: envelope.correlationId,
      causationId: envelope.eventId,
      uscc: /^[0-9A-Z]{18}$/.test(envelope.key) ? envelope.key : undefined,
      topic,
      partition,
      offset: message.offset,
    };
    return requestContext.run(context, async () => {
      if (await this.options.processed.has(this.options.groupId, envelope.eventId)) {
        this.log.debug({ eventId: envelope.eventId }, 'duplicate event skipped');
        return;
      }
      const handled = await this.invokeWithRetry(payload, logical, envelope);
      if (handled) await this.options.processed.remember(this.options.groupId, envelope.eventId);
    });
  }

  /** Returns false when the event went to the dead-letter topic instead. */
  private async invokeWithRetry(payload: EachMessagePayload, logical: string, envelope: { eventId: string }): Promise<boolean> {
    const handler = this.getHandlerByPattern(logical)!;
    const ctx = new EventContext([payload.topic, payload.partition, payload.message.offset]);
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await lastValueFrom(this.transformToObservable(await handler(envelope, ctx)), { defaultValue: undefined });
        return true;
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof PermanentEventError) {
          await this.deadLetter(payload, logical, reason);
          return false;
        }
        const infrastructure = isInfrastructureError(error);
        if (!infrastructure && attempt >= maxAttempts) {
          await this.deadLetter(payload, logical, `gave up after ${attempt} attempts: ${reason}`);
          return false;
        }
        // Leaving without committing: the event is redelivered after restart.
        if (this.closing) throw error;
        this.log.warn({ attempt, infrastructure, err: error }, 'event handling failed; retrying');
        await sleep(backoffMs(attempt, this.options.retryBaseMs ?? 200));
        await payload.heartbeat();
      }
    }
  }

  private async deadLetter(payload: EachMessagePayload, logical: string, reason: string): Promise<void> {
    const { topic, partition, message } = payload;
    this.log.error({ reason, offset: message.offset }, 'event moved to dead-letter topic');
    await this.options.producer.sendRaw(this.options.topics.deadLetter(logical), {
      key: message.key,
      value: message.value,
      headers: {
        ...flattenHeaders(message.headers),
        [DLQ_HEADERS.reason]: reason,
        [DLQ_HEADERS.sourceTopic]: topic,
        [DLQ_HEADERS.sourcePartition]: String(partition),
        [DLQ_HEADERS.sourceOffset]: message.offset,
        [DLQ_HEADERS.consumerGroup]: this.options.groupId,
        [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      },
    });
  }
}

type ParsedEnvelope = { ok: true; envelope: { eventId: string; correlationId: string; key: string } } | { ok: false; reason: string };

function parseEnvelope(definition: TopicDefinition<unknown>, value: Buffer | null): ParsedEnvelope {
  if (!value) return { ok: false, reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `value is not JSON: ${(error as Error).message}` };
  }
  const result = definition.envelope.safeParse(json);
  if (result.success) return { ok: true, envelope: result.data };
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(envelope)'}: ${i.message}`);
  return { ok: false, reason: `does not match ${definition.name} schema: ${issues.join('; ')}` };
}

function flattenHeaders(headers: IHeaders | undefined): Record<string, string | Buffer> {
  const flat: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.map(String).join(',') : value;
  }
  return flat;
}

function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 10_000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
