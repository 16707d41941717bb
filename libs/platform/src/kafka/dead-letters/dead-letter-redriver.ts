import { randomBytes } from 'node:crypto';
import { Admin, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { TopicNames } from '../topic-names';
import { DeadLetter, readDeadLetter, redriveMessage } from './dead-letter';
import { OffsetRange, readOffsetRanges } from './offset-range-reader';
import { RedriveProgress } from './redrive-progress';

/** Which dead letters a run re-drives; the others are left out and stay pending. */
export interface DeadLetterFilter {
  /** The consumer group that dead-lettered it, with or without the deployment's topic prefix. */
  consumerGroup?: string;
  /** Tested against the recorded reason. */
  reason?: RegExp;
}

export interface RedriveOptions extends DeadLetterFilter {
  /** Reports what would be sent; sends and commits nothing. */
  dryRun?: boolean;
  /** Called for each dead letter as it is settled (after its republish was acknowledged). */
  onLetter?: (result: RedriveResult) => void;
}

/**
 * sent / would-send: republished (or would be); left-out: filtered away, stays pending; duplicate: another dead letter
 * of the same event was sent in this run (the republished event reaches every consumer group); already-redriven: sent
 * by an earlier run that left out an older dead letter.
 */
export type RedriveOutcome = 'sent' | 'would-send' | 'left-out' | 'duplicate' | 'already-redriven';

export interface RedriveResult {
  letter: DeadLetter;
  outcome: RedriveOutcome;
}

export interface RedriveReport {
  deadLetterTopic: string;
  sourceTopic: string;
  groupId: string;
  dryRun: boolean;
  results: RedriveResult[];
  counts: Record<RedriveOutcome, number>;
  /** Re-driven offsets the group's commit metadata could not hold: a later run offers them again. */
  forgotten: number;
}

export interface ListedDeadLetter {
  letter: DeadLetter;
  /** Already re-driven by `redrive` (as remembered by its consumer group). */
  redriven: boolean;
}

interface PartitionPosition {
  partition: number;
  low: number;
  high: number;
  progress: RedriveProgress;
}

/**
 * Lists and re-drives a dead-letter topic. Re-driving republishes dead letters to their source topic with the original
 * key, value and headers, and remembers its progress in a consumer group of its own (`<prefix>gec-dlq-redrive.<topic>`),
 * committing only after the broker acknowledged the republish. Each run reads up to the end the topic had when it
 * started, then stops.
 */
export class DeadLetterRedriver {
  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly options: { idleTimeoutMs?: number; now?: () => Date } = {},
  ) {}

  redriveGroupId(logicalTopic: string): string {
    return this.topics.physical(`gec-dlq-redrive.${logicalTopic}`);
  }

  async list(logicalTopic: string): Promise<ListedDeadLetter[]> {
    const positions = await this.positions(logicalTopic, { exclusive: false });
    const listed: ListedDeadLetter[] = [];
    await this.withInspectionGroup(logicalTopic, (groupId) =>
      readOffsetRanges(this.kafka, {
        topic: this.topics.deadLetter(logicalTopic),
        groupId,
        ranges: positions.map((p) => ({ partition: p.partition, from: p.low, to: p.high })),
        idleTimeoutMs: this.options.idleTimeoutMs,
        onMessages: async (partition, messages) => {
          const { progress } = positions.find((p) => p.partition === partition)!;
          for (const m of messages) listed.push({ letter: readDeadLetter(partition, m), redriven: progress.isRedriven(m.offset) });
        },
      }),
    );
    return listed.sort((a, b) => (a.letter.failedAt ?? '').localeCompare(b.letter.failedAt ?? '') || a.letter.partition - b.letter.partition || Number(a.letter.offset) - Number(b.letter.offset));
  }

  async redrive(logicalTopic: string, options: RedriveOptions = {}): Promise<RedriveReport> {
    const dryRun = options.dryRun ?? false;
    const report: RedriveReport = {
      deadLetterTopic: this.topics.deadLetter(logicalTopic),
      sourceTopic: this.topics.physical(logicalTopic),
      groupId: this.redriveGroupId(logicalTopic),
      dryRun,
      results: [],
      counts: { sent: 0, 'would-send': 0, 'left-out': 0, duplicate: 0, 'already-redriven': 0 },
      forgotten: 0,
    };
    const positions = await this.positions(logicalTopic, { exclusive: !dryRun });
    const ranges: OffsetRange[] = positions.map((p) => ({ partition: p.partition, from: Math.max(p.low, p.progress.nextOffset), to: p.high }));
    const forgotten = new Map<number, number>();
    const sentEvents = new Set<string>();
    let producer: Producer | undefined;

    const onMessages = async (partition: number, messages: KafkaMessage[], commit?: (offset: string, metadata: string | null) => Promise<void>) => {
      const { progress } = positions.find((p) => p.partition === partition)!;
      const results: RedriveResult[] = [];
      const toSend: DeadLetter[] = [];
      for (const message of messages) {
        const letter = readDeadLetter(partition, message);
        let outcome: RedriveOutcome;
        if (progress.isRedriven(letter.offset)) {
          outcome = 'already-redriven';
        } else if (!this.matches(letter, options)) {
          outcome = 'left-out';
          progress.markLeftOut(letter.offset);
        } else if (letter.eventId !== null && sentEvents.has(letter.eventId)) {
          outcome = 'duplicate';
          progress.markRedriven(letter.offset);
        } else {
          outcome = dryRun ? 'would-send' : 'sent';
          if (letter.eventId !== null) sentEvents.add(letter.eventId);
          toSend.push(letter);
        }
        results.push({ letter, outcome });
      }
      if (!dryRun && toSend.length > 0) {
        producer ??= await this.connectProducer();
        const now = this.options.now?.() ?? new Date();
        await producer.send({ topic: report.sourceTopic, acks: -1, messages: toSend.map((l) => redriveMessage(l, now)) });
      }
      toSend.forEach((l) => progress.markRedriven(l.offset));
      if (commit) {
        const checkpoint = progress.checkpoint(messages[messages.length - 1].offset);
        await commit(checkpoint.offset, checkpoint.metadata);
        forgotten.set(partition, checkpoint.forgotten);
      }
      for (const result of results) {
        report.results.push(result);
        report.counts[result.outcome]++;
        options.onLetter?.(result);
      }
    };

    try {
      if (dryRun) {
        await this.withInspectionGroup(logicalTopic, (groupId) =>
          readOffsetRanges(this.kafka, { topic: report.deadLetterTopic, groupId, ranges, idleTimeoutMs: this.options.idleTimeoutMs, onMessages: (p, m) => onMessages(p, m) }),
        );
      } else {
        await readOffsetRanges(this.kafka, { topic: report.deadLetterTopic, groupId: report.groupId, ranges, idleTimeoutMs: this.options.idleTimeoutMs, onMessages });
      }
    } finally {
      await producer?.disconnect();
    }
    report.forgotten = [...forgotten.values()].reduce((a, b) => a + b, 0);
    return report;
  }

  private matches(letter: DeadLetter, filter: DeadLetterFilter): boolean {
    const group = filter.consumerGroup;
    if (group !== undefined && letter.consumerGroup !== group && letter.consumerGroup !== this.topics.physical(group)) return false;
    return filter.reason === undefined || filter.reason.test(letter.reason);
  }

  private async connectProducer(): Promise<Producer> {
    // As the services' producer: idempotent (a retried send can't duplicate or reorder within a partition), and the
    // same partitioner, so a re-driven event goes to the partition of its key as the original did.
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return producer;
  }

  /** The dead-letter topic's partitions, their ends now, and what the redrive group remembers of each. */
  private async positions(logicalTopic: string, { exclusive }: { exclusive: boolean }): Promise<PartitionPosition[]> {
    const topic = this.topics.deadLetter(logicalTopic);
    const groupId = this.redriveGroupId(logicalTopic);
    return this.withAdmin(async (admin) => {
      if (!(await admin.listTopics()).includes(topic)) {
        throw new Error(`topic ${topic} does not exist (is KAFKA_TOPIC_PREFIX right? scripts/create-topics.ts creates the platform's topics)`);
      }
      if (exclusive) {
        const [group] = (await admin.describeGroups([groupId])).groups;
        if (group && group.state !== 'Empty' && group.state !== 'Dead') {
          throw new Error(`consumer group ${groupId} is ${group.state} with ${group.members.length} member(s): another redrive of ${logicalTopic} is running, or one that stopped has not timed out yet (10 s)`);
        }
      }
      const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
      return ends
        .map(({ partition, low, high }) => {
          const commit = committed?.partitions.find((p) => p.partition === partition);
          return { partition, low: Number(low), high: Number(high), progress: RedriveProgress.fromCommit(commit?.offset ?? null, commit?.metadata ?? null) };
        })
        .sort((a, b) => a.partition - b.partition);
    });
  }

  /** list and --dry-run read with a throwaway group, so they never touch the redrive group's offsets. */
  private async withInspectionGroup(logicalTopic: string, read: (groupId: string) => Promise<void>): Promise<void> {
    const groupId = this.topics.physical(`gec-dlq-inspect.${logicalTopic}.${randomBytes(4).toString('hex')}`);
    try {
      await read(groupId);
    } finally {
      await this.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    }
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}
