import { createKafkaClient, ensureTopics, platformTopicNames, TopicNames } from '@gec/platform';
import pino from 'pino';
import { testInfra } from './test-infra';

/** Creates every platform topic (and its dead-letter topic) under a run's prefix. */
export async function createPlatformTopics(prefix: string, partitions = 6): Promise<void> {
  const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'test-admin', logger: pino({ level: 'silent' }) });
  await ensureTopics(kafka, platformTopicNames(new TopicNames(prefix)), { partitions, replicationFactor: 1 });
}
