// The bench's own consumer of finance.eligibility-changed.v1: remembers when each enterprise's first decision arrived.
import type { Consumer, Kafka } from 'kafkajs';
import { TOPICS } from '@gec/contracts';
import type { TopicNames } from '@gec/platform';
import { sleep } from './bench-helpers';

export class DecisionWatcher {
  private readonly firstSeen = new Map<string, number>();
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
    await consumer.subscribe({ topics: [this.topics.physical(TOPICS.eligibilityChanged.name)], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const message of batch.messages) {
          const key = message.key?.toString();
          if (key && !this.firstSeen.has(key)) this.firstSeen.set(key, now);
        }
      },
    });
    await Promise.race([joined, sleep(timeoutMs).then(() => Promise.reject(new Error(`the bench consumer did not join its group within ${timeoutMs} ms`)))]);
  }

  decidedAt(uscc: string): number | undefined {
    return this.firstSeen.get(uscc);
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
