// 1. What the broker does for kafkajs without the platform: produce and consume rates on a topic of the run's own.
import { CompressionTypes, Kafka } from 'kafkajs';
import { ensureTopics } from '@gec/platform';
import type { BenchContext, BenchSection } from './bench-context';
import { fmt, sleep } from './bench-helpers';

const MESSAGES = Number(process.env.BENCH_KAFKA_MESSAGES ?? 200_000);
const MESSAGE_BYTES = 600;
const CHUNK = 1000;
const PARTITIONS = 6;
const CONSUME_TIMEOUT_MS = 120000;

export interface RateMeasure {
  messages: number;
  bytes: number;
  seconds: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
}

export interface RawKafkaJson {
  topic: string;
  partitions: number;
  messageBytes: number;
  chunk: number;
  produce: RateMeasure;
  consume: RateMeasure & { groupJoinSeconds: number; complete: boolean };
}

export async function benchRawKafka(ctx: BenchContext): Promise<BenchSection<RawKafkaJson>> {
  const topic = ctx.topics.physical('bench.raw-kafka');
  await ensureTopics(ctx.kafka, [topic], { partitions: PARTITIONS, replicationFactor: 1 });
  try {
    ctx.log(`raw kafka: producing ${MESSAGES} messages of ${MESSAGE_BYTES} bytes`);
    const produce = await produceAll(ctx.kafka, topic);
    ctx.log(`raw kafka: consuming them with a fresh group`);
    const consume = await consumeAll(ctx.kafka, topic, `${ctx.run.id}-bench-raw`);
    const row = (what: string, m: RateMeasure) => ({ measure: what, messages: m.messages, seconds: fmt(m.seconds, 2), 'msgs/s': fmt(m.messagesPerSecond), 'MB/s': fmt(m.megabytesPerSecond, 1) });
    return {
      title: `1. Raw Kafka (kafkajs, ${PARTITIONS} partitions, ${MESSAGE_BYTES}-byte messages, sendBatch of ${CHUNK}, acks -1)`,
      rows: [row('produce', produce), row(consume.complete ? 'consume (eachBatch)' : 'consume (eachBatch, INCOMPLETE: timed out)', consume)],
      json: { topic, partitions: PARTITIONS, messageBytes: MESSAGE_BYTES, chunk: CHUNK, produce, consume },
    };
  } finally {
    const admin = ctx.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch((error) => ctx.log(`raw kafka: could not delete ${topic}: ${String(error)}`));
    await admin.disconnect();
  }
}

function measure(messages: number, bytes: number, ms: number): RateMeasure {
  const seconds = ms / 1000;
  return { messages, bytes, seconds, messagesPerSecond: messages / seconds, megabytesPerSecond: bytes / 1e6 / seconds };
}

/** Like the services' producer: idempotent, one request in flight, acks from all replicas, no compression. */
async function produceAll(kafka: Kafka, topic: string): Promise<RateMeasure> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const value = Buffer.alloc(MESSAGE_BYTES, 'x');
  try {
    const started = Date.now();
    for (let sent = 0; sent < MESSAGES; sent += CHUNK) {
      const messages = Array.from({ length: Math.min(CHUNK, MESSAGES - sent) }, (_, i) => ({ key: `k${sent + i}`, value }));
      await producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: [{ topic, messages }] });
    }
    return measure(MESSAGES, MESSAGES * MESSAGE_BYTES, Date.now() - started);
  } finally {
    await producer.disconnect();
  }
}

/** A fresh group reads the topic from the beginning; timed from the first batch to the last message. */
async function consumeAll(kafka: Kafka, topic: string, groupId: string): Promise<RawKafkaJson['consume']> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 30000, heartbeatInterval: 3000 });
  let count = 0;
  let bytes = 0;
  let first = 0;
  let last = 0;
  const started = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        if (!first) first = Date.now();
        count += batch.messages.length;
        for (const m of batch.messages) bytes += m.value?.length ?? 0;
        last = Date.now();
      },
    });
    const deadline = Date.now() + CONSUME_TIMEOUT_MS;
    while (count < MESSAGES && Date.now() < deadline) await sleep(20);
    return { ...measure(count, bytes, Math.max(1, last - first)), groupJoinSeconds: first ? (first - started) / 1000 : NaN, complete: count >= MESSAGES };
  } finally {
    await consumer.disconnect();
  }
}
