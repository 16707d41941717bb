import { z } from 'zod';
import { BENCHMARK_DISCLOSURE_RULE } from '@gec/domain';
import { loadConfig, platformConfigSchema } from '@gec/platform';

export const metricsConfigSchema = platformConfigSchema({ service: 'metrics', port: 3102 }).extend({
  /** Below this many contributing enterprises, no benchmark figure is shown except to those entitled to all of them. */
  DISCLOSURE_MIN_COHORT: z.coerce.number().int().min(2).max(100).default(BENCHMARK_DISCLOSURE_RULE.minimumEnterprises),
});

export type MetricsConfig = ReturnType<typeof metricsConfigSchema.parse>;

export function readMetricsConfig(env: Record<string, string | undefined> = process.env): MetricsConfig {
  return loadConfig(metricsConfigSchema, env);
}
