// 5. Re-rating an industry: seeds BENCH_RERATE_N (default 100,000) enterprises of one industry straight into rating's
// database and times the re-rating job from the request to its progress saying done. It runs after the pipeline,
// whose saturated steps may leave a backlog: `settle` waits for it (bounded) and what is left goes in the json.
import type { BenchContext, BenchSection } from './bench-context';
import { settle } from './platform-backlog';
import { measureRerate, RerateFigures } from './rerate-industry';

export interface RerateJson extends RerateFigures {
  backlogBefore: { undecided: number; eventsQueued: number };
}

export async function benchRerate(ctx: BenchContext): Promise<BenchSection<RerateJson>> {
  const backlogBefore = await settle(ctx, 60000);
  const count = Number(process.env.BENCH_RERATE_N ?? 100000);
  ctx.log(`re-rating: seeding ${count} enterprises into rating's database`);
  const figures = await measureRerate({ ratingUrl: ctx.urls.rating, mongoUrl: ctx.infra.mongoUrl, dbName: ctx.run.dbName('rating'), adminHeaders: await ctx.authority.headers({ role: 'admin' }), count });
  return {
    title: `5. Re-rating one industry (${count} enterprises seeded into rating)`,
    rows: [
      { measure: 're-rating job, request -> done', result: `${figures.seconds.toFixed(1)} s` },
      { measure: 'throughput', result: `${figures.perSecond} enterprises/s` },
      { measure: 'seeding (not timed above)', result: `${figures.seedSeconds.toFixed(1)} s` },
    ],
    json: { ...figures, backlogBefore },
  };
}
