import { Injectable } from '@nestjs/common';
import { JobData, JobQueues } from '@gec/platform';

/** Never renamed: jobs already in Redis are found by these names. */
export const IMPORTS_QUEUE = 'imports';
export const RUN_IMPORT_JOB = 'run-import';

/** The job names the import; its progress (the cursor) lives in the import's document, which the job reloads. */
export interface RunImportJob extends JobData {
  importId: string;
}

@Injectable()
export class ImportsQueue {
  constructor(private readonly jobs: JobQueues) {}

  /** One job per import: enqueueing again (a re-upload of a file whose job never started) runs it once. */
  enqueue(importId: string): Promise<void> {
    return this.jobs.add<RunImportJob>(IMPORTS_QUEUE, RUN_IMPORT_JOB, { importId }, `${RUN_IMPORT_JOB}/${importId}`);
  }
}
