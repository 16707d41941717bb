// Writes deploy/k8s/base/kafka-topics.yaml, a Strimzi KafkaTopic for every topic of libs/contracts and its .dlq,
// so the manifests never drift from the contracts (scripts/deploy/deploy-manifests.spec.ts fails when they do).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAFKA_TOPICS_FILE, kafkaTopicsYaml } from './deploy/kafka-topics';

const file = join(__dirname, '..', KAFKA_TOPICS_FILE);
writeFileSync(file, kafkaTopicsYaml());
process.stderr.write(`wrote ${KAFKA_TOPICS_FILE}\n`);
