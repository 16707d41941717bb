import { createLogger, createService, CreateServiceOptions, ServiceRuntime } from '@gec/platform';
import { FinanceConfig } from './finance.config';
import { FinanceModule } from './finance.module';

export async function createFinanceApp(config: FinanceConfig, options: CreateServiceOptions = {}) {
  const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
  const app = await createService(FinanceModule.register(runtime), runtime, {
    title: 'Finance',
    description: 'Green finance products and the eligibility of rated enterprises for them.',
  }, options);
  return { app, runtime };
}
