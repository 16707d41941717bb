import { Injectable } from '@nestjs/common';
import { BenchmarksRepository } from '../../benchmarks/benchmarks.repository';
import { CohortsRepository } from '../../cohorts/cohorts.repository';
import { RatingQueue, RerateIndustryJob } from '../rating.queue';

@Injectable()
export class RerateIndustryUseCase {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly benchmarks: BenchmarksRepository,
    private readonly queue: RatingQueue,
  ) {}

  /**
   * One rate-enterprise job per member known now, against the benchmark version current now; members joining
   * later are rated by their own indicators.
   */
  async execute(input: RerateIndustryJob): Promise<number> {
    const current = await this.benchmarks.find(input.industryDivision, input.period);
    const benchmarkVersion = Math.max(current?.version ?? 0, input.benchmarkVersion);
    const members = await this.cohorts.members(input.industryDivision, input.period);
    await Promise.all(members.map((uscc) => this.queue.rateEnterprise({ uscc, period: input.period, benchmarkVersion })));
    return members.length;
  }
}
