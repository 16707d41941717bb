import { TOPICS } from '@gec/contracts';
import { waitFor } from '@gec/testing';
import { MetricsHarness } from './testing/metrics-harness';

/** What a Prometheus scrape of a running service shows after some traffic: HTTP durations, consumer lag, dead letters. */
describe('GET /metrics', () => {
  const h = new MetricsHarness();

  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  const scrape = async () => {
    const response = await fetch(h.url('/metrics'));
    expect(response.status).toBe(200);
    return response.text();
  };
  const series = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
  const value = (line: string) => Number(line.slice(line.lastIndexOf(' ') + 1));

  it('serves HTTP durations by route, consumer lag per partition, dead letters, handling durations and process metrics', async () => {
    const uscc = await h.register();
    await h.report(uscc, '2024-05');
    await h.publisher.publishRaw(TOPICS.reportAccepted, uscc, '{"payload": ');
    await waitFor('the report computed', () => h.indicatorsEvents(uscc, '2024-05').length === 1);
    await waitFor('the dead letter', () => h.reportDeadLetters.messages.some((m) => m.key?.toString() === uscc));
    for (let i = 0; i < 3; i++) expect((await fetch(h.url('/health/live'))).status).toBe(200);
    expect((await fetch(h.url(`/v1/enterprises/${uscc}/indicators/2024-05`), { headers: await h.asSelf(uscc) })).status).toBe(200);

    const text = await scrape();
    const http = series(text, 'gec_http_request_duration_seconds_count');
    expect(http.find((l) => l.includes('route="/health/live"') && l.includes('status="200"') && l.includes('method="GET"'))).toBeDefined();
    // The route pattern, never the enterprise's code.
    expect(http.find((l) => l.includes('route="/v1/enterprises/:uscc/indicators/:period"') && l.includes('status="200"'))).toBeDefined();
    expect(http.some((l) => l.includes(uscc))).toBe(false);
    expect(series(text, 'gec_http_request_duration_seconds_bucket').length).toBeGreaterThan(0);

    const dead = series(text, 'gec_events_dead_lettered_total').find((l) => l.includes(`topic="${TOPICS.reportAccepted.name}"`));
    expect(dead && value(dead)).toBeGreaterThanOrEqual(1);
    expect(series(text, 'gec_event_handling_duration_seconds_count').some((l) => l.includes(`topic="${TOPICS.reportAccepted.name}"`) && l.includes('outcome="done"'))).toBe(true);

    const lag = series(text, 'gec_kafka_consumer_lag').filter((l) => l.includes(`topic="${TOPICS.reportAccepted.name}"`));
    expect(lag.length).toBeGreaterThan(0);
    expect(lag.every((l) => /partition="\d+"/.test(l) && value(l) >= 0)).toBe(true);
    expect(series(text, 'gec_kafka_consumer_lag').some((l) => l.includes(`topic="${TOPICS.enterpriseRegistered.name}"`))).toBe(true);

    expect(series(text, 'gec_outbox_pending').length).toBe(1);
    expect(series(text, 'gec_process_cpu_seconds_total').length).toBe(1);
    expect(text).toContain('service="metrics"');
  }, 45_000);

  it('shows a lag of 0 on every partition once the events are consumed (refreshed at most every 5 s)', async () => {
    const uscc = await h.register();
    await h.report(uscc, '2024-06');
    await waitFor('the report computed', () => h.indicatorsEvents(uscc, '2024-06').length === 1);
    const total = async () => series(await scrape(), 'gec_kafka_consumer_lag').filter((l) => l.includes(`topic="${TOPICS.reportAccepted.name}"`)).reduce((sum, l) => sum + value(l), 0);
    await waitFor('lag 0 on the report topic', async () => (await total()) === 0, { timeoutMs: 20_000, intervalMs: 1000 });
  }, 30_000);
});
