import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobQueues } from '@gec/platform';
import { IMPORTS_QUEUE, RUN_IMPORT_JOB, RunImportJob } from './imports.queue';
import { RunImportUseCase } from './run-import/run-import.use-case';

/** The imports queue's worker: a job names its import; the use case reloads the import and goes on from its cursor. */
@Injectable()
export class ImportsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueues,
    private readonly runImport: RunImportUseCase,
  ) {}

  onApplicationBootstrap(): void {
    // One import at a time per process: each chunk already keeps the database busy.
    this.jobs.process<RunImportJob>(IMPORTS_QUEUE, (job) => this.handle(job), 1);
  }

  private async handle(job: Job<RunImportJob>): Promise<void> {
    if (job.name !== RUN_IMPORT_JOB) throw new UnrecoverableError(`unknown job ${job.name} on queue ${IMPORTS_QUEUE}`);
    try {
      await this.runImport.execute(job.data.importId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.runImport.failed(job.data.importId, (error as Error).message).catch(() => undefined);
      throw error;
    }
  }
}
