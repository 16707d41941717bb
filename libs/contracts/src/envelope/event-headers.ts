/** Kafka header names. The envelope is the source of truth; headers mirror it for tooling and dead letters. */
export const EVENT_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  producer: 'producer',
} as const;

/** Headers added when a message is moved to a dead-letter topic. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** Headers added when a dead letter is re-driven to its source topic (`npm run dlq -- redrive`); the dlq-* headers are removed. */
export const REDRIVE_HEADERS = {
  redrivenAt: 'x-redriven-at',
  redriveCount: 'x-redrive-count',
} as const;
