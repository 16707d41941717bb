import { DeadLetter } from './dead-letter';

const REASON_WIDTH = 100;

/** `partition:offset  failed at  consumer group  event id  status  reason (truncated)`, for people. */
export function formatDeadLetterLine(letter: DeadLetter, status: string): string {
  return [
    `${letter.partition}:${letter.offset}`.padEnd(7),
    (letter.failedAt ?? '-').padEnd(24),
    (letter.consumerGroup ?? '-').padEnd(16),
    (letter.eventId ?? '-').padEnd(36),
    status.padEnd(16),
    truncate(letter.reason.replace(/\s+/g, ' '), REASON_WIDTH),
  ].join('  ');
}

/** Everything about a dead letter, for scripts (key and value as UTF-8 text). */
export function deadLetterJson(letter: DeadLetter, status: string) {
  return {
    partition: letter.partition,
    offset: letter.offset,
    failedAt: letter.failedAt,
    consumerGroup: letter.consumerGroup,
    eventId: letter.eventId,
    status,
    reason: letter.reason,
    sourceTopic: letter.sourceTopic,
    sourcePartition: letter.sourcePartition,
    sourceOffset: letter.sourceOffset,
    redriveCount: letter.redriveCount,
    key: letter.key?.toString('utf8') ?? null,
    value: letter.value?.toString('utf8') ?? null,
  };
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
