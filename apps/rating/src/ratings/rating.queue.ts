import { Injectable } from '@nestjs/common';
import { JobData, JobQueues } from '@gec/platform';

/** Never renamed: jobs already in Redis are found by these names. */
export const RATING_QUEUE = 'rating';
export const RERATE_INDUSTRY_JOB = 'rerate-industry';
export const RATE_ENTERPRISE_JOB = 'rate-enterprise';

export interface RerateIndustryJob extends JobData {
  industryDivision: string;
  period: string;
  benchmarkVersion: number;
}

export interface RateEnterpriseJob extends JobData {
  uscc: string;
  period: string;
  /** The benchmark version that caused the job; the worker rates against whatever is current. */
  benchmarkVersion: number;
}

/** BullMQ refuses ':' in custom job ids, so the parts of an idempotency key are joined with '/'. */
export function ratingJobId(...parts: Array<string | number>): string {
  return parts.join('/');
}

/** Enqueues the rating jobs; each job's id is its idempotency key, so enqueueing twice runs once. */
@Injectable()
export class RatingQueue {
  constructor(private readonly jobs: JobQueues) {}

  rerateIndustry(job: RerateIndustryJob): Promise<void> {
    const id = ratingJobId(RERATE_INDUSTRY_JOB, job.industryDivision, job.period, `v${job.benchmarkVersion}`);
    return this.jobs.add(RATING_QUEUE, RERATE_INDUSTRY_JOB, job, id);
  }

  rateEnterprise(job: RateEnterpriseJob): Promise<void> {
    const id = ratingJobId(RATE_ENTERPRISE_JOB, job.uscc, job.period, `bv${job.benchmarkVersion}`);
    return this.jobs.add(RATING_QUEUE, RATE_ENTERPRISE_JOB, job, id);
  }
}
