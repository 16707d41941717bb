import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobQueues } from '@gec/platform';
import { RATE_ENTERPRISE_JOB, RateEnterpriseJob, RATING_QUEUE, RERATE_INDUSTRY_JOB, RerateIndustryJob } from './rating.queue';
import { RateEnterpriseUseCase } from './rate-enterprise/rate-enterprise.use-case';
import { RerateIndustryUseCase } from './rerate-industry/rerate-industry.use-case';

/** The rating queue's worker: each job names what to rate; the use cases reload the current state. */
@Injectable()
export class RatingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueues,
    private readonly rerateIndustry: RerateIndustryUseCase,
    private readonly rateEnterprise: RateEnterpriseUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.process<RerateIndustryJob | RateEnterpriseJob>(RATING_QUEUE, (job) => this.handle(job));
  }

  private async handle(job: Job<RerateIndustryJob | RateEnterpriseJob>): Promise<void> {
    switch (job.name) {
      case RERATE_INDUSTRY_JOB:
        await this.rerateIndustry.execute(job.data as RerateIndustryJob);
        return;
      case RATE_ENTERPRISE_JOB:
        await this.rateEnterprise.execute(job.data as RateEnterpriseJob);
        return;
      default:
        throw new UnrecoverableError(`unknown job ${job.name} on queue ${RATING_QUEUE}`);
    }
  }
}
