import { ALL_TOPICS, deadLetterTopicName } from '@gec/contracts';

/** Where the generated Strimzi KafkaTopic resources are committed (scripts/generate-kafka-topics.ts writes it). */
export const KAFKA_TOPICS_FILE = 'deploy/k8s/base/kafka-topics.yaml';

/** The Strimzi Kafka cluster the topics belong to (label strimzi.io/cluster). */
export const KAFKA_CLUSTER = 'gec-kafka';

const DAY_MS = 24 * 3600 * 1000;

/** Partitions and retention: every topic 6 partitions (the most replicas a consumer group can use), 7 days; dead letters 30 days. */
export const TOPIC_SETTINGS = { partitions: 6, replicas: 3, retentionMs: 7 * DAY_MS, deadLetterRetentionMs: 30 * DAY_MS, minInsyncReplicas: 2 };

export interface KafkaTopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
  deadLetter: boolean;
}

/** Every topic of libs/contracts and its `.dlq`. */
export function platformKafkaTopics(): KafkaTopicSpec[] {
  return ALL_TOPICS.flatMap((t) => [
    { name: t.name, partitions: TOPIC_SETTINGS.partitions, retentionMs: TOPIC_SETTINGS.retentionMs, deadLetter: false },
    { name: deadLetterTopicName(t.name), partitions: TOPIC_SETTINGS.partitions, retentionMs: TOPIC_SETTINGS.deadLetterRetentionMs, deadLetter: true },
  ]);
}

/** The YAML of one KafkaTopic per topic (resource names are the topic names: lower case, digits, dots and dashes). */
export function kafkaTopicsYaml(): string {
  const header = '# Generated from libs/contracts by `node -r @swc-node/register scripts/generate-kafka-topics.ts`; do not edit.\n';
  const docs = platformKafkaTopics().map(
    (t) => `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: ${t.name}
  labels:
    strimzi.io/cluster: ${KAFKA_CLUSTER}
    gec/dead-letter: "${t.deadLetter}"
spec:
  topicName: ${t.name}
  partitions: ${t.partitions}
  replicas: ${TOPIC_SETTINGS.replicas}
  config:
    retention.ms: ${t.retentionMs}
    min.insync.replicas: ${TOPIC_SETTINGS.minInsyncReplicas}
    cleanup.policy: delete
`,
  );
  return header + docs.join('---\n');
}
