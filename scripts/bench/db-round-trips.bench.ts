// 3. Database round trips per decided report, from each service's gec_db_commands_total scraped around each pipeline step.
import { SERVICE_NAMES } from '@gec/testing';
import type { BenchSection } from './bench-context';
import { DB_COUNTER, fmt, total } from './bench-helpers';
import type { PipelineJson } from './pipeline.bench';

export interface DbRoundTripsJson {
  counter: string;
  steps: Array<{ offeredRate: number; decided: number; commands: Record<string, number>; perReport: Record<string, number | null> }>;
}

/** A view of the pipeline's measurements: (sum of counter deltas) / (reports decided), in total and per service. */
export function dbRoundTrips(pipeline: PipelineJson): BenchSection<DbRoundTripsJson> {
  const steps = pipeline.steps.map((s) => {
    const commands = { total: total(s.dbCommands), ...s.dbCommands };
    const perReport = Object.fromEntries(Object.entries(commands).map(([k, v]) => [k, s.decided ? v / s.decided : null]));
    return { offeredRate: s.offeredRate, decided: s.decided, commands, perReport };
  });
  return {
    title: `3. Database round trips per decided report (${DB_COUNTER} deltas over each step / reports of the step decided in it; a saturated step also pays for earlier steps' backlog)`,
    rows: steps.map((s) => ({
      'offered/s': s.offeredRate,
      decided: s.decided,
      'commands': s.commands.total,
      'per report': fmt(s.perReport.total ?? NaN, 1),
      ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, fmt(s.perReport[name] ?? NaN, 1)])),
    })),
    json: { counter: DB_COUNTER, steps },
  };
}
