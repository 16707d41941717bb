import { Kafka, KafkaMessage } from 'kafkajs';

/** Offsets `from` (inclusive) to `to` (exclusive) of one partition. */
export interface OffsetRange {
  partition: number;
  from: number;
  to: number;
}

export interface OffsetRangeReadOptions {
  /** Physical topic name. */
  topic: string;
  /** The group the consumer joins; it starts at the group's committed offsets, or at the beginning without any. */
  groupId: string;
  ranges: OffsetRange[];
  /**
   * Called with each fetched batch's messages that fall in their partition's range, in offset order; the next batch
   * waits for it. `commit` commits an offset (and metadata) of that partition for the group.
   */
  onMessages(partition: number, messages: KafkaMessage[], commit: (offset: string, metadata: string | null) => Promise<void>): Promise<void>;
  /** Fails when no batch arrives for this long (default 30 s). */
  idleTimeoutMs?: number;
}

/**
 * Reads the given offset ranges of a topic with a consumer of the group, then stops: a bounded read (e.g. up to the
 * high watermark seen at start) of a topic that may go on growing. The group must have no other member: the read
 * fails if another one joins and takes partitions away. Nothing is committed but what `onMessages` commits.
 */
export async function readOffsetRanges(kafka: Kafka, options: OffsetRangeReadOptions): Promise<void> {
  const ranges = new Map(options.ranges.filter((r) => r.from < r.to).map((r) => [r.partition, r]));
  if (ranges.size === 0) return;
  const { topic } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 250,
    retry: { retries: 5, restartOnFailure: async () => false },
  });

  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  finished.catch(() => undefined); // awaited below; a failure while connecting must not go unhandled meanwhile
  let failed = false;
  const fail = (error: Error) => {
    failed = true;
    settle.reject(error);
  };
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => fail(new Error(`no messages from ${topic} for ${idleTimeoutMs} ms before its end was reached`)), idleTimeoutMs);
  };
  const done = new Set<number>();

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const assigned = payload.memberAssignment[topic] ?? [];
    const missing = [...ranges.keys()].filter((p) => !assigned.includes(p) && !done.has(p));
    if (missing.length > 0) fail(new Error(`another consumer joined group ${options.groupId} and took partitions ${missing.join(', ')} of ${topic}`));
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));

  try {
    touch();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        if (failed) return;
        touch();
        const range = ranges.get(batch.partition);
        if (!range || done.has(batch.partition)) return consumer.pause([{ topic, partitions: [batch.partition] }]);
        const messages = batch.messages.filter((m) => Number(m.offset) >= range.from && Number(m.offset) < range.to);
        try {
          if (messages.length > 0) {
            await options.onMessages(batch.partition, messages, (offset, metadata) =>
              consumer.commitOffsets([{ topic, partition: batch.partition, offset, metadata }]),
            );
          }
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        for (const message of batch.messages) if (Number(message.offset) < range.to) resolveOffset(message.offset);
        await heartbeat();
        if (Number(batch.lastOffset()) >= range.to - 1) {
          done.add(batch.partition);
          consumer.pause([{ topic, partitions: [batch.partition] }]);
          if (done.size === ranges.size) settle.resolve();
        }
      },
    });
    await finished;
  } finally {
    clearTimeout(idle);
    await consumer.disconnect();
  }
}
