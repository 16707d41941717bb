import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { AccessRecordDrainer } from '../auth/access-record-drainer';
import { ApiKeyRevocations } from '../auth/api-key-revocations';
import { RateLimiter } from '../auth/rate-limiter';
import { ReadModelChanges } from '../cache/read-model-changes';
import { EventProducer } from '../kafka/event-producer';
import { MongoConnection } from '../mongo/mongo-connection';
import { Retention } from '../mongo/retention';
import { Outbox } from '../outbox/outbox';
import { JobQueues } from '../queue/job-queues';
import { RedisConnection } from '../queue/redis-connection';
import { ReadinessChecks } from '../health/readiness-checks';
import { ServiceRuntime } from './service-runtime';

/** Opens the connections at start, checks them for readiness, and closes them last on shutdown. */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private admin?: Admin;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly kafka: Kafka,
    private readonly mongo: MongoConnection,
    private readonly redis: RedisConnection,
    private readonly producer: EventProducer,
    private readonly outbox: Outbox,
    private readonly queues: JobQueues,
    private readonly readiness: ReadinessChecks,
    private readonly limiter: RateLimiter,
    private readonly accessRecords: AccessRecordDrainer,
    private readonly readModelChanges: ReadModelChanges,
    private readonly retention: Retention,
    private readonly revocations: ApiKeyRevocations,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.mongo.open();
    await this.mongo.ensureIndexes();
    await this.redis.open();
    await this.readModelChanges.start();
    await this.revocations.start();
    this.limiter.start(this.runtime.config.RATE_LIMIT_SYNC_MS);
    await this.producer.connect();
    await this.accessRecords.start();
    this.admin = this.kafka.admin();
    await this.admin.connect();
    const admin = this.admin;
    this.readiness.register('mongo', () => this.mongo.ping());
    this.readiness.register('redis', () => this.redis.ping());
    this.readiness.register('kafka', async () => void (await admin.describeCluster()));
    this.readiness.register('queues', () => this.queues.check());
    this.outbox.startRelay(this.runtime.config.OUTBOX_SWEEP_MS);
    this.retention.start(this.runtime.config.RETENTION_SWEEP_MS);
  }

  // Runs after Nest has stopped the HTTP server and the Kafka consumer, so in-flight work could still publish.
  async onApplicationShutdown(): Promise<void> {
    await this.outbox.drain(5000).catch((error: unknown) => this.runtime.logger.warn({ err: error }, 'outbox not drained; the next start sends the rest'));
    await this.outbox.stopRelay();
    await this.retention.stop();
    await this.accessRecords.stop();
    await this.limiter.stop();
    await this.readModelChanges.stop();
    await this.revocations.stop();
    await this.queues.close();
    await this.producer.disconnect();
    await this.admin?.disconnect();
    await this.redis.close();
    await this.mongo.close();
  }
}
