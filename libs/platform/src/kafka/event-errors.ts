/** The event can never be handled (e.g. it contradicts the service's data): it goes straight to the dead-letter topic. */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/** The event can't be handled yet (e.g. its enterprise isn't known yet): retried with backoff, then dead-lettered. */
export class RetryableEventError extends Error {
  override readonly name = 'RetryableEventError';
}

const INFRASTRUCTURE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongooseServerSelectionError',
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSNonRetriableError',
  'MaxRetriesPerRequestError',
]);

/** Our own infrastructure is down: wait for it rather than dead-letter a valid event. */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as { name?: string; code?: string } | undefined;
  return Boolean(e && ((e.name && INFRASTRUCTURE_ERRORS.has(e.name)) || e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET'));
}
