// Bulk import throughput: `npm run bench:import` (BENCH_IMPORT_ROWS, default 10000). Seeds the enterprises straight
// into intake's database (1 per 10 rows, as registration would have left them), uploads one CSV of that many rows (one
// row in 33 broken in a known way) as an administrator, and reads the import's progress until it is done, with the
// whole platform running (metrics, rating and finance take the reports as they come). Prints rows/s and the database
// round trips per row of intake (gec_db_commands_total at /metrics, before and after).
import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { MongoConnection } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, startPlatformProcesses, testInfra, waitFor } from '@gec/testing';
import { DB_COUNTER, difference, scrapeCounter } from './bench-helpers';

const HEADER = 'uscc,period,value_added,output_value,electricity_kwh,raw_coal_t,natural_gas_m3,diesel_t,heat_gj,own_pv_kwh,new_water_m3,reused_water_m3,solid_waste_generated_t,solid_waste_utilised_t';

async function main() {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10000);
  const periods = Array.from({ length: 10 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  const usccs = Array.from({ length: Math.ceil(rows / periods.length) }, (_, i) => makeUscc(`91500000MC${String(i).padStart(7, '0')}`));
  const run = new IsolatedRun();
  await createPlatformTopics(run.topicPrefix);
  const platform = await startPlatformProcesses({ logDir: path.resolve(__dirname, '../../.local/bench-logs', run.id), env: (name) => run.env(name, { LOG_LEVEL: 'warn' }) });
  try {
    const mongo = new MongoConnection(testInfra().mongoUrl, run.dbName('intake'));
    await mongo.open();
    try {
      const registeredAt = new Date();
      const docs = usccs.map((uscc, i) => ({ _id: uscc, name: `Bench ${i}`, industryCode: 'C3041', industryDivision: 'C30', regionCode: '500000', registeredAt, outbox: [] }));
      await mongo.connection.db!.collection('enterprises').insertMany(docs as never[], { ordered: false });
    } finally {
      await mongo.close();
    }
    const lines = [HEADER];
    let bad = 0;
    for (let n = 0; n < rows; n++) {
      const uscc = usccs[Math.floor(n / periods.length)];
      const broken = n % 33 === 7;
      if (broken) bad++;
      lines.push(`${uscc},${periods[n % periods.length]},${broken ? -1 : 1000 + (n % 500)},${4000 + (n % 700)},${800000 + n},${100 + (n % 50)},20000,1.5,300,5000,900,100,40,${broken ? '' : 38}`);
    }
    const file = lines.join('\n') + '\n';
    const admin = await run.authority.headers({ role: 'admin' });
    const before = await scrapeCounter(platform.urls, DB_COUNTER);
    const started = Date.now();
    const response = await fetch(`${platform.urls.intake}/v1/imports?filename=bench.csv`, { method: 'POST', body: file, headers: { ...admin, 'content-type': 'text/csv' } });
    if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
    const { importId } = (await response.json()) as { importId: string };
    const uploadSeconds = (Date.now() - started) / 1000;
    const done = await waitFor('import done', async () => {
      const progress = await request('GET', `${platform.urls.intake}/v1/imports/${importId}`, undefined, admin);
      return progress.body.status === 'done' && progress.body;
    }, { timeoutMs: 300000, intervalMs: 200 });
    const seconds = (Date.now() - started) / 1000;
    const after = await scrapeCounter(platform.urls, DB_COUNTER);
    const commands = difference(after, before).intake;
    process.stdout.write(
      `bulk import: ${rows} rows (${done.rows.ok} ok, ${done.rows.failed} failed; ${bad} broken on purpose) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s ` +
        `(upload answered in ${uploadSeconds.toFixed(2)} s; the job's own rate ${done.rowsPerSecond} rows/s); ` +
        `intake database round trips: ${commands} = ${(commands / rows).toFixed(3)} per row\n`,
    );
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
