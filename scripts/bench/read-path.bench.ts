// 4. The read path banks use: finance's eligibility endpoint under autocannon, next to the same process's /health/live.
import autocannon from 'autocannon';
import type { BenchContext, BenchSection } from './bench-context';
import { BenchEnterprise, postJson, postReport, registerEnterprises } from './bench-enterprises';
import { DB_COUNTER, difference, fmt, mapConcurrent, scrapeCounter, total } from './bench-helpers';
import { settle } from './platform-backlog';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const ENTERPRISES = 200;
const BANK = 'bench-bank';
const SEED_TIMEOUT_MS = 120000;
const SETTLE_MS = 20000;

export interface HttpMeasure {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Database commands of all four services during the run and the settling after it (the access log is written
   * from audit events) / requests answered. */
  dbCommandsPerRequest: number;
}

export interface ReadPathJson {
  connections: number;
  seconds: number;
  enterprises: number;
  bank: string;
  /** Pipeline work still under way when the measurement started (the services share the machine with it). */
  backgroundAtStart: { undecided: number; eventsQueued: number };
  eligibility: HttpMeasure;
  live: HttpMeasure;
}

export async function benchReadPath(ctx: BenchContext): Promise<BenchSection<ReadPathJson>> {
  const { finance } = ctx.urls;
  const bank = await postJson(`${finance}/v1/banks`, { id: BANK, name: 'Bench Bank' }, await ctx.authority.headers({ role: 'admin' }));
  if (bank.status !== 201 && bank.status !== 409) throw new Error(`creating bank ${BANK}: HTTP ${bank.status}`);
  const usccs = await decidedEnterprises(ctx, ENTERPRISES);
  ctx.log(`read path: ${usccs.length} enterprises grant ${BANK} consent`);
  const consents = await mapConcurrent(usccs, 32, async (uscc) => (await postJson(`${finance}/v1/enterprises/${uscc}/consents`, { bankId: BANK }, await ctx.enterprises.headers(uscc))).status);
  const consenting = usccs.filter((_, i) => consents[i] === 201);
  if (consenting.length === 0) throw new Error(`no consent granted (statuses: ${[...new Set(consents)].join(', ')})`);

  const headers = await ctx.authority.headers({ role: 'bank', bankId: BANK });
  const paths = consenting.map((uscc) => `/v1/eligibility/${uscc}?product=green-loan`);
  const probe = await fetch(`${finance}${paths[0]}`, { headers });
  if (probe.status !== 200) throw new Error(`the bank cannot read an eligibility decision: HTTP ${probe.status} ${await probe.text()}`);

  const backgroundAtStart = await settle(ctx, SETTLE_MS);
  ctx.log(`read path: ${CONNECTIONS} connections for ${SECONDS} s on GET /v1/eligibility/{uscc} (${consenting.length} enterprises), then on /health/live`);
  const eligibility = await cannon(ctx, 'GET /v1/eligibility/{uscc}?product=green-loan (bank)', headers, paths);
  const live = await cannon(ctx, 'GET /health/live', {}, ['/health/live']);
  const row = (m: HttpMeasure) => ({
    target: m.target,
    'req/s': fmt(m.requestsPerSecond),
    'p50 ms': fmt(m.p50Ms, 1),
    'p99 ms': fmt(m.p99Ms, 1),
    requests: m.requests,
    'non-2xx': m.non2xx,
    errors: m.errors,
    'db commands/req': fmt(m.dbCommandsPerRequest, 1),
  });
  return {
    title:
      `4. Eligibility read path (finance, autocannon ${CONNECTIONS} connections x ${SECONDS} s each, ${consenting.length} consenting enterprises;` +
      ` background at start: ${backgroundAtStart.undecided} reports undecided, ${backgroundAtStart.eventsQueued} events queued)`,
    rows: [row(eligibility), row(live)],
    json: { connections: CONNECTIONS, seconds: SECONDS, enterprises: consenting.length, bank: BANK, backgroundAtStart, eligibility, live },
  };
}

/** Enterprises the bench already saw decided; when there are too few, registers and reports more and waits for them. */
async function decidedEnterprises(ctx: BenchContext, count: number): Promise<string[]> {
  const missing = count - ctx.decisions.decided().length;
  if (missing > 0) {
    ctx.log(`read path: seeding ${missing} more decided enterprises`);
    const fresh: BenchEnterprise[] = await registerEnterprises(ctx.urls.intake, ctx.enterprises, ctx.enterprises.fresh(missing));
    await settle(ctx, SETTLE_MS); // registrations reach metrics before the reports do
    const statuses = await mapConcurrent(fresh, 32, async (e) => (await postReport(ctx.urls.intake, ctx.enterprises, e)).status);
    const reported = fresh.filter((_, i) => statuses[i] === 202).map((e) => e.uscc);
    ctx.decisions.expect(reported);
    const undecided = await ctx.decisions.waitFor(reported, Date.now() + SEED_TIMEOUT_MS);
    if (undecided > 0) ctx.log(`read path: ${undecided} seeded enterprises still undecided; measuring with fewer`);
  }
  return ctx.decisions.decided().slice(0, count);
}

/** One autocannon run over `paths` in turn; afterwards waits for the work it queued (audit events) to be done. */
async function cannon(ctx: BenchContext, target: string, headers: Record<string, string>, paths: string[]): Promise<HttpMeasure> {
  let next = 0;
  const dbBefore = await scrapeCounter(ctx.urls, DB_COUNTER);
  const result = await autocannon({
    url: ctx.urls.finance,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  await settle(ctx, SETTLE_MS);
  const dbCommands = total(difference(await scrapeCounter(ctx.urls, DB_COUNTER), dbBefore));
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    dbCommandsPerRequest: dbCommands / result.requests.total,
  };
}
