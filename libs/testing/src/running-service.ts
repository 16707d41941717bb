import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceRuntime, startService } from '@gec/platform';

/** A service booted in-process on a free port, against the real infrastructure. */
export interface RunningService {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

export async function startInProcess(create: () => Promise<{ app: NestFastifyApplication; runtime: ServiceRuntime }>): Promise<RunningService> {
  const { app, runtime } = await create();
  const url = await startService(app, runtime);
  return { url, app, close: () => app.close() };
}
