import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalAuthority } from './local-authority';
import { testInfra } from './test-infra';

/**
 * Names of one test run's own topics, databases and queues, so runs and test files never collide
 * on the shared infrastructure.
 */
export class IsolatedRun {
  readonly id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly topicPrefix = `${this.id}.`;
  /** The run's own identity provider: services trust its keys, tests mint tokens with it. */
  readonly authority = new LocalAuthority(path.join(tmpdir(), 'gec-test-auth', this.id));

  dbName(service: string): string {
    return `${this.id}_${service}`;
  }

  /** Environment for a service's config reader, pointing at this run's resources. */
  env(service: string, overrides: Record<string, string> = {}): Record<string, string> {
    const infra = testInfra();
    return {
      SERVICE_NAME: service,
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      KAFKA_BROKERS: infra.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      MONGO_URL: infra.mongoUrl,
      MONGO_DB: this.dbName(service),
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: this.id,
      OUTBOX_SWEEP_MS: '500',
      ...this.authority.env(),
      ...overrides,
    };
  }
}
