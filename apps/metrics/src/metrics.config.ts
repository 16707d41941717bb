import { loadConfig, platformConfigSchema } from '@gec/platform';

export const metricsConfigSchema = platformConfigSchema({ service: 'metrics', port: 3102 });

export type MetricsConfig = ReturnType<typeof metricsConfigSchema.parse>;

export function readMetricsConfig(env: Record<string, string | undefined> = process.env): MetricsConfig {
  return loadConfig(metricsConfigSchema, env);
}
