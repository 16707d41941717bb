// 5. Re-rating an industry. TO BE FILLED IN: seed 100,000 enterprises of one industry directly into rating's database
// (ctx.infra.mongoUrl, database ctx.run.dbName('rating'); codes from ctx.enterprises.fresh), trigger a re-rating job and
// time it until done. It runs after the pipeline, whose saturated steps leave a backlog: `settle(ctx, ms)` from
// platform-backlog.ts waits for it (bounded) and says what is left, which belongs in the section's json.
import type { BenchContext, BenchSection } from './bench-context';

export interface RerateJson {
  measured: boolean;
}

export async function benchRerate(_ctx: BenchContext): Promise<BenchSection<RerateJson>> {
  return {
    title: '5. Re-rating one industry (100,000 enterprises seeded into rating)',
    rows: [{ measure: 're-rating job duration', result: 'not measured yet' }],
    json: { measured: false },
  };
}
