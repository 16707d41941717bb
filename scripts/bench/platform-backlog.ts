// How many events the services' own consumer groups have yet to handle: what a measurement shares the machine with.
import { platformTopicNames } from '@gec/platform';
import { SERVICE_NAMES } from '@gec/testing';
import type { BenchContext } from './bench-context';

/**
 * Sum over the four services' groups of (log end offset - committed offset), counting only partitions a group has
 * committed on (a group's committed offsets name the topics it consumes). Re-rating jobs queued in BullMQ are not included.
 */
export async function platformBacklog(ctx: Pick<BenchContext, 'kafka' | 'topics' | 'run'>): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const names = platformTopicNames(ctx.topics);
    const ends = new Map<string, number>();
    for (const topic of names) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high));
    }
    let backlog = 0;
    for (const service of SERVICE_NAMES) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: `${ctx.run.topicPrefix}${service}`, topics: names })) {
        for (const p of partitions) {
          if (Number(p.offset) >= 0) backlog += Math.max(0, (ends.get(`${topic}/${p.partition}`) ?? 0) - Number(p.offset));
        }
      }
    }
    return backlog;
  } finally {
    await admin.disconnect();
  }
}

/** Waits (at most `maxMs`) until no decision is pending and the services have no events queued; returns what is left. */
export async function settle(ctx: Pick<BenchContext, 'kafka' | 'topics' | 'run' | 'decisions'>, maxMs: number): Promise<{ undecided: number; eventsQueued: number }> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const left = { undecided: ctx.decisions.pending(), eventsQueued: await platformBacklog(ctx) };
    if ((left.undecided === 0 && left.eventsQueued === 0) || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
