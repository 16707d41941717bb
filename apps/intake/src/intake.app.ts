import { createLogger, createService, CreateServiceOptions, ServiceRuntime } from '@gec/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

export async function createIntakeApp(config: IntakeConfig, options: CreateServiceOptions = {}) {
  const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
  const app = await createService(IntakeModule.register(runtime), runtime, {
    title: 'Intake',
    description: 'Enterprises register and submit periodic reports (energy by carrier, output, value added).',
  }, options);
  return { app, runtime };
}
