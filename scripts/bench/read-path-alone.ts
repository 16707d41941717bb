// The read path banks and regulators use at volume: finance's GET /v1/eligibility/{uscc} with a bank's token,
// against /health/live on the same process, 50 connections for 10 s each (autocannon). The four services run as
// separate processes on the real infrastructure, with a rate limit high enough not to interfere.
//
//   BENCH_ENTERPRISES (50)  enterprises registered, reported, decided and consented to the bank
//   BENCH_CONNECTIONS (50), BENCH_SECONDS (10)
//   BENCH_FINANCE_NODE_ARGS  e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the finance process
//   BENCH_PHASES (bank,own,health)  which measurements to run
//   BENCH_FINANCE_ENV  extra settings for finance, e.g. "ACCESS_RECORD_DRAIN_MS=1000 READ_MODEL_STALE_MS=500"
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, DEMO_BANK, IsolatedRun, request, startPlatformProcesses, waitFor } from '@gec/testing';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DIVISIONS = ['C26', 'C30', 'C31', 'C33'];

async function main() {
  const run = new IsolatedRun();
  await createPlatformTopics(run.topicPrefix);
  const logDir = path.resolve(__dirname, '../../.local/bench-logs', run.id);
  const financeNodeArgs = process.env.BENCH_FINANCE_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const phases = (process.env.BENCH_PHASES ?? 'bank,own,health').split(',');
  const financeEnv = Object.fromEntries((process.env.BENCH_FINANCE_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => kv.split('=', 2) as [string, string]));
  const platform = await startPlatformProcesses({
    logDir,
    env: (name) =>
      run.env(name, {
        LOG_LEVEL: 'warn',
        OUTBOX_SWEEP_MS: '5000',
        RATE_LIMIT_PER_MINUTE: '100000000',
        ...(name === 'finance' ? financeEnv : {}),
      }),
    nodeArgs: (name) => (name === 'finance' ? financeNodeArgs : []),
  });
  try {
    const finance = platform.urls.finance;
    const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => ({
      uscc: makeUscc(`91500000MA5R${String(i).padStart(5, '0')}`),
      division: DIVISIONS[i % DIVISIONS.length],
      valueAdded: 1000 + ((i * 37) % 900),
      coal: 50 + ((i * 53) % 400),
    }));
    const selfHeaders = new Map<string, Record<string, string>>();
    for (const e of enterprises) selfHeaders.set(e.uscc, await run.authority.headers({ role: 'enterprise', uscc: e.uscc }));
    for (const e of enterprises) {
      const headers = selfHeaders.get(e.uscc);
      const registered = await request('POST', `${platform.urls.intake}/v1/enterprises`, { uscc: e.uscc, name: `Bench ${e.uscc}`, industryCode: e.division }, headers);
      if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
      const body = { period: '2026-10', valueAdded: e.valueAdded, outputValue: e.valueAdded * 4, energy: [{ carrier: 'electricity', quantity: 900_000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: e.coal, unit: 't' }] };
      const reported = await request('POST', `${platform.urls.intake}/v1/enterprises/${e.uscc}/reports`, body, headers);
      if (reported.status !== 202) throw new Error(`report: ${reported.status} ${JSON.stringify(reported.body)}`);
      const consent = await request('POST', `${finance}/v1/enterprises/${e.uscc}/consents`, { bankId: DEMO_BANK }, headers);
      if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
    }
    const bank = await run.authority.headers({ role: 'bank', bankId: DEMO_BANK }, { expiresInSeconds: 3600 });
    const paths = enterprises.map((e) => `/v1/eligibility/${e.uscc}?product=green-loan`);
    await waitFor(`${ENTERPRISES} eligibility decisions`, async () => {
      for (const p of paths) if ((await request('GET', `${finance}${p}`, undefined, bank)).status !== 200) return false;
      return true;
    }, { timeoutMs: 180000, intervalMs: 500 });

    const lines = [`read path: ${CONNECTIONS} connections, ${SECONDS} s each, finance at ${finance}, ${ENTERPRISES} enterprises (logs: ${logDir})`];
    // CPU seconds the finance process used (its own Prometheus counter): per request, a figure other load on the machine disturbs less than throughput.
    const financeCpu = async () => {
      const text = (await request('GET', `${finance}/metrics`)).body as string;
      const finds = [...text.matchAll(/^gec_db_commands_total\{[^}]*command="find"[^}]*\} ([\d.e+-]+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      return { cpu: Number(/^gec_process_cpu_seconds_total\{[^}]*\} ([\d.e+-]+)$/m.exec(text)?.[1] ?? NaN), finds };
    };
    const measure = async (label: string, requests: Array<{ path: string }>, headers: Record<string, string>, duration = SECONDS) => {
      const cpuBefore = await financeCpu();
      const result = await autocannon({ url: finance, connections: CONNECTIONS, duration, headers, requests: requests.map((r) => ({ method: 'GET', path: r.path })) });
      const after = await financeCpu();
      const cpuPerRequest = (after.cpu - cpuBefore.cpu) / result.requests.total;
      const findsPerRequest = (after.finds - cpuBefore.finds) / result.requests.total;
      const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}:${(s as { count: number }).count}`).join(' ');
      lines.push(
        `  ${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms   finance CPU ${(cpuPerRequest * 1e6).toFixed(0)} µs/request, ${findsPerRequest.toFixed(3)} finance DB reads/request (access-log consumer included)   (${statuses}; errors ${result.errors}, timeouts ${result.timeouts}; load average ${loadavg()[0].toFixed(1)})`,
      );
    };
    await measure('warm-up (bank eligibility)', paths.map((p) => ({ path: p })), bank, 3);
    lines.length = 1;
    if (phases.includes('bank')) await measure('GET /v1/eligibility (bank token)', paths.map((p) => ({ path: p })), bank);
    if (phases.includes('own')) await measure('GET /v1/eligibility (own token)', [{ path: paths[0] }], selfHeaders.get(enterprises[0].uscc)!);
    if (phases.includes('health')) await measure('GET /health/live', [{ path: '/health/live' }], {});
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
