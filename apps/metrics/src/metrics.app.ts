import { createLogger, createService, CreateServiceOptions, ServiceRuntime } from '@gec/platform';
import { MetricsConfig } from './metrics.config';
import { MetricsModule } from './metrics.module';

export async function createMetricsApp(config: MetricsConfig, options: CreateServiceOptions = {}) {
  const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
  const app = await createService(MetricsModule.register(runtime), runtime, {
    title: 'Metrics',
    description: 'Turns accepted reports into carbon and energy indicators, and keeps industry carbon benchmarks.',
  }, options);
  return { app, runtime };
}
