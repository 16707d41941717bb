import { createLogger, createService, CreateServiceOptions, ServiceRuntime } from '@gec/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';
import { IMPORT_FILE_TYPES } from './imports/import-file.reader';

/** An import file may be this large (the body limit of every other route stays 1 MB). */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export async function createIntakeApp(config: IntakeConfig, options: CreateServiceOptions = {}) {
  const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
  const app = await createService(IntakeModule.register(runtime), runtime, {
    title: 'Intake',
    description: 'Enterprises register and submit periodic reports (energy by carrier, output, value added).',
  }, options);
  // Import files arrive as the raw body (text/csv or XLSX), read whole into a Buffer, on POST /v1/imports only.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (route.url === '/v1/imports' && route.method === 'POST') route.bodyLimit = IMPORT_BODY_LIMIT;
  });
  fastify.addContentTypeParser([...IMPORT_FILE_TYPES], { parseAs: 'buffer' }, (request, body, done) => {
    if (request.routeOptions.url === '/v1/imports') done(null, body);
    else done(Object.assign(new Error(`Unsupported Media Type: ${request.headers['content-type']}`), { statusCode: 415 }), undefined);
  });
  return { app, runtime };
}
