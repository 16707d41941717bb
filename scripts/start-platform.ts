// Runs the four services against the infrastructure in KAFKA_BROKERS / MONGO_URL / REDIS_URL, loads the demo data,
// prints where to look, and stops the services on Ctrl-C.
import path from 'node:path';
import { DEMO_BANK, DEMO_ENTERPRISES, LocalAuthority, loadDemoData, request, SERVICE_NAMES, startPlatformProcesses, waitFor } from '@gec/testing';

const ROOT = path.resolve(__dirname, '..');
const env = process.env;

async function main() {
  // The local identity provider: the services trust its keys; `npm run token` mints more tokens with them.
  const authority = new LocalAuthority(path.join(ROOT, '.local', 'auth'));
  const logDir = path.join(ROOT, '.local', env.GEC_INSTANCE ?? 'dev', 'logs');
  const platform = await startPlatformProcesses({
    logDir,
    ports: { intake: Number(env.INTAKE_PORT ?? 3101), metrics: Number(env.METRICS_PORT ?? 3102), rating: Number(env.RATING_PORT ?? 3103), finance: Number(env.FINANCE_PORT ?? 3104) },
    // Local development: the printed tokens last 12 hours (and `npm run token` mints more), so they may be that old.
    env: () => ({ KAFKA_BROKERS: env.KAFKA_BROKERS!, MONGO_URL: env.MONGO_URL!, REDIS_URL: env.REDIS_URL!, LOG_LEVEL: env.LOG_LEVEL ?? 'info', AUTH_TOKEN_MAX_AGE_SECONDS: env.AUTH_TOKEN_MAX_AGE_SECONDS ?? String(24 * 3600), ...authority.env() }),
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

  const loaded = await loadDemoData(platform.urls, authority);
  const sample = DEMO_ENTERPRISES[0];
  const twelveHours = { expiresInSeconds: 12 * 3600 };
  const tokens = {
    enterprise: await authority.token({ role: 'enterprise', uscc: sample.uscc }, twelveHours),
    bank: await authority.token({ role: 'bank', bankId: DEMO_BANK }, twelveHours),
    regulator: await authority.token({ role: 'regulator', region: '50' }, twelveHours),
    admin: await authority.token({ role: 'admin' }, twelveHours),
  };
  const asEnterprise = { authorization: `Bearer ${tokens.enterprise}` };
  await waitFor('the demo data to flow through to eligibility', async () => (await request('GET', `${platform.urls.finance}/v1/eligibility/${sample.uscc}?product=green-loan`, undefined, asEnterprise)).status === 200, { timeoutMs: 60000 }).catch(() => undefined);

  const lines = [
    '',
    'Green Efficiency Code platform is running.',
    '',
    ...SERVICE_NAMES.map((name) => `  ${name.padEnd(8)} ${platform.urls[name]}   OpenAPI: ${platform.urls[name]}/docs-json`),
    '',
    `Demo data: ${DEMO_ENTERPRISES.length} enterprises in two industries (C30 non-metallic minerals, C26 chemicals), 3 months each (${loaded.registered} registered, ${loaded.reports} reports submitted now).`,
    `${sample.name} (${sample.uscc}) has consented to ${DEMO_BANK} reading its rating and eligibility.`,
    '',
    'Tokens for the demo users (12 hours; more with `npm run token -- <role> <id>`):',
    `  export ENTERPRISE_TOKEN=${tokens.enterprise}`,
    `  export BANK_TOKEN=${tokens.bank}`,
    `  export REGULATOR_TOKEN=${tokens.regulator}`,
    `  export ADMIN_TOKEN=${tokens.admin}`,
    '',
    'Try:',
    `  curl -H "Authorization: Bearer $ENTERPRISE_TOKEN" ${platform.urls.intake}/v1/enterprises/${sample.uscc}`,
    `  curl -H "Authorization: Bearer $ENTERPRISE_TOKEN" ${platform.urls.metrics}/v1/enterprises/${sample.uscc}/indicators/2026-10`,
    `  curl -H "Authorization: Bearer $REGULATOR_TOKEN" ${platform.urls.metrics}/v1/benchmarks/C30/2026-10`,
    `  curl -H "Authorization: Bearer $BANK_TOKEN" ${platform.urls.rating}/v1/ratings/${sample.uscc}`,
    `  curl -H "Authorization: Bearer $ENTERPRISE_TOKEN" ${platform.urls.rating}/v1/ratings/${sample.uscc}/history`,
    `  curl -H "Authorization: Bearer $BANK_TOKEN" '${platform.urls.finance}/v1/eligibility/${sample.uscc}?product=green-loan'`,
    `  curl -H "Authorization: Bearer $ENTERPRISE_TOKEN" ${platform.urls.finance}/v1/enterprises/${sample.uscc}/access-log`,
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
