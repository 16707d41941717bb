// Creates every platform topic and its dead-letter topic (idempotent). Reads KAFKA_BROKERS, KAFKA_TOPIC_PREFIX,
// KAFKA_PARTITIONS and KAFKA_REPLICATION_FACTOR.
import pino from 'pino';
import { createKafkaClient, ensureTopics, platformTopicNames, TopicNames } from '@gec/platform';

async function main() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const partitions = Number(process.env.KAFKA_PARTITIONS ?? 6);
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1);
  const kafka = createKafkaClient({ brokers, clientId: 'create-topics', logger: pino({ level: 'warn' }) });
  const created = await ensureTopics(kafka, platformTopicNames(new TopicNames(process.env.KAFKA_TOPIC_PREFIX ?? '')), { partitions, replicationFactor });
  process.stderr.write(`topics: ${created.length} created, the rest already existed\n`);
}

main().catch((error) => {
  process.stderr.write(`create-topics failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
