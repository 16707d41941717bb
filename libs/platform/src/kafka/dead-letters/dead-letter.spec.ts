import { DLQ_HEADERS, REDRIVE_HEADERS } from '@gec/contracts';
import { KafkaMessage } from 'kafkajs';
import { readDeadLetter, redriveMessage } from './dead-letter';

const EVENT_ID = '0b0f6c1e-7a55-4a4e-9a57-6d1f4f9e2b10';

function deadLetterMessage(headers: KafkaMessage['headers'], value: string | null = JSON.stringify({ eventId: EVENT_ID })): KafkaMessage {
  return { key: Buffer.from('91330100MA2B3C4D5E'), value: value === null ? null : Buffer.from(value), headers, offset: '7', timestamp: '0', attributes: 0, size: 0 } as KafkaMessage;
}

const dlqHeaders = {
  [DLQ_HEADERS.reason]: Buffer.from('gave up after 5 attempts: RetryableEventError: unknown enterprise'),
  [DLQ_HEADERS.sourceTopic]: Buffer.from('t1.intake.report-accepted.v1'),
  [DLQ_HEADERS.sourcePartition]: Buffer.from('2'),
  [DLQ_HEADERS.sourceOffset]: Buffer.from('41'),
  [DLQ_HEADERS.consumerGroup]: Buffer.from('t1.metrics'),
  [DLQ_HEADERS.failedAt]: Buffer.from('2026-11-22T03:00:00.000Z'),
};

describe('dead letters', () => {
  it('reads what the consumer recorded', () => {
    const letter = readDeadLetter(1, deadLetterMessage({ 'event-id': Buffer.from(EVENT_ID), ...dlqHeaders }));
    expect(letter).toMatchObject({
      partition: 1,
      offset: '7',
      eventId: EVENT_ID,
      reason: 'gave up after 5 attempts: RetryableEventError: unknown enterprise',
      sourceTopic: 't1.intake.report-accepted.v1',
      sourcePartition: 2,
      sourceOffset: '41',
      consumerGroup: 't1.metrics',
      failedAt: '2026-11-22T03:00:00.000Z',
      redriveCount: 0,
    });
  });

  it.each([
    ['the value when there is no event-id header', JSON.stringify({ eventId: EVENT_ID }), EVENT_ID],
    ['nothing from a value that is not JSON', '{"eventId": ', null],
    ['nothing from an empty message', null, null],
  ])('takes the event id from %s', (_label, value, eventId) => {
    expect(readDeadLetter(0, deadLetterMessage({ ...dlqHeaders }, value)).eventId).toBe(eventId);
  });

  it('restores the original message without dlq-* headers, counting the redrive', () => {
    const original = { 'event-id': Buffer.from(EVENT_ID), 'correlation-id': Buffer.from('c-1'), 'x-custom': [Buffer.from('a'), Buffer.from('b')] };
    const letter = readDeadLetter(0, deadLetterMessage({ ...original, ...dlqHeaders }));
    const message = redriveMessage(letter, new Date('2026-11-22T04:00:00Z'));
    expect(message.key).toEqual(letter.key);
    expect(message.value).toEqual(letter.value);
    expect(message.headers).toEqual({ ...original, [REDRIVE_HEADERS.redrivenAt]: '2026-11-22T04:00:00.000Z', [REDRIVE_HEADERS.redriveCount]: '1' });
  });

  it('counts on from an earlier redrive', () => {
    const headers = { [REDRIVE_HEADERS.redrivenAt]: Buffer.from('2026-11-21T00:00:00.000Z'), [REDRIVE_HEADERS.redriveCount]: Buffer.from('2'), ...dlqHeaders };
    const letter = readDeadLetter(0, deadLetterMessage(headers));
    expect(letter.redriveCount).toBe(2);
    expect(redriveMessage(letter, new Date('2026-11-22T04:00:00Z')).headers).toEqual({
      [REDRIVE_HEADERS.redrivenAt]: '2026-11-22T04:00:00.000Z',
      [REDRIVE_HEADERS.redriveCount]: '3',
    });
  });
});
