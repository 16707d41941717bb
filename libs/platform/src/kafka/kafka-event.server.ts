import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { ALL_TOPICS, DLQ_HEADERS, EventEnvelope, TopicDefinition } from '@gec/contracts';
import { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { requestContext } from '../context/request-context';
import { PlatformMetrics } from '../observability/platform-metrics';
import { isInfrastructureError, PermanentEventError } from './event-errors';
import { EventProducer } from './event-producer';
import { ProcessedEventsRepository } from './processed-events.repository';
import { TopicNames } from './topic-names';
import { Consumed } from './consumed';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  groupId: string;
  topics: TopicNames;
  producer: EventProducer;
  processed: ProcessedEventsRepository;
  metrics: PlatformMetrics;
  logger: Logger;
  /** Attempts for an application error before the event is dead-lettered. */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** How many events one handler call gets at most. */
  maxBatch?: number;
  sessionTimeoutMs?: number;
  partitionsConsumedConcurrently?: number;
}

type Envelope = EventEnvelope<unknown>;
interface Received {
  message: KafkaMessage;
  envelope: Envelope;
}

const HEARTBEAT_WHILE_HANDLING_MS = 1000;

const TOPIC_BY_NAME = new Map<string, TopicDefinition<unknown>>(ALL_TOPICS.map((t) => [t.name, t as TopicDefinition<unknown>]));

/**
 * Kafka transport for @OnEvents handlers, a batch at a time: validates each event against its topic's schema
 * (a malformed one goes to `<topic>.dlq` alone), drops events this group already processed (one bulk read), hands
 * the rest to the handler in one call, remembers their ids (one bulk insert) and commits the batch's offset.
 * When a batch fails with an application error it is retried event by event, so a poison event is dead-lettered
 * with its reason while the others go on; while our own infrastructure is down the batch waits and retries.
 * Order per key holds: a partition's events reach the handler in offset order, one batch after the other.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private lagAdmin?: Promise<Admin>;
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
      if (!TOPIC_BY_NAME.has(name)) throw new Error(`@OnEvents handler for unknown topic "${name}"`);
    }
    const sessionTimeout = this.options.sessionTimeoutMs ?? 10000;
    this.consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 6)),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: logicalTopics.map((t) => this.options.topics.physical(t)), fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 6,
      eachBatchAutoResolve: false,
      autoCommit: true,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.log.info({ topics: logicalTopics }, 'consuming');
    this.options.metrics.observeLag(() => this.lag(logicalTopics));
    callback();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.consumer?.disconnect();
    // Not awaited: an admin still connecting to a broker that is down must not hold up the shutdown.
    const admin = this.lagAdmin;
    this.lagAdmin = undefined;
    void admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  /**
   * The group's lag per partition (high watermark minus committed offset; a partition the group never committed
   * counts from its low watermark): one offset fetch for the group and one per topic, over one admin connection.
   */
  private async lag(logicalTopics: string[]): Promise<{ topic: string; partition: number; lag: number }[]> {
    if (this.closing) return [];
    this.lagAdmin ??= (async () => {
      const admin = this.options.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = await this.lagAdmin.catch((error) => {
      this.lagAdmin = undefined;
      throw error;
    });
    const physical = logicalTopics.map((t) => this.options.topics.physical(t));
    const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: physical });
    const ends = await Promise.all(physical.map((topic) => admin.fetchTopicOffsets(topic)));
    return physical.flatMap((topic, i) => {
      const offsets = new Map(committed.find((c) => c.topic === topic)?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
      return ends[i].map((end) => {
        const at = offsets.get(end.partition);
        const from = at === undefined || at < 0 ? Number(end.low) : at;
        return { topic: logicalTopics[i], partition: end.partition, lag: Math.max(0, Number(end.high) - from) };
      });
    });
  }

  on(): void {
    // kafkajs events are logged through the client's logger.
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Keeps the group's session alive while a batch is handled: a slow batch on a busy machine is not a dead member. */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const beat = setInterval(() => void payload.heartbeat().catch(() => undefined), HEARTBEAT_WHILE_HANDLING_MS);
    try {
      await this.handleChunks(payload);
    } finally {
      clearInterval(beat);
    }
  }

  private async handleChunks(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const logical = this.options.topics.logical(batch.topic);
    const definition = TOPIC_BY_NAME.get(logical)!;
    const maxBatch = this.options.maxBatch ?? 500;
    for (let start = 0; start < batch.messages.length; start += maxBatch) {
      if (!payload.isRunning() || payload.isStale()) return;
      const messages = batch.messages.slice(start, start + maxBatch);
      const received: Received[] = [];
      for (const message of messages) {
        const parsed = parseEnvelope(definition, message.value);
        if (parsed.ok) received.push({ message, envelope: parsed.envelope });
        else await this.deadLetter(batch.topic, batch.partition, message, logical, parsed.reason);
      }
      await this.handleReceived(payload, logical, received);
      payload.resolveOffset(messages[messages.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  /** Handles the chunk as one call, or event by event when that fails with an application error. */
  private async handleReceived(payload: EachBatchPayload, logical: string, received: Received[]): Promise<void> {
    const group = this.options.groupId;
    const fresh = await this.untilInfrastructureAnswers(payload, async () => {
      const seen = await this.options.processed.seen(group, received.map((r) => r.envelope.eventId));
      // A batch can also repeat an event within itself (a producer retry): keep the first.
      const ids = new Set<string>();
      return received.filter((r) => !seen.has(r.envelope.eventId) && !ids.has(r.envelope.eventId) && ids.add(r.envelope.eventId));
    });
    if (fresh.length === 0) return;
    const context = { correlationId: fresh[0].envelope.correlationId, causationId: fresh[0].envelope.eventId, topic: payload.batch.topic, partition: payload.batch.partition, offset: fresh[0].message.offset };
    const whole = await this.attempt(payload, context, logical, fresh, 1);
    if (whole !== 'failed') {
      await this.remember(payload, fresh);
      return;
    }
    for (const one of fresh) {
      const single = { ...context, correlationId: one.envelope.correlationId, causationId: one.envelope.eventId, offset: one.message.offset };
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.attempt(payload, single, logical, [one], attempt);
        if (outcome === 'done') {
          await this.remember(payload, [one]);
          break;
        }
        if (outcome === 'dead-lettered') break;
        await this.pause(payload, attempt);
      }
    }
  }

  /**
   * One handler call. Infrastructure errors are waited out here; an application error returns 'failed' (or, on
   * a single event's last attempt or a permanent error, dead-letters it).
   */
  private async attempt(payload: EachBatchPayload, context: object, logical: string, events: Received[], attempt: number): Promise<'done' | 'failed' | 'dead-lettered'> {
    const handler = this.getHandlerByPattern(logical)!;
    for (let infraAttempt = 1; ; infraAttempt++) {
      const timer = this.options.metrics.eventHandling.startTimer({ topic: logical });
      try {
        await requestContext.run({ ...context } as never, async () => {
          const consumed: Consumed<unknown>[] = events.map((e) => ({ ...e.envelope, position: { partition: payload.batch.partition, offset: e.message.offset } }));
          await lastValueFrom(this.transformToObservable(await handler(consumed)), { defaultValue: undefined });
        });
        timer({ outcome: 'done' });
        this.options.metrics.eventsConsumed.inc({ topic: logical }, events.length);
        return 'done';
      } catch (error) {
        timer({ outcome: isInfrastructureError(error) ? 'infrastructure-error' : 'error' });
        if (this.closing) throw error;
        if (isInfrastructureError(error)) {
          this.log.warn({ err: error, events: events.length }, 'infrastructure unavailable; retrying the batch');
          await this.pause(payload, infraAttempt);
          continue;
        }
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (events.length > 1) {
          this.log.warn({ err: error, events: events.length }, 'batch failed; handling its events one by one');
          return 'failed';
        }
        const [one] = events;
        const final = error instanceof PermanentEventError || attempt >= (this.options.maxAttempts ?? 5);
        if (!final) {
          this.log.warn({ err: error, attempt, eventId: one.envelope.eventId }, 'event handling failed; retrying');
          return 'failed';
        }
        const why = error instanceof PermanentEventError ? reason : `gave up after ${attempt} attempts: ${reason}`;
        await this.deadLetter(payload.batch.topic, payload.batch.partition, one.message, logical, why);
        return 'dead-lettered';
      }
    }
  }

  private remember(payload: EachBatchPayload, events: Received[]): Promise<void> {
    return this.untilInfrastructureAnswers(payload, () => this.options.processed.remember(this.options.groupId, events.map((e) => e.envelope.eventId)));
  }

  private async untilInfrastructureAnswers<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (this.closing || !isInfrastructureError(error)) throw error;
        this.log.warn({ err: error }, 'infrastructure unavailable; retrying');
        await this.pause(payload, attempt);
      }
    }
  }

  private async pause(payload: EachBatchPayload, attempt: number): Promise<void> {
    const until = Date.now() + backoffMs(attempt, this.options.retryBaseMs ?? 200);
    // Heartbeats keep the partition ours while we wait.
    while (Date.now() < until && !this.closing) {
      await sleep(Math.min(1000, until - Date.now()));
      await payload.heartbeat().catch(() => undefined);
    }
    if (this.closing) throw new Error('consumer closing');
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, logical: string, reason: string): Promise<void> {
    this.log.error({ reason, offset: message.offset }, 'event moved to dead-letter topic');
    this.options.metrics.eventsDeadLettered.inc({ topic: logical });
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

type ParsedEnvelope = { ok: true; envelope: Envelope } | { ok: false; reason: string };

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
