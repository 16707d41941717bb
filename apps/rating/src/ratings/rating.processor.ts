import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobQueues } from '@gec/platform';
import { RATING_QUEUE, RERATE_INDUSTRY_JOB, RerateIndustryJob } from './rating.queue';
import { RerateIndustryUseCase } from './rerate-industry/rerate-industry.use-case';

/** The rating queue's worker: each job names what to re-rate; the use case reloads the current state. */
@Injectable()
export class RatingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueues,
    private readonly rerateIndustry: RerateIndustryUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.process<RerateIndustryJob>(RATING_QUEUE, (job) => this.handle(job));
  }

  private async handle(job: Job<RerateIndustryJob>): Promise<void> {
    if (job.name !== RERATE_INDUSTRY_JOB) throw new UnrecoverableError(`unknown job ${job.name} on queue ${RATING_QUEUE}`);
    await this.rerateIndustry.execute(job);
  }
}
