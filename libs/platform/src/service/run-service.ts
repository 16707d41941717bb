import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceRuntime } from './service-runtime';
import { startService } from './create-service';

/** The body of every main.ts: build, start, and exit with a readable message if that fails. */
export async function runService(create: () => Promise<{ app: NestFastifyApplication; runtime: ServiceRuntime }>): Promise<void> {
  try {
    const { app, runtime } = await create();
    await startService(app, runtime);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.name === 'ConfigError' ? error.message : error.stack) : String(error)}\n`);
    process.exit(1);
  }
}
