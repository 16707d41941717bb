import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../auth/access.guard';
import { RateLimiter } from '../auth/rate-limiter';
import { TokenVerifier } from '../auth/token-verifier';
import { ApiKeyRevocations } from '../auth/api-key-revocations';
import { RevokedApiKeys } from '../auth/revoked-api-keys';
import { AccessRecorder } from '../auth/access-recorder';
import { AccessRecordDrainer } from '../auth/access-record-drainer';
import { accessRecordStreamKey } from '../auth/access-record-stream';
import { ReadModelChanges } from '../cache/read-model-changes';
import { Kafka } from 'kafkajs';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import { EventFactory } from '../kafka/event-factory';
import { EventProducer } from '../kafka/event-producer';
import { ProcessedEventsRepository } from '../kafka/processed-events.repository';
import { TopicNames } from '../kafka/topic-names';
import { MongoConnection } from '../mongo/mongo-connection';
import { Retention } from '../mongo/retention';
import { Outbox } from '../outbox/outbox';
import { JobQueues } from '../queue/job-queues';
import { RedisConnection } from '../queue/redis-connection';
import { HealthController } from '../health/health.controller';
import { ReadinessChecks } from '../health/readiness-checks';
import { PlatformLifecycle } from './platform-lifecycle';
import { PlatformMetrics } from '../observability/platform-metrics';
import { MetricsController } from '../observability/metrics.controller';
import { ServiceRuntime } from './service-runtime';
import { DocsController } from './docs.controller';
import { OpenApiDocument } from './openapi-document';

/** A revocation list not confirmed against Redis for this many refresh intervals is stale (API-key tokens get 503). */
const REVOCATION_STALE_INTERVALS = 3;

const exported = [ServiceRuntime, Retention, PlatformMetrics, Kafka, TopicNames, MongoConnection, EventProducer, EventFactory, Outbox, ProcessedEventsRepository, RedisConnection, JobQueues, ReadinessChecks, TokenVerifier, ApiKeyRevocations, AccessRecorder, ReadModelChanges, OpenApiDocument];

/** The infrastructure every service gets: database, Kafka, outbox, queues, health. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    const { config, logger } = runtime;
    const accessRecords = accessRecordStreamKey(config.QUEUE_PREFIX, config.SERVICE_NAME);
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController, DocsController],
      providers: [
        { provide: ServiceRuntime, useValue: runtime },
        { provide: Kafka, useFactory: () => createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME, logger }) },
        { provide: TopicNames, useFactory: () => new TopicNames(config.KAFKA_TOPIC_PREFIX) },
        { provide: PlatformMetrics, useFactory: () => new PlatformMetrics(config.SERVICE_NAME) },
        {
          provide: MongoConnection,
          useFactory: (metrics: PlatformMetrics) => new MongoConnection(config.MONGO_URL, config.MONGO_DB, (name) => metrics.dbCommands.inc({ command: name })),
          inject: [PlatformMetrics],
        },
        { provide: EventProducer, useFactory: (kafka: Kafka, topics: TopicNames, metrics: PlatformMetrics) => new EventProducer(kafka, topics, metrics), inject: [Kafka, TopicNames, PlatformMetrics] },
        { provide: EventFactory, useFactory: () => new EventFactory(config.SERVICE_NAME) },
        {
          provide: Outbox,
          useFactory: (mongo: MongoConnection, producer: EventProducer, metrics: PlatformMetrics) => {
            const outbox = new Outbox(mongo, producer, logger);
            metrics.observeOutbox(() => outbox.pending);
            return outbox;
          },
          inject: [MongoConnection, EventProducer, PlatformMetrics],
        },
        { provide: Retention, useFactory: () => new Retention(logger) },
        {
          provide: ProcessedEventsRepository,
          useFactory: (mongo: MongoConnection, retention: Retention) => new ProcessedEventsRepository(mongo, retention, config.PROCESSED_EVENTS_RETENTION_HOURS),
          inject: [MongoConnection, Retention],
        },
        { provide: RedisConnection, useFactory: () => new RedisConnection(config.REDIS_URL) },
        { provide: JobQueues, useFactory: (redis: RedisConnection, metrics: PlatformMetrics) => new JobQueues(redis, config.QUEUE_PREFIX, logger, metrics), inject: [RedisConnection, PlatformMetrics] },
        { provide: ReadinessChecks, useFactory: () => new ReadinessChecks(logger) },
        OpenApiDocument,
        PlatformLifecycle,
        { provide: RevokedApiKeys, useFactory: () => new RevokedApiKeys(REVOCATION_STALE_INTERVALS * config.AUTH_REVOCATION_REFRESH_MS) },
        {
          // Every service of the platform shares one denylist (finance writes it, everyone checks it).
          provide: ApiKeyRevocations,
          useFactory: (redis: RedisConnection, revoked: RevokedApiKeys) => new ApiKeyRevocations(redis, config.QUEUE_PREFIX, revoked, logger, config.AUTH_REVOCATION_REFRESH_MS),
          inject: [RedisConnection, RevokedApiKeys],
        },
        { provide: TokenVerifier, useFactory: (revoked: RevokedApiKeys) => TokenVerifier.fromConfig(config, revoked), inject: [RevokedApiKeys] },
        { provide: RateLimiter, useFactory: (redis: RedisConnection) => new RateLimiter(redis, config.QUEUE_PREFIX, config.RATE_LIMIT_PER_MINUTE, logger), inject: [RedisConnection] },
        { provide: AccessRecorder, useFactory: (redis: RedisConnection, events: EventFactory) => new AccessRecorder(redis, accessRecords, events), inject: [RedisConnection, EventFactory] },
        {
          provide: AccessRecordDrainer,
          useFactory: (redis: RedisConnection, producer: EventProducer) =>
            new AccessRecordDrainer(redis, accessRecords, producer, logger, { intervalMs: config.ACCESS_RECORD_DRAIN_MS, claimIdleMs: config.ACCESS_RECORD_CLAIM_IDLE_MS }),
          inject: [RedisConnection, EventProducer],
        },
        {
          // Replicas of a service share its database, so they share its channel of changes.
          provide: ReadModelChanges,
          useFactory: (mongo: MongoConnection, redis: RedisConnection) => new ReadModelChanges(mongo, redis, `${config.QUEUE_PREFIX}:read-model-changes:${config.MONGO_DB}`, logger, config.READ_MODEL_STALE_MS),
          inject: [MongoConnection, RedisConnection],
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: exported,
    };
  }
}
