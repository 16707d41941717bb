import { createLogger, createService, CreateServiceOptions, ServiceRuntime } from '@gec/platform';
import { RatingConfig } from './rating.config';
import { RatingModule } from './rating.module';

export async function createRatingApp(config: RatingConfig, options: CreateServiceOptions = {}) {
  const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
  const app = await createService(RatingModule.register(runtime), runtime, {
    title: 'Rating',
    description: 'Rates enterprises with versioned methodologies (Zhejiang carbon-efficiency code), keeps rating history and explains each rating.',
  }, options);
  return { app, runtime };
}
