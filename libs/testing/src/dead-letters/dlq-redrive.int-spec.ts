import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ALL_TOPICS, DLQ_HEADERS, EVENT_HEADERS, REDRIVE_HEADERS, TOPICS } from '@gec/contracts';
import { createKafkaClient, DeadLetterRedriver, RedriveOutcome, RedriveReport, TopicNames } from '@gec/platform';
import { Admin, Kafka, KafkaMessage, Producer } from 'kafkajs';
import pino from 'pino';
import { IsolatedRun } from '../isolated-run';
import { createPlatformTopics } from '../platform-topics';
import { testInfra } from '../test-infra';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';

const ROOT = path.resolve(__dirname, '../../../..');

interface Written {
  key: string;
  value: string;
  headers: Record<string, string>;
}

describe('re-driving a dead-letter topic', () => {
  const run = new IsolatedRun();
  const topics = new TopicNames(run.topicPrefix);
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  let redriver: DeadLetterRedriver;
  const readers: TopicReader[] = [];

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'dlq-test', logger: pino({ level: 'silent' }) });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    redriver = new DeadLetterRedriver(kafka, topics, { idleTimeoutMs: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.stop()));
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  });

  /** A dead letter as KafkaEventServer writes it: the original message plus the dlq-* headers. */
  async function deadLetter(logical: string, options: { reason?: string; group?: string; partition?: number; eventId?: string; headers?: Record<string, string> } = {}) {
    const eventId = options.eventId ?? randomUUID();
    const original: Written = {
      key: `91330100${randomUUID().slice(0, 10)}`,
      value: JSON.stringify({ eventId, type: 'test', payload: { n: Math.random() } }),
      headers: { [EVENT_HEADERS.eventId]: eventId, [EVENT_HEADERS.correlationId]: randomUUID(), ...options.headers },
    };
    await producer.send({
      topic: topics.deadLetter(logical),
      acks: -1,
      messages: [
        {
          ...original,
          partition: options.partition,
          headers: {
            ...original.headers,
            [DLQ_HEADERS.reason]: options.reason ?? 'gave up after 5 attempts: RetryableEventError: unknown enterprise',
            [DLQ_HEADERS.sourceTopic]: topics.physical(logical),
            [DLQ_HEADERS.sourcePartition]: '0',
            [DLQ_HEADERS.sourceOffset]: '0',
            [DLQ_HEADERS.consumerGroup]: topics.physical(options.group ?? 'metrics'),
            [DLQ_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    return original;
  }

  async function sourceReader(logical: string): Promise<TopicReader> {
    const reader = await new TopicReader(topics.physical(logical)).start();
    readers.push(reader);
    return reader;
  }

  /** Exactly how many messages the topic holds, from the broker's offsets (not from what a reader saw so far). */
  async function messageCount(physical: string): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(physical);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  const outcomes = (report: RedriveReport) => report.results.map((r) => [r.letter.eventId, r.outcome] as [string, RedriveOutcome]);
  const eventIdOf = (w: Written) => w.headers[EVENT_HEADERS.eventId];
  const textHeaders = (m: KafkaMessage) => Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, v?.toString()]));

  it('republishes each dead letter once with its original key, value and headers, and a second run sends nothing', async () => {
    const logical = TOPICS.reportAccepted.name;
    const written = [
      await deadLetter(logical),
      await deadLetter(logical, { reason: 'does not match schema: payload.valueAdded' }),
      await deadLetter(logical, { headers: { [REDRIVE_HEADERS.redrivenAt]: '2026-01-01T00:00:00.000Z', [REDRIVE_HEADERS.redriveCount]: '1' } }),
    ];
    const source = await sourceReader(logical);

    const dryRun = await redriver.redrive(logical, { dryRun: true });
    expect(dryRun.counts['would-send']).toBe(3);
    const before = Date.now();
    const report = await redriver.redrive(logical);
    expect(report.counts).toMatchObject({ sent: 3, 'left-out': 0 });
    expect(report.groupId).toBe(`${run.topicPrefix}gec-dlq-redrive.${logical}`);

    await waitFor('the re-driven messages', () => source.messages.length >= 3);
    expect(await messageCount(topics.physical(logical))).toBe(3);
    for (const original of written) {
      const republished = source.messages.find((m) => m.key?.toString() === original.key)!;
      expect(republished.value!.toString()).toBe(original.value);
      const headers = textHeaders(republished);
      const count = Number(original.headers[REDRIVE_HEADERS.redriveCount] ?? '0') + 1;
      expect(headers).toEqual({ ...original.headers, [REDRIVE_HEADERS.redrivenAt]: expect.any(String), [REDRIVE_HEADERS.redriveCount]: String(count) });
      expect(Date.parse(headers[REDRIVE_HEADERS.redrivenAt]!)).toBeGreaterThanOrEqual(before - 1000);
    }

    const again = await redriver.redrive(logical);
    expect(again.results).toEqual([]);
    expect(await messageCount(topics.physical(logical))).toBe(3);
    const listed = await redriver.list(logical);
    expect(listed.map((l) => [l.letter.eventId, l.redriven]).sort()).toEqual(written.map((w) => [eventIdOf(w), true]).sort());
  });

  it('leaves dead letters out by --reason and --group, keeps them pending, and never sends one twice', async () => {
    const logical = TOPICS.indicatorsComputed.name;
    const source = await sourceReader(logical);
    // One partition, so the order is known: A1 B1 A2 B2 A3.
    const a1 = await deadLetter(logical, { partition: 0, reason: 'gave up after 5 attempts: unknown enterprise', group: 'rating' });
    const b1 = await deadLetter(logical, { partition: 0, reason: 'does not match schema: payload', group: 'finance' });
    const a2 = await deadLetter(logical, { partition: 0, reason: 'gave up after 5 attempts: Unknown Enterprise', group: 'rating' });
    const b2 = await deadLetter(logical, { partition: 0, reason: 'does not match schema: payload', group: 'finance' });
    const a3 = await deadLetter(logical, { partition: 0, reason: 'gave up after 5 attempts: unknown enterprise', group: 'rating' });

    const first = await redriver.redrive(logical, { reason: /unknown enterprise/i });
    expect(outcomes(first)).toEqual([
      [eventIdOf(a1), 'sent'],
      [eventIdOf(b1), 'left-out'],
      [eventIdOf(a2), 'sent'],
      [eventIdOf(b2), 'left-out'],
      [eventIdOf(a3), 'sent'],
    ]);
    await waitFor('three re-driven', () => source.messages.length >= 3);

    const repeated = await redriver.redrive(logical, { reason: /unknown enterprise/i });
    expect(outcomes(repeated)).toEqual([
      [eventIdOf(b1), 'left-out'],
      [eventIdOf(a2), 'already-redriven'],
      [eventIdOf(b2), 'left-out'],
      [eventIdOf(a3), 'already-redriven'],
    ]);
    expect((await redriver.list(logical)).filter((l) => !l.redriven).map((l) => l.letter.eventId)).toEqual([eventIdOf(b1), eventIdOf(b2)]);

    const dryRun = await redriver.redrive(logical, { consumerGroup: 'finance', dryRun: true });
    expect(dryRun.counts).toMatchObject({ 'would-send': 2, sent: 0 });
    const byGroup = await redriver.redrive(logical, { consumerGroup: 'finance' });
    expect(outcomes(byGroup).filter(([, o]) => o === 'sent')).toEqual([
      [eventIdOf(b1), 'sent'],
      [eventIdOf(b2), 'sent'],
    ]);

    const unfiltered = await redriver.redrive(logical);
    expect(unfiltered.results).toEqual([]);
    await waitFor('all five re-driven', () => source.messages.length >= 5);
    expect(await messageCount(topics.physical(logical))).toBe(5);
    expect(source.messages.map((m) => m.key?.toString()).sort()).toEqual([a1, b1, a2, b2, a3].map((w) => w.key).sort());
  });

  it('sends an event that several consumer groups dead-lettered once: every group receives it', async () => {
    const logical = TOPICS.enterpriseRegistered.name;
    const eventId = randomUUID();
    await deadLetter(logical, { eventId, group: 'metrics', partition: 1 });
    await deadLetter(logical, { eventId, group: 'rating', partition: 1 });

    const report = await redriver.redrive(logical);
    expect(outcomes(report)).toEqual([
      [eventId, 'sent'],
      [eventId, 'duplicate'],
    ]);
    expect(await messageCount(topics.physical(logical))).toBe(1);
  });

  it('refuses to run beside another member of its consumer group', async () => {
    const logical = TOPICS.ratingChanged.name;
    await deadLetter(logical);
    const other = kafka.consumer({ groupId: redriver.redriveGroupId(logical) });
    try {
      const joined = new Promise((resolve) => other.on(other.events.GROUP_JOIN, resolve));
      await other.connect();
      await other.subscribe({ topic: topics.deadLetter(logical) });
      await other.run({ autoCommit: false, eachMessage: async () => undefined });
      await joined;
      await expect(redriver.redrive(logical)).rejects.toThrow(/another redrive .* is running/);
    } finally {
      await other.disconnect();
    }
    expect(await messageCount(topics.physical(logical))).toBe(0);
  });

  describe('npm run dlq', () => {
    const dlq = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'scripts/dlq.ts'), ...args], {
          cwd: ROOT,
          env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), KAFKA_BROKERS: testInfra().kafkaBrokers, KAFKA_TOPIC_PREFIX: run.topicPrefix },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    it('lists dead letters as JSON and re-drives them', async () => {
      const logical = TOPICS.eligibilityChanged.name;
      const written = await deadLetter(logical, { reason: 'gave up after 5 attempts: rating unknown' });

      const listed = await dlq(['list', logical, '--json']);
      expect(listed).toMatchObject({ code: 0 });
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ eventId: eventIdOf(written), status: 'pending', reason: 'gave up after 5 attempts: rating unknown', key: written.key, value: written.value }),
      ]);

      const redriven = await dlq(['redrive', `${logical}.dlq`]);
      expect(redriven.code).toBe(0);
      expect(redriven.stdout).toMatch(new RegExp(`${eventIdOf(written)}\\s+sent\\s+gave up after 5 attempts`));
      expect(await messageCount(topics.physical(logical))).toBe(1);
    }, 60_000);

    it('refuses an unknown topic with exit code 2, naming the known ones', async () => {
      const result = await dlq(['redrive', 'intake.report-acepted.v1']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('unknown topic "intake.report-acepted.v1"');
      for (const topic of ALL_TOPICS) expect(result.stderr).toContain(topic.name);
    }, 60_000);
  });
});
