import { Injectable } from '@nestjs/common';
import { JobData, JobQueues, ServiceRuntime } from '@gec/platform';
import { RatingConfig } from '../rating.config';

/** Never renamed: jobs already in Redis are found by these names. */
export const RATING_QUEUE = 'rating';
export const RERATE_INDUSTRY_JOB = 'rerate-industry';

export interface RerateIndustryJob extends JobData {
  industryDivision: string;
  period: string;
  benchmarkVersion: number;
  /** How many members (in code order) are done: a retried job goes on from there. */
  cursor?: number;
}

/** BullMQ refuses ':' in custom job ids, so the parts of an idempotency key are joined with '/'. */
export function ratingJobId(...parts: Array<string | number>): string {
  return parts.join('/');
}

/** Enqueues the rating jobs; each job's id is its idempotency key, so enqueueing twice runs once. */
@Injectable()
export class RatingQueue {
  constructor(
    private readonly jobs: JobQueues,
    private readonly runtime: ServiceRuntime<RatingConfig>,
  ) {}

  /**
   * At most one re-rating per industry, period and time window: benchmark changes within a window share one job,
   * which runs when the window closes, against the benchmark current then. (Skipping superseded versions instead
   * would starve an industry whose benchmark keeps changing.)
   */
  rerateIndustry(job: RerateIndustryJob, now = Date.now()): Promise<void> {
    const window = this.runtime.config.RERATE_COALESCE_MS;
    if (window === 0) {
      return this.jobs.add(RATING_QUEUE, RERATE_INDUSTRY_JOB, job, ratingJobId(RERATE_INDUSTRY_JOB, job.industryDivision, job.period, `v${job.benchmarkVersion}`));
    }
    const bucket = Math.floor(now / window);
    const id = ratingJobId(RERATE_INDUSTRY_JOB, job.industryDivision, job.period, `w${bucket}`);
    return this.jobs.add(RATING_QUEUE, RERATE_INDUSTRY_JOB, job, id, { delay: (bucket + 1) * window - now });
  }

  /** An administrator's re-rating (e.g. after a methodology change), against the benchmark current when it runs. */
  async rerateNow(industryDivision: string, period: string, benchmarkVersion: number, now = Date.now()): Promise<string> {
    const id = ratingJobId(RERATE_INDUSTRY_JOB, industryDivision, period, `manual${now}`);
    await this.jobs.add<RerateIndustryJob>(RATING_QUEUE, RERATE_INDUSTRY_JOB, { industryDivision, period, benchmarkVersion }, id);
    return id;
  }
}
