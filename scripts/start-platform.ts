// Runs the four services against the infrastructure in KAFKA_BROKERS / MONGO_URL / REDIS_URL, loads the demo data,
// prints where to look, and stops the services on Ctrl-C.
import path from 'node:path';
import { DEMO_ENTERPRISES, loadDemoData, request, SERVICE_NAMES, startPlatformProcesses, waitFor } from '@gec/testing';

const ROOT = path.resolve(__dirname, '..');
const env = process.env;

async function main() {
  const logDir = path.join(ROOT, '.local', env.GEC_INSTANCE ?? 'dev', 'logs');
  const platform = await startPlatformProcesses({
    logDir,
    ports: { intake: Number(env.INTAKE_PORT ?? 3101), metrics: Number(env.METRICS_PORT ?? 3102), rating: Number(env.RATING_PORT ?? 3103), finance: Number(env.FINANCE_PORT ?? 3104) },
    env: () => ({ KAFKA_BROKERS: env.KAFKA_BROKERS!, MONGO_URL: env.MONGO_URL!, REDIS_URL: env.REDIS_URL!, LOG_LEVEL: env.LOG_LEVEL ?? 'info' }),
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nstopping services...\n');
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  const loaded = await loadDemoData(platform.urls.intake);
  const sample = DEMO_ENTERPRISES[0];
  await waitFor('the demo data to flow through to eligibility', async () => (await request('GET', `${platform.urls.finance}/v1/eligibility/${sample.uscc}?product=green-loan`)).status === 200, { timeoutMs: 60000 }).catch(() => undefined);

  const lines = [
    '',
    'Green Efficiency Code platform is running.',
    '',
    ...SERVICE_NAMES.map((name) => `  ${name.padEnd(8)} ${platform.urls[name]}   OpenAPI: ${platform.urls[name]}/docs-json`),
    '',
    `Demo data: ${DEMO_ENTERPRISES.length} enterprises in two industries (C30 non-metallic minerals, C26 chemicals), 3 months each (${loaded.registered} registered, ${loaded.reports} reports submitted now).`,
    'Try:',
    `  curl ${platform.urls.intake}/v1/enterprises/${sample.uscc}`,
    `  curl ${platform.urls.metrics}/v1/enterprises/${sample.uscc}/indicators/2026-10`,
    `  curl ${platform.urls.metrics}/v1/benchmarks/C30/2026-10`,
    `  curl ${platform.urls.rating}/v1/ratings/${sample.uscc}`,
    `  curl ${platform.urls.rating}/v1/ratings/${sample.uscc}/history`,
    `  curl '${platform.urls.finance}/v1/eligibility/${sample.uscc}?product=green-loan'`,
    '',
    `Logs: ${logDir}   Stop: Ctrl-C`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch((error) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
