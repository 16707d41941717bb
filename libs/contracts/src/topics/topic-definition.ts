import { z } from 'zod';
import { eventEnvelopeSchema } from '../envelope/event-envelope';

/**
 * One Kafka topic: its name, the event type and schema version it carries, its payload schema,
 * and how the partition key is derived from a payload (so one enterprise's events stay in order).
 */
export interface TopicDefinition<P> {
  readonly name: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly payload: z.ZodType<P>;
  readonly envelope: z.ZodType<import('../envelope/event-envelope').EventEnvelope<P>>;
  keyOf(payload: P): string;
}

export function defineTopic<P>(spec: {
  name: string;
  type: string;
  schemaVersion: number;
  payload: z.ZodType<P>;
  keyOf: (payload: P) => string;
}): TopicDefinition<P> {
  return { ...spec, envelope: eventEnvelopeSchema(spec.payload) as TopicDefinition<P>['envelope'] };
}

export function deadLetterTopicName(topicName: string): string {
  return `${topicName}.dlq`;
}
