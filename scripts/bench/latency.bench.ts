// End-to-end latency: from a report accepted by intake (HTTP 202) to the eligibility decision for that enterprise
// appearing on finance.eligibility-changed.v1. The four services run as separate processes on the real infrastructure.
import path from 'node:path';
import pino from 'pino';
import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createKafkaClient, TopicNames } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, startPlatformProcesses, testInfra, waitFor } from '@gec/testing';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 150);
const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 2);
const DIVISIONS = ['C26', 'C30', 'C31', 'C33'];

async function main() {
  const run = new IsolatedRun();
  await createPlatformTopics(run.topicPrefix);
  const logDir = path.resolve(__dirname, '../../.local/bench-logs', run.id);
  const platform = await startPlatformProcesses({ logDir, env: (name) => run.env(name, { LOG_LEVEL: 'warn', OUTBOX_SWEEP_MS: '5000' }) });
  const decidedAt = new Map<string, number>();
  // First time each enterprise's key appears on each topic (broker timestamps), for a per-hop breakdown.
  const HOPS = [TOPICS.reportAccepted, TOPICS.indicatorsComputed, TOPICS.ratingChanged, TOPICS.eligibilityChanged];
  const firstSeen = new Map<string, Map<string, number>>(HOPS.map((t) => [t.name, new Map()]));
  const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'bench', logger: pino({ level: 'silent' }) });
  const consumer = kafka.consumer({ groupId: `${run.id}-bench` });
  try {
    await consumer.connect();
    const names = new TopicNames(run.topicPrefix);
    await consumer.subscribe({ topics: HOPS.map((t) => names.physical(t.name)), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const key = message.key?.toString();
        if (!key) return;
        const logical = names.logical(topic);
        const seen = firstSeen.get(logical)!;
        if (!seen.has(key)) seen.set(key, Number(message.timestamp));
        if (logical === TOPICS.eligibilityChanged.name && !decidedAt.has(key)) decidedAt.set(key, Date.now());
      },
    });

    const enterprises = Array.from({ length: REPORTS }, (_, i) => ({
      uscc: makeUscc(`91500000MA5B${String(i).padStart(5, '0')}`),
      division: DIVISIONS[i % DIVISIONS.length],
      valueAdded: 1000 + ((i * 37) % 900),
      coal: 50 + ((i * 53) % 400),
    }));
    const tokens = new Map<string, Record<string, string>>();
    for (const e of enterprises) tokens.set(e.uscc, await run.authority.headers({ role: 'enterprise', uscc: e.uscc }));
    for (const e of enterprises) {
      const response = await request('POST', `${platform.urls.intake}/v1/enterprises`, { uscc: e.uscc, name: `Bench ${e.uscc}`, industryCode: e.division }, tokens.get(e.uscc));
      if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
    }

    const acceptedAt = new Map<string, number>();
    const started = Date.now();
    await Promise.all(
      enterprises.map(async (e, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * 1000) / RATE_PER_SECOND));
        const body = { period: '2026-10', valueAdded: e.valueAdded, outputValue: e.valueAdded * 4, energy: [{ carrier: 'electricity', quantity: 900_000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: e.coal, unit: 't' }] };
        const response = await request('POST', `${platform.urls.intake}/v1/enterprises/${e.uscc}/reports`, body, tokens.get(e.uscc));
        if (response.status !== 202) throw new Error(`report: ${response.status} ${JSON.stringify(response.body)}`);
        acceptedAt.set(e.uscc, Date.now());
      }),
    );
    await waitFor(`${REPORTS} eligibility decisions`, () => enterprises.every((e) => decidedAt.has(e.uscc)), { timeoutMs: 120000, intervalMs: 200 });
    const elapsed = (Date.now() - started) / 1000;

    const latencies = enterprises.map((e) => decidedAt.get(e.uscc)! - acceptedAt.get(e.uscc)!).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    const hop = (from: string, to: string) => {
      const values = enterprises.map((e) => firstSeen.get(to)!.get(e.uscc)! - firstSeen.get(from)!.get(e.uscc)!).sort((a, b) => a - b);
      return `median ${values[Math.floor(values.length / 2)]} ms, p99 ${values[Math.min(values.length - 1, Math.ceil(0.99 * values.length) - 1)]} ms`;
    };
    const lines = [
      `end-to-end latency, report accepted -> eligibility decided (${REPORTS} reports at ${RATE_PER_SECOND}/s, ${DIVISIONS.length} industries, 4 service processes)`,
      `  median ${pct(50)} ms   p90 ${pct(90)} ms   p99 ${pct(99)} ms   max ${latencies[latencies.length - 1]} ms   min ${latencies[0]} ms`,
      `  all decided ${elapsed.toFixed(1)} s after the first report`,
      `  hops (broker timestamps): report -> indicators ${hop(HOPS[0].name, HOPS[1].name)}; indicators -> rating ${hop(HOPS[1].name, HOPS[2].name)}; rating -> eligibility ${hop(HOPS[2].name, HOPS[3].name)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await consumer.disconnect();
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
