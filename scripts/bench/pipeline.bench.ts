// 2. The whole pipeline at offered rates: reports POSTed open-loop to intake, each timed from its 202 to the
// enterprise's first finance.eligibility-changed.v1 event; database round trips counted around each step.
import { ServiceName } from '@gec/testing';
import type { BenchContext, BenchSection } from './bench-context';
import { BenchEnterprise, postReport, registerEnterprises } from './bench-enterprises';
import { DB_COUNTER, DEAD_LETTER_COUNTER, difference, fmt, LatencySummary, scrapeCounter, sleep, summarize, total } from './bench-helpers';
import { platformBacklog, settle } from './platform-backlog';
import { Hop, HOPS } from './decision-watcher';

const RATES = (process.env.BENCH_RATES ?? '10,50,100,200').split(',').map(Number).filter((r) => r > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const STEP_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_SECONDS ?? 60) * 1000;
const REGISTER_CONCURRENCY = 32;
const SETTLE_MS = 120000;

export interface PipelineStep {
  offeredRate: number;
  seconds: number;
  /** Reports of earlier steps still undecided when this step started. */
  backlogAtStart: number;
  /** Events the services' consumer groups had yet to handle when this step started. */
  eventBacklogAtStart: number;
  posted: number;
  accepted: number;
  /** HTTP status (or 'timeout': no answer within 60 s, or an error code) -> count, for POSTs not answered 202. */
  rejected: Record<string, number>;
  /** From sending a POST to its 202. */
  acceptLatencyMs: LatencySummary;
  decided: number;
  /** Accepted reports without a decision `stepTimeoutSeconds` after the last POST was due. */
  undecided: number;
  saturated: boolean;
  /** Decided reports / seconds from the first POST to the last decision. */
  sustainedPerSecond: number;
  /** Seconds from the last POST to the last decision. */
  drainSeconds: number;
  /** From a report's 202 to its enterprise's first eligibility-changed event. */
  latencyMs: LatencySummary;
  /** Per hop, from the previous hop's event (the first: from the 202) to this hop's, as the bench's consumer saw them. */
  hopsMs: Record<Hop, LatencySummary>;
  dbCommands: Record<ServiceName, number>;
  deadLettered: number;
}

export interface PipelineJson {
  rates: number[];
  secondsPerStep: number;
  stepTimeoutSeconds: number;
  registration: { enterprises: number; registered: number; seconds: number; leftAfterSettle: { undecided: number; eventsQueued: number } };
  steps: PipelineStep[];
}

export async function benchPipeline(ctx: BenchContext): Promise<BenchSection<PipelineJson>> {
  // Every step's enterprises are registered first, on a quiet platform, and their registrations handled downstream
  // before any report: a report that overtakes its enterprise's registration is retried and then dead-lettered.
  const plan = RATES.map((rate) => ({ rate, enterprises: ctx.enterprises.fresh(Math.max(1, Math.round(rate * SECONDS))) }));
  const all = plan.flatMap((p) => p.enterprises);
  ctx.log(`pipeline: registering ${all.length} enterprises for ${RATES.length} steps`);
  const started = Date.now();
  const registered = new Set((await registerEnterprises(ctx.urls.intake, ctx.enterprises, all, REGISTER_CONCURRENCY)).map((e) => e.uscc));
  const seconds = (Date.now() - started) / 1000;
  const leftAfterSettle = await settle(ctx, SETTLE_MS);
  ctx.log(`pipeline: ${registered.size} registered in ${seconds.toFixed(0)} s; then ${leftAfterSettle.eventsQueued} events left queued`);
  const steps: PipelineStep[] = [];
  for (const { rate, enterprises } of plan) steps.push(await runStep(ctx, rate, enterprises.filter((e) => registered.has(e.uscc))));
  return {
    title: `2. Pipeline at offered rates (report 202 -> first eligibility-changed event; ${SECONDS} s per step, undecided = not decided ${STEP_TIMEOUT_MS / 1000} s after the last POST)`,
    rows: steps.map((s) => ({
      'offered/s': s.offeredRate,
      accepted: s.accepted,
      'no 202': total(s.rejected),
      decided: s.decided,
      undecided: s.undecided,
      'sustained/s': fmt(s.sustainedPerSecond, 1),
      'p50 ms': fmt(s.latencyMs.p50),
      'p90 ms': fmt(s.latencyMs.p90),
      'p99 ms': fmt(s.latencyMs.p99),
      'max ms': fmt(s.latencyMs.max),
      '202 p99 ms': fmt(s.acceptLatencyMs.p99),
      'undecided before': s.backlogAtStart,
      'events queued before': s.eventBacklogAtStart,
      'dead-lettered': s.deadLettered,
      status: s.saturated ? 'SATURATED' : 'all decided',
    })),
    json: { rates: RATES, secondsPerStep: SECONDS, stepTimeoutSeconds: STEP_TIMEOUT_MS / 1000, registration: { enterprises: all.length, registered: registered.size, seconds, leftAfterSettle }, steps },
  };
}

async function runStep(ctx: BenchContext, rate: number, enterprises: BenchEnterprise[]): Promise<PipelineStep> {
  const backlogAtStart = ctx.decisions.pending();
  const eventBacklogAtStart = await platformBacklog(ctx);
  const [dbBefore, deadBefore] = await Promise.all([scrapeCounter(ctx.urls, DB_COUNTER), scrapeCounter(ctx.urls, DEAD_LETTER_COUNTER)]);

  ctx.log(`pipeline ${rate}/s: posting ${enterprises.length} reports over ${SECONDS} s (${backlogAtStart} earlier reports undecided, ${eventBacklogAtStart} events queued)`);
  const firstPost = Date.now();
  const posts = await Promise.all(
    enterprises.map(async (e, i) => {
      await sleep(firstPost + (i * 1000) / rate - Date.now());
      const sentAt = Date.now();
      return { uscc: e.uscc, sentAt, ...(await postReport(ctx.urls.intake, ctx.enterprises, e)) };
    }),
  );
  const lastPostDue = firstPost + ((enterprises.length - 1) * 1000) / rate;
  const accepted = posts.filter((p) => p.status === 202);
  ctx.decisions.expect(accepted.map((p) => p.uscc));
  const undecided = await ctx.decisions.waitFor(
    accepted.map((p) => p.uscc),
    lastPostDue + STEP_TIMEOUT_MS,
    (n) => ctx.log(`pipeline ${rate}/s: ${n} of ${accepted.length} reports undecided`),
  );
  const [dbAfter, deadAfter] = await Promise.all([scrapeCounter(ctx.urls, DB_COUNTER), scrapeCounter(ctx.urls, DEAD_LETTER_COUNTER)]);

  const decided = accepted.map((p) => ({ ...p, decidedAt: ctx.decisions.decidedAt(p.uscc) })).filter((p) => p.decidedAt !== undefined);
  const lastDecision = Math.max(...decided.map((p) => p.decidedAt!));
  const rejected: Record<string, number> = {};
  for (const p of posts) {
    const why = p.failure ?? String(p.status);
    if (p.status !== 202) rejected[why] = (rejected[why] ?? 0) + 1;
  }
  const step: PipelineStep = {
    offeredRate: rate,
    seconds: SECONDS,
    backlogAtStart,
    eventBacklogAtStart,
    posted: posts.length,
    accepted: accepted.length,
    rejected,
    acceptLatencyMs: summarize(accepted.map((p) => p.at - p.sentAt)),
    decided: decided.length,
    undecided,
    saturated: undecided > 0,
    sustainedPerSecond: decided.length ? decided.length / ((lastDecision - firstPost) / 1000) : 0,
    drainSeconds: decided.length ? (lastDecision - lastPostDue) / 1000 : NaN,
    latencyMs: summarize(decided.map((p) => p.decidedAt! - p.at)),
    hopsMs: hopLatencies(ctx, decided),
    dbCommands: difference(dbAfter, dbBefore),
    deadLettered: total(difference(deadAfter, deadBefore)),
  };
  ctx.log(`pipeline ${rate}/s: ${step.decided} decided, ${undecided} undecided, ${step.sustainedPerSecond.toFixed(1)}/s, p50 ${step.latencyMs.p50} ms`);
  return step;
}

/** For each decided report, the time each hop took: its enterprise's first event there minus the previous hop's. */
function hopLatencies(ctx: BenchContext, decided: Array<{ uscc: string; at: number }>): Record<Hop, LatencySummary> {
  const gaps = Object.fromEntries(HOPS.map((h) => [h, [] as number[]])) as Record<Hop, number[]>;
  for (const report of decided) {
    let previous = report.at;
    for (const hop of HOPS) {
      const seen = ctx.decisions.seenAt(hop, report.uscc);
      if (seen === undefined) break;
      gaps[hop].push(seen - previous);
      previous = seen;
    }
  }
  return Object.fromEntries(HOPS.map((h) => [h, summarize(gaps[h])])) as Record<Hop, LatencySummary>;
}

/** 2b. Where a step's time went: each hop's p50 and p99 (the bench's consumer's arrival times; the first from the 202). */
export function pipelineHops(pipeline: PipelineJson): BenchSection<{ steps: Array<{ offeredRate: number; hopsMs: Record<Hop, LatencySummary> }> }> {
  const label: Record<Hop, string> = { reportAccepted: '202->accepted', indicatorsComputed: '->indicators', benchmarkUpdated: '->benchmark', ratingChanged: '->rating', eligibilityChanged: '->eligibility' };
  return {
    title: '2b. Where the time goes (per hop, p50 / p99 ms: an enterprise\'s first event on each topic after the previous one, as the bench consumed them)',
    rows: pipeline.steps.map((s) => ({
      'offered/s': s.offeredRate,
      ...Object.fromEntries(HOPS.map((h) => [label[h], s.hopsMs ? `${fmt(s.hopsMs[h].p50)} / ${fmt(s.hopsMs[h].p99)}` : '-'])),
    })),
    json: { steps: pipeline.steps.map((s) => ({ offeredRate: s.offeredRate, hopsMs: s.hopsMs })) },
  };
}
