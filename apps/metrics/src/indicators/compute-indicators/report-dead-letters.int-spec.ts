import { DLQ_HEADERS, TOPICS } from '@gec/contracts';
import { waitFor } from '@gec/testing';
import { MetricsHarness, newUscc, reportPayload } from '../../testing/metrics-harness';

describe('reports that cannot be computed go to the dead-letter topic', () => {
  const h = new MetricsHarness();

  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  const deadLetterFor = (eventIdOrKey: string) =>
    h.reportDeadLetters.messages.find((m) => m.key?.toString() === eventIdOrKey || h.reportDeadLetters.header(m, 'event-id') === eventIdOrKey);

  it('dead-letters a report of an unknown enterprise after retrying, and goes on with the next one', async () => {
    const stranger = newUscc();
    const unknown = await h.report(stranger, '2024-07');
    const known = await h.register();
    await h.report(known, '2024-07');

    await waitFor('the next valid report', () => h.indicatorsEvents(known, '2024-07').length === 1);
    const dead = await waitFor('dead letter', () => deadLetterFor(unknown.eventId));
    expect(h.reportDeadLetters.header(dead, DLQ_HEADERS.reason)).toMatch(/gave up after \d+ attempts: RetryableEventError: unknown enterprise/);
    expect(h.indicatorsEvents(stranger)).toHaveLength(0);
  }, 30_000);

  const withNegativeValueAdded = (uscc: string) => {
    const envelope = JSON.parse(h.publisher.build(TOPICS.reportAccepted, reportPayload(uscc, '2024-08')).value);
    return JSON.stringify({ ...envelope, payload: { ...envelope.payload, valueAdded: -1 } });
  };

  it.each([
    ['a negative value added', withNegativeValueAdded, /payload\.valueAdded/],
    ['a value that is not JSON', () => '{"payload": ', /not JSON/],
  ])('dead-letters %s with the reason naming it, and goes on', async (_label, value, reason) => {
    const uscc = await h.register();
    await h.publisher.publishRaw(TOPICS.reportAccepted, uscc, value(uscc));
    await h.report(uscc, '2024-08');

    await waitFor('the next valid report', () => h.indicatorsEvents(uscc, '2024-08').length === 1);
    const dead = await waitFor('dead letter', () => deadLetterFor(uscc));
    expect(h.reportDeadLetters.header(dead, DLQ_HEADERS.reason)).toMatch(reason);
  });
});
