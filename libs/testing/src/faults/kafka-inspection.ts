import { randomBytes } from 'node:crypto';
import { Admin, AssignerProtocol, Kafka, KafkaMessage } from 'kafkajs';
import pino from 'pino';
import { createKafkaClient } from '@gec/platform';
import { testInfra } from '../test-infra';
import { waitFor } from '../wait-for';

function kafkaClient(clientId: string): Kafka {
  return createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId, logger: pino({ level: 'silent' }) });
}

async function withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafkaClient('fault-inspector').admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface TopicMessage {
  partition: number;
  message: KafkaMessage;
}

/** Everything on a topic now, from the beginning to its current end, in partition then offset order. */
export async function readTopicToEnd(topic: string, timeoutMs = 60000): Promise<TopicMessage[]> {
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const pending = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high) - 1]));
  if (pending.size === 0) return [];
  const messages: TopicMessage[] = [];
  const groupId = `fault-reader-${randomBytes(4).toString('hex')}`;
  const consumer = kafkaClient('fault-reader').consumer({ groupId, sessionTimeout: 10000 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const last = pending.get(partition);
        if (last === undefined || Number(message.offset) > last) return;
        messages.push({ partition, message });
        if (Number(message.offset) >= last) pending.delete(partition);
      },
    });
    await waitFor(`the end of ${topic}`, () => pending.size === 0, { timeoutMs, intervalMs: 100 });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
  return messages.sort((a, b) => a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset));
}

export interface ConsumerLag {
  /** Messages not yet consumed by the run's consumer groups, over every topic each subscribes to. */
  total: number;
  byGroup: Record<string, number>;
  /** Messages in the run's dead-letter topics. */
  deadLettered: Record<string, number>;
}

/**
 * The lag of every consumer group whose id starts with the run's prefix, on every topic it subscribes to (from its
 * members' subscriptions, and any topic it committed on), plus what sits in the run's dead-letter topics. Found from
 * Kafka alone, so it holds whatever groups and topics the services use.
 */
export async function consumerLag(prefix: string): Promise<ConsumerLag> {
  return withAdmin(async (admin) => {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    const ends = new Map(await Promise.all(topics.map(async (t) => [t, await admin.fetchTopicOffsets(t)] as const)));
    const deadLettered: Record<string, number> = {};
    for (const topic of topics.filter((t) => t.endsWith('.dlq'))) {
      const count = ends.get(topic)!.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      if (count > 0) deadLettered[topic] = count;
    }
    const sources = topics.filter((t) => !t.endsWith('.dlq'));
    const groupIds = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
    const descriptions = groupIds.length ? (await admin.describeGroups(groupIds)).groups : [];
    const byGroup: Record<string, number> = {};
    for (const groupId of groupIds) {
      const subscribed = new Set<string>();
      for (const member of descriptions.find((d) => d.groupId === groupId)?.members ?? []) {
        try {
          for (const topic of AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? []) subscribed.add(topic);
        } catch {
          // not a consumer protocol member
        }
      }
      const committed = await admin.fetchOffsets({ groupId, topics: sources });
      let lag = 0;
      for (const { topic, partitions } of committed) {
        if (!subscribed.has(topic) && partitions.every((p) => Number(p.offset) < 0)) continue;
        const byPartition = new Map(ends.get(topic)!.map((p) => [p.partition, p]));
        for (const { partition, offset } of partitions) {
          const end = byPartition.get(partition);
          if (!end) continue;
          lag += Math.max(0, Number(end.high) - (Number(offset) >= 0 ? Number(offset) : Number(end.low)));
        }
      }
      byGroup[groupId] = lag;
    }
    return { total: Object.values(byGroup).reduce((sum, n) => sum + n, 0), byGroup, deadLettered };
  });
}
