import { ALL_TOPICS, deadLetterTopicName } from '@gec/contracts';
import { Admin, Kafka } from 'kafkajs';
import { TopicNames } from './topic-names';

/** Every topic of the platform and its dead-letter topic, with the deployment's prefix. */
export function platformTopicNames(topics: TopicNames): string[] {
  return ALL_TOPICS.flatMap((t) => [topics.physical(t.name), topics.physical(deadLetterTopicName(t.name))]);
}

/**
 * Creates the topics that don't exist yet (existing ones are left as they are) and waits until every partition
 * has a leader. A busy broker can answer "unknown topic" right after creating one, so both steps are retried.
 */
export async function ensureTopics(
  kafka: Kafka,
  names: string[],
  options: { partitions: number; replicationFactor: number; timeoutMs?: number },
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + (options.timeoutMs ?? 60000);
  try {
    const created = new Set<string>();
    for (;;) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = names.filter((n) => !existing.has(n));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: false,
            topics: missing.map((topic) => ({ topic, numPartitions: options.partitions, replicationFactor: options.replicationFactor })),
          });
          missing.forEach((m) => created.add(m));
        }
        if (await allHaveLeaders(admin, names)) return [...created];
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics not ready within ${options.timeoutMs ?? 60000} ms: ${names.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

async function allHaveLeaders(admin: Admin, names: string[]): Promise<boolean> {
  const metadata = await admin.fetchTopicMetadata({ topics: names });
  return metadata.topics.length === names.length && metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
}
