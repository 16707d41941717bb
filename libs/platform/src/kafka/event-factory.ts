import { EVENT_HEADERS, EventEnvelope, TopicDefinition } from '@gec/contracts';
import { requestContext } from '../context/request-context';
import { newId } from '../ids/event-ids';
import { OutboxEntry } from '../outbox/outbox-entry';

export interface EventOptions {
  /** Give a deterministic id when the event is derived from another one, so redoing the work repeats the id. */
  eventId?: string;
  occurredAt?: Date;
  /** The event this one follows from, when several are handled at once: its correlation id carries on. */
  causedBy?: { eventId: string; correlationId: string };
}

/** Builds typed, validated events in their envelope; a payload that doesn't fit its topic fails to compile. */
export class EventFactory {
  constructor(readonly producer: string) {}

  create<P>(topic: TopicDefinition<P>, payload: P, options: EventOptions = {}): OutboxEntry {
    const context = requestContext.current();
    const envelope: EventEnvelope<P> = {
      eventId: options.eventId ?? newId(),
      type: topic.type,
      schemaVersion: topic.schemaVersion,
      occurredAt: (options.occurredAt ?? new Date()).toISOString(),
      producer: this.producer,
      correlationId: options.causedBy?.correlationId ?? context?.correlationId ?? newId(),
      causationId: options.causedBy?.eventId ?? context?.causationId ?? null,
      key: topic.keyOf(payload),
      payload,
    };
    const checked = topic.envelope.parse(envelope);
    const headers: Record<string, string> = {
      [EVENT_HEADERS.eventId]: checked.eventId,
      [EVENT_HEADERS.eventType]: checked.type,
      [EVENT_HEADERS.schemaVersion]: String(checked.schemaVersion),
      [EVENT_HEADERS.correlationId]: checked.correlationId,
      [EVENT_HEADERS.producer]: checked.producer,
    };
    if (checked.causationId) headers[EVENT_HEADERS.causationId] = checked.causationId;
    return { eventId: checked.eventId, topic: topic.name, key: checked.key, value: JSON.stringify(checked), headers };
  }
}
