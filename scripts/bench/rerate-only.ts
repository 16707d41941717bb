// Measures only the re-rating of one large industry: `npm run bench:rerate` (BENCH_RERATE_N, default 100000).
import path from 'node:path';
import { createPlatformTopics, IsolatedRun, startPlatformProcesses, testInfra } from '@gec/testing';
import { measureRerate } from './rerate-industry';

async function main() {
  const run = new IsolatedRun();
  await createPlatformTopics(run.topicPrefix);
  const platform = await startPlatformProcesses({ logDir: path.resolve(__dirname, '../../.local/bench-logs', run.id), env: (name) => run.env(name, { LOG_LEVEL: 'warn' }) });
  try {
    const figures = await measureRerate({
      ratingUrl: platform.urls.rating,
      mongoUrl: testInfra().mongoUrl,
      dbName: run.dbName('rating'),
      adminHeaders: await run.authority.headers({ role: 'admin' }),
      count: Number(process.env.BENCH_RERATE_N ?? 100000),
    });
    process.stdout.write(`re-rating: ${figures.enterprises} enterprises in ${figures.seconds.toFixed(1)} s = ${figures.perSecond}/s (seeding ${figures.seedSeconds.toFixed(1)} s)\n`);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
