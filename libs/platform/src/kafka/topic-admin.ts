import { ALL_TOPICS, deadLetterTopicName } from '@gec/contracts';
import { Kafka } from 'kafkajs';
import { TopicNames } from './topic-names';

/** Every topic of the platform and its dead-letter topic, with the deployment's prefix. */
export function platformTopicNames(topics: TopicNames): string[] {
  return ALL_TOPICS.flatMap((t) => [topics.physical(t.name), topics.physical(deadLetterTopicName(t.name))]);
}

/** Creates the topics that don't exist yet; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, names: string[], options: { partitions: number; replicationFactor: number }): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions, replicationFactor: options.replicationFactor })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
