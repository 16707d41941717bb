import { DLQ_HEADERS, REDRIVE_HEADERS, TOPICS } from '@gec/contracts';
import { createKafkaClient, DeadLetterRedriver, TopicNames } from '@gec/platform';
import { testInfra, waitFor } from '@gec/testing';
import pino from 'pino';
import { MetricsHarness, newUscc } from '../../testing/metrics-harness';

describe('a report dead-lettered for a missing enterprise is computed once re-driven after the fix', () => {
  const h = new MetricsHarness();
  let redriver: DeadLetterRedriver;

  beforeAll(async () => {
    await h.start();
    const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'redrive-test', logger: pino({ level: 'silent' }) });
    redriver = new DeadLetterRedriver(kafka, new TopicNames(h.run.topicPrefix), { idleTimeoutMs: 20_000 });
  }, 60_000);
  afterAll(() => h.stop());

  it('re-drives the dead letter to the report topic, where metrics now computes it, and only once', async () => {
    const uscc = newUscc();
    const report = await h.report(uscc, '2024-09');
    const dead = await waitFor('the report dead-lettered', () => h.reportDeadLetters.messages.find((m) => h.reportDeadLetters.header(m, 'event-id') === report.eventId));
    expect(h.reportDeadLetters.header(dead, DLQ_HEADERS.reason)).toMatch(/unknown enterprise/);
    expect(h.indicatorsEvents(uscc)).toHaveLength(0);

    // The fix: the enterprise's registration arrives (e.g. after repairing what dropped it upstream).
    await h.register('C2614', uscc);
    await h.drain(uscc);

    const redriven = await redriver.redrive(TOPICS.reportAccepted.name, { reason: /unknown enterprise/ });
    expect(redriven.results.map((r) => [r.letter.eventId, r.outcome])).toEqual([[report.eventId, 'sent']]);
    const computed = await waitFor('the re-driven report computed', () => h.indicatorsEvents(uscc, '2024-09')[0]);
    expect(computed).toMatchObject({ payload: { uscc, period: '2024-09', revision: 1 }, causationId: report.eventId });

    expect((await redriver.redrive(TOPICS.reportAccepted.name)).counts.sent).toBe(0);
    await h.drain(uscc);
    expect(h.indicatorsEvents(uscc, '2024-09')).toHaveLength(1);
    expect(h.reportDeadLetters.messages.filter((m) => h.reportDeadLetters.header(m, REDRIVE_HEADERS.redriveCount))).toHaveLength(0);
  }, 60_000);
});
