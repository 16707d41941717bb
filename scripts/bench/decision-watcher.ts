// The bench's own consumer of the pipeline's topics: remembers when each enterprise's first event arrived on each hop
// (report accepted, indicators computed, the benchmark that took it in, rating changed, eligibility changed), so a step
// can say where its time went; the first eligibility-changed event is the report's decision.
import type { Consumer, Kafka } from 'kafkajs';
import { TOPICS } from '@gec/contracts';
import type { TopicNames } from '@gec/platform';
import { sleep } from './bench-helpers';

/** The pipeline's hops in order; a benchmark-updated event counts for each member it names. */
export const HOPS = ['reportAccepted', 'indicatorsComputed', 'benchmarkUpdated', 'ratingChanged', 'eligibilityChanged'] as const;
export type Hop = (typeof HOPS)[number];

export class DecisionWatcher {
  private readonly seen = new Map<Hop, Map<string, number>>(HOPS.map((h) => [h, new Map<string, number>()]));
  private readonly firstSeen = this.seen.get('eligibilityChanged')!;
  private readonly expected = new Set<string>();
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly groupId: string,
  ) {}

  /** Resolves once the consumer has joined its group, so no decision made afterwards is seen late. */
  async start(timeoutMs = 60000): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId, sessionTimeout: 30000, heartbeatInterval: 3000 });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    const hopOf = new Map<string, Hop>(HOPS.map((h) => [this.topics.physical(TOPICS[h].name), h]));
    await consumer.subscribe({ topics: [...hopOf.keys()], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        const hop = hopOf.get(batch.topic)!;
        const seen = this.seen.get(hop)!;
        for (const message of batch.messages) {
          for (const key of hop === 'benchmarkUpdated' ? membersOf(message.value) : [message.key?.toString()]) {
            if (key && !seen.has(key)) seen.set(key, now);
          }
        }
      },
    });
    await Promise.race([joined, sleep(timeoutMs).then(() => Promise.reject(new Error(`the bench consumer did not join its group within ${timeoutMs} ms`)))]);
  }

  decidedAt(uscc: string): number | undefined {
    return this.firstSeen.get(uscc);
  }

  /** When the enterprise's first event on this hop arrived. */
  seenAt(hop: Hop, uscc: string): number | undefined {
    return this.seen.get(hop)!.get(uscc);
  }

  /** Notes reports accepted by intake, so `pending()` can tell how many the pipeline still owes a decision. */
  expect(usccs: string[]): void {
    for (const uscc of usccs) if (!this.firstSeen.has(uscc)) this.expected.add(uscc);
  }

  /** Expected decisions that have not arrived yet. */
  pending(): number {
    for (const uscc of this.expected) if (this.firstSeen.has(uscc)) this.expected.delete(uscc);
    return this.expected.size;
  }

  /** Enterprises decided so far, in the order their first decision arrived. */
  decided(): string[] {
    return [...this.firstSeen.keys()];
  }

  /** Waits until every one of `usccs` is decided or the deadline (epoch ms) passes; returns how many are still undecided. */
  async waitFor(usccs: string[], deadline: number, onProgress?: (undecided: number) => void): Promise<number> {
    let lastReport = Date.now();
    for (;;) {
      const undecided = usccs.filter((u) => !this.firstSeen.has(u)).length;
      if (undecided === 0 || Date.now() >= deadline) return undecided;
      if (onProgress && Date.now() - lastReport >= 10000) {
        onProgress(undecided);
        lastReport = Date.now();
      }
      await sleep(Math.min(200, deadline - Date.now()));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function membersOf(value: Buffer | null): string[] {
  try {
    const event = JSON.parse(value?.toString() ?? 'null') as { payload?: { changedMembers?: Array<{ uscc: string }> } } | null;
    return (event?.payload?.changedMembers ?? []).map((m) => m.uscc);
  } catch {
    return [];
  }
}
