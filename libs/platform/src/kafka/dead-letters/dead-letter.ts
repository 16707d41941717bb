import { DLQ_HEADERS, EVENT_HEADERS, REDRIVE_HEADERS } from '@gec/contracts';
import { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** One message of a `<topic>.dlq` topic, as KafkaEventServer wrote it: the original message plus the dlq-* headers. */
export interface DeadLetter {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Every header as stored, the dlq-* ones included. */
  headers: IHeaders;
  eventId: string | null;
  reason: string;
  sourceTopic: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  consumerGroup: string | null;
  failedAt: string | null;
  /** How often the message was re-driven before it failed this time. */
  redriveCount: number;
}

const DLQ_HEADER_NAMES = new Set<string>(Object.values(DLQ_HEADERS));

export function readDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const headers = message.headers ?? {};
  const text = (name: string) => headerText(headers[name]);
  const sourcePartition = text(DLQ_HEADERS.sourcePartition);
  return {
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value ?? null,
    headers,
    eventId: text(EVENT_HEADERS.eventId) ?? eventIdInValue(message.value),
    reason: text(DLQ_HEADERS.reason) ?? '(no reason recorded)',
    sourceTopic: text(DLQ_HEADERS.sourceTopic),
    sourcePartition: sourcePartition === null || !/^\d+$/.test(sourcePartition) ? null : Number(sourcePartition),
    sourceOffset: text(DLQ_HEADERS.sourceOffset),
    consumerGroup: text(DLQ_HEADERS.consumerGroup),
    failedAt: text(DLQ_HEADERS.failedAt),
    redriveCount: redriveCountOf(headers),
  };
}

/**
 * The message to publish again: the original key, value and headers, without the dlq-* headers,
 * with `x-redriven-at` and `x-redrive-count` (one more than the original message carried).
 */
export function redriveMessage(letter: DeadLetter, now: Date): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(letter.headers)) {
    if (value === undefined || DLQ_HEADER_NAMES.has(name) || name === REDRIVE_HEADERS.redrivenAt || name === REDRIVE_HEADERS.redriveCount) continue;
    headers[name] = value;
  }
  headers[REDRIVE_HEADERS.redrivenAt] = now.toISOString();
  headers[REDRIVE_HEADERS.redriveCount] = String(letter.redriveCount + 1);
  return { key: letter.key, value: letter.value, headers };
}

function redriveCountOf(headers: IHeaders): number {
  const count = headerText(headers[REDRIVE_HEADERS.redriveCount]);
  return count !== null && /^\d+$/.test(count) ? Number(count) : 0;
}

function headerText(value: IHeaders[string]): string | null {
  if (value === undefined) return null;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? null : last.toString();
}

/** A poison message may still be JSON with an event id; anything else has none. */
function eventIdInValue(value: Buffer | null): string | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    const eventId = typeof parsed === 'object' && parsed !== null ? (parsed as { eventId?: unknown }).eventId : undefined;
    return typeof eventId === 'string' && eventId.length > 0 ? eventId : null;
  } catch {
    return null;
  }
}
